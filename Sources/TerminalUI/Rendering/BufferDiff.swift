/// One cell a backend has to redraw.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    /// Columns the symbol covers (2 for a wide character, whose covered cell is not listed).
    public var width: Int
}

extension Buffer {
    /// The cells that differ from `previous`, in row-major order — what a backend must draw to
    /// turn the screen showing `previous` into this buffer.
    ///
    /// With no previous frame, or one of another size (after a resize), every cell is listed.
    /// Covered cells are never listed: the wide character that covers them is, whenever either
    /// half changed.
    public func changes(from previous: Buffer?) -> [CellChange] {
        var changes: [CellChange] = []
        let comparable = previous.map { $0.width == width && $0.height == height } ?? false
        if !comparable { changes.reserveCapacity(cells.count) }
        var lastEmitted = -1
        cells.withUnsafeBufferPointer { current in
            let old = comparable ? previous!.cells : []
            for index in 0..<current.count {
                if comparable && current[index] == old[index] { continue }
                var owner = index
                if current[index].isContinuation {
                    // Only the covered half changed: redraw the wide character owning it.
                    owner = index - 1
                    if owner < 0 || owner == lastEmitted || owner % width == width - 1 { continue }
                }
                let isWide = owner % width < width - 1 && current[owner + 1].isContinuation
                changes.append(CellChange(x: owner % width, y: owner / width, cell: current[owner], width: isWide ? 2 : 1))
                lastEmitted = owner
            }
        }
        return changes
    }
}
