import Synchronization

/// Notes every text write into a ``Buffer`` made in this task, with the cells it left, so a
/// test can tell a word that a later write covered in part (cut, with no "…") from one that
/// was written short on purpose. Off unless a test sets ``current``; views never see it.
final class BufferWriteRecorder: Sendable {
    /// One write: the cells of row `y` from column `x` on, as the write left them.
    struct Write: Sendable {
        var x: Int
        var y: Int
        var symbols: [String]
    }

    private let log = Mutex<[Write]>([])

    /// Every write so far, in order.
    var writes: [Write] { log.withLock { $0 } }

    func record(_ buffer: Buffer, x: Int, y: Int, columns: Int) {
        guard columns > 0, y >= 0, y < buffer.height else { return }
        let start = max(0, x)
        let end = min(buffer.width, start + columns)
        guard start < end else { return }
        let symbols = (start..<end).map { buffer[$0, y].symbol }
        log.withLock { $0.append(Write(x: start, y: y, symbols: symbols)) }
    }

    /// The recorder of the rendering running in this task.
    @TaskLocal static var current: BufferWriteRecorder?
}
