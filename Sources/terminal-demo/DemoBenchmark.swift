import Foundation
import TerminalCurses
import TerminalUI

/// Frame-cost measurements for the performance notes.
enum DemoBenchmark {
    /// Renders `frames` 200x60 frames of the demo screen (selection moving) and diffs each
    /// against the one before, printing the average cost of each step.
    static func renderAndDiff(frames: Int, theme: Theme) {
        let size = Size(width: 200, height: 60)
        var state = DemoState()
        var previous = DemoScreen.render(state, size: size, theme: theme)
        var renderTime = Duration.zero
        var diffTime = Duration.zero
        var changed = 0
        let clock = ContinuousClock()
        let cpuStart = threadCPUTime()
        for frame in 0..<frames {
            state.list.move(by: frame % 40 < 20 ? 1 : -1, count: DemoCatalog.count, visibleRows: DemoScreen.listRows(for: size))
            state.tick = frame
            let start = clock.now
            let buffer = DemoScreen.render(state, size: size, theme: theme)
            let rendered = clock.now
            let changes = buffer.changes(from: previous)
            diffTime += clock.now - rendered
            renderTime += rendered - start
            changed += changes.count
            previous = buffer
        }
        let cpu = threadCPUTime() - cpuStart
        let fullStart = clock.now
        for _ in 0..<frames { _ = previous.changes(from: nil) }
        let fullDiff = clock.now - fullStart
        print("200x60 demo screen (every widget, 57 list rows), \(frames) frames, wall clock:")
        print("  render \(microseconds(renderTime / frames)) µs/frame")
        print("  diff   \(microseconds(diffTime / frames)) µs/frame (\(changed / max(1, frames)) changed cells/frame)")
        print("  render + diff CPU time \(microseconds(cpu / frames)) µs/frame (unaffected by other processes)")
        print("  full-frame change list \(microseconds(fullDiff / frames)) µs/frame (12000 cells, after a resize)")
    }

    /// CPU time of the calling thread, which other processes on the machine do not inflate.
    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    /// Draws frames through ncurses in the current terminal: alternately a one-row selection
    /// move and a full repaint, returning the average cost of `draw` for each.
    static func flush(frames: Int, terminal: CursesTerminal) -> String {
        let size = terminal.size
        var state = DemoState()
        let clock = ContinuousClock()
        var incremental = Duration.zero
        var full = Duration.zero
        var incrementalCells = 0
        terminal.draw(DemoScreen.render(state, size: size, theme: terminal.theme))
        for frame in 0..<frames {
            state.list.move(by: frame % 40 < 20 ? 1 : -1, count: DemoCatalog.count, visibleRows: DemoScreen.listRows(for: size))
            let buffer = DemoScreen.render(state, size: size, theme: terminal.theme)
            if frame % 10 == 9 {
                terminal.invalidate()
                let start = clock.now
                terminal.draw(buffer)
                full += clock.now - start
            } else {
                let start = clock.now
                terminal.draw(buffer)
                incremental += clock.now - start
                incrementalCells += terminal.lastDrawCellCount
            }
        }
        let fullFrames = max(1, frames / 10)
        let incrementalFrames = max(1, frames - frames / 10)
        return """
            \(size.width)x\(size.height) through ncurses (\(terminal.colorCapability)), \(frames) frames:
              draw after a selection move: \(microseconds(incremental / incrementalFrames)) µs/frame (\(incrementalCells / incrementalFrames) cells)
              draw of a full repaint:      \(microseconds(full / fullFrames)) µs/frame
            """
    }

    private static func microseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        return String(Int(value.rounded()))
    }
}
