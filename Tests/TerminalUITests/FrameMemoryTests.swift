import Testing
import TerminalUITesting
@testable import TerminalUI

@Suite("Regions copied from the last frame")
struct FrameMemoryTests {
    static let size = Size(width: 20, height: 4)
    static let row = Rect(x: 2, y: 1, width: 10, height: 1)

    /// Draws `text` into `row` unless `memory` copies it; returns whether it was copied.
    static func drawRow(_ text: String, fingerprint: Int, at area: Rect = row, into buffer: inout Buffer, memory: inout FrameMemory) -> Bool {
        if memory.reuse(7, area: area, fingerprint: fingerprint, into: &buffer) { return true }
        buffer.write(text, x: area.x, y: area.y, style: .foreground(.accent), maxWidth: area.width)
        return false
    }

    @Test("A region is copied only from a frame that drew it at the same place from the same inputs")
    func copiedOnlyWhenUnchanged() {
        var memory = FrameMemory()
        var first = Buffer(size: Self.size)
        #expect(!Self.drawRow("漢字 twelve", fingerprint: 1, into: &first, memory: &memory))
        memory.remember(first)

        var second = Buffer(size: Self.size)
        #expect(Self.drawRow("not drawn", fingerprint: 1, into: &second, memory: &memory))
        #expect(second == first)
        memory.remember(second)

        var moved = Buffer(size: Self.size)
        #expect(!Self.drawRow("moved", fingerprint: 1, at: Rect(x: 3, y: 1, width: 10, height: 1), into: &moved, memory: &memory))
        memory.remember(moved)

        var changed = Buffer(size: Self.size)
        #expect(!Self.drawRow("changed", fingerprint: 2, at: Rect(x: 3, y: 1, width: 10, height: 1), into: &changed, memory: &memory))
        #expect(changed.text(ofRow: 1).hasPrefix("   changed"))
    }

    @Test("Nothing is copied from a frame something was drawn over, after a forget, or at another size")
    func nothingCopiedFromAnUntrustworthyFrame() {
        var memory = FrameMemory()
        var overdrawn = Buffer(size: Self.size)
        _ = Self.drawRow("row", fingerprint: 1, into: &overdrawn, memory: &memory)
        memory.markOverdrawn()
        overdrawn.write("OVERLAY", x: 0, y: 1)
        memory.remember(overdrawn)
        var next = Buffer(size: Self.size)
        #expect(!Self.drawRow("row", fingerprint: 1, into: &next, memory: &memory))
        #expect(!next.text(ofRow: 1).contains("OVERLAY"))
        memory.remember(next)

        memory.forget()
        var afterForget = Buffer(size: Self.size)
        #expect(!Self.drawRow("row", fingerprint: 1, into: &afterForget, memory: &memory))
        memory.remember(afterForget)

        var bigger = Buffer(width: 30, height: 4)
        #expect(!Self.drawRow("row", fingerprint: 1, into: &bigger, memory: &memory))
    }

    @Test("A list copies the rows whose item and selection did not change, and shows the same as drawing them all")
    func listRowsCopied() {
        let backend = TestBackend(size: Size(width: 24, height: 8))
        let terminal = Terminal(backend: backend, theme: .default)
        let items = (0..<30).map { "item \($0) " + String(repeating: "é", count: $0 % 5) + ($0 % 7 == 0 ? "漢字" : "") }
        var state = ListState(selected: 0)
        var drawnRows: [Int] = []
        for key in [0, 1, 1, 1, 6, 1, -3, 20, 1, 1, -25] {
            let offsetBefore = state.effectiveOffset(count: items.count, visibleRows: 8)
            state.select((state.selected ?? 0) + key, count: items.count, visibleRows: 8)
            let list = ListView(count: items.count, state: state) { index in
                drawnRows.append(index)
                return Line(items[index])
            }
            drawnRows = []
            terminal.draw(size: backend.size) { buffer, memory in
                list.render(into: &buffer, area: buffer.area, theme: .default, memory: &memory, region: 1) { items[$0].hashValue }
            }
            let drawnWithMemory = drawnRows
            var fresh = Buffer(size: backend.size)
            list.render(into: &fresh, area: fresh.area, theme: .default)
            #expect(backend.lines == (0..<fresh.height).map { fresh.text(ofRow: $0) }, "after moving by \(key)")
            if key == 1 && state.effectiveOffset(count: items.count, visibleRows: 8) == offsetBefore {
                #expect(drawnWithMemory.sorted() == [state.selected! - 1, state.selected!], "one step down drew rows \(drawnWithMemory)")
            }
        }
    }
}
