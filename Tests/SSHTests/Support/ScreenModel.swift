/// Just enough of a terminal to read what `AnsiBackend` draws: cursor moves (`CSI row;col H`),
/// clears (`CSI 2J`), and text; styles and modes are skipped. Tests read the screen as lines.
struct ScreenModel: Sendable {
    private(set) var width: Int
    private(set) var height: Int
    private var cells: [[Character]]
    private var row = 0
    private var column = 0
    private var pending: [UInt8] = []

    /// A model of at least 1x1 and at most 1000x1000 cells: a client that claims a 0x0 or a
    /// 10000x10000 window still has somewhere to put what the server draws.
    init(width: Int, height: Int) {
        self.width = min(max(1, width), 1000)
        self.height = min(max(1, height), 1000)
        cells = Array(repeating: Array(repeating: " ", count: self.width), count: self.height)
    }

    mutating func resize(width: Int, height: Int) {
        self = ScreenModel(width: width, height: height)
    }

    var text: String { cells.map { String($0) }.joined(separator: "\n") }

    mutating func feed(_ bytes: [UInt8]) {
        pending += bytes
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            if byte == 0x1B {
                guard let end = sequenceEnd(from: index) else { break }
                apply(Array(pending[index...end]))
                index = end + 1
            } else if byte < 0x20 {
                if byte == 0x0D { column = 0 } else if byte == 0x0A { row = min(height - 1, row + 1) }
                index += 1
            } else {
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                guard index + length <= pending.count else { break }
                let scalar = String(decoding: pending[index..<index + length], as: UTF8.self)
                put(Character(scalar))
                index += length
            }
        }
        pending.removeFirst(index)
    }

    private func sequenceEnd(from start: Int) -> Int? {
        guard start + 1 < pending.count else { return nil }
        guard pending[start + 1] == UInt8(ascii: "[") else { return start + 1 }
        var index = start + 2
        while index < pending.count {
            if (0x40...0x7E).contains(pending[index]) { return index }
            index += 1
        }
        return nil
    }

    private mutating func apply(_ sequence: [UInt8]) {
        guard sequence.count >= 3, let final = sequence.last else { return }
        let body = String(decoding: sequence[2..<(sequence.count - 1)], as: UTF8.self)
        switch final {
        case UInt8(ascii: "H"):
            let parts = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
            row = min(height - 1, max(0, (parts.first ?? 1) - 1))
            column = min(width - 1, max(0, (parts.count > 1 ? parts[1] : 1) - 1))
        case UInt8(ascii: "J") where body == "2":
            cells = Array(repeating: Array(repeating: " ", count: width), count: height)
        default:
            break
        }
    }

    private mutating func put(_ character: Character) {
        guard row < height, column < width else { return }
        cells[row][column] = character
        column += 1
    }
}
