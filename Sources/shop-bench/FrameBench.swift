import Foundation
import ShopApp
import ShopKit
import TerminalUI

/// Frame cost: reduce + view + diff + encoding per key press, for the main screens, with a large catalog
/// loaded page by page (issue 5, figure 1), plus the cells a one-row move and a full-screen
/// change touch (figure 4, the cell side; the byte side is scripts/bench/pty_bench.py).
enum FrameBench {
    struct Screen {
        var name: String
        var state: AppState
        var keys: [Key]
    }

    static func run(products: Int, frames: Int, keepsLastFrame: Bool = false) {
        let theme = Theme.default
        print("== Frame cost: reduce + view + diff + escape sequences, \(products) products loaded in pages of 20 ==")
        let rssBefore = ProcessMemory.residentMiB()
        var pageTimes = Samples()
        let loaded = BenchScreens.browsing(size: Size(width: 200, height: 60), products: products,
                                          keepsLastFrame: keepsLastFrame, pageTimes: &pageTimes)
        print("reduce(productsLoaded) + state comparison per page: \(pageTimes.summary())")
        print(String(format: "  all %d pages: %.2f s of reduce", pageTimes.count, pageTimes.total))
        let rssAfter = ProcessMemory.residentMiB()
        print("  resident memory of this process: \(ProcessMemory.format(rssBefore)) before, \(ProcessMemory.format(rssAfter)) after loading")

        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            var base = loaded
            if size != base.size { _ = reduce(&base, .resize(size)) }
            // Browse deep in the list: the selection near the end of the catalog.
            var browse = base
            BenchScreens.press([.end], &browse)
            BenchScreens.press(Array(repeating: .up, count: 30), &browse)
            let moves: [Key] = Array(repeating: .down, count: 10) + Array(repeating: .up, count: 10)
            let screens = [
                Screen(name: "browse", state: browse, keys: moves),
                Screen(name: "search results", state: BenchScreens.searchResults(from: base), keys: moves),
                Screen(name: "cart", state: BenchScreens.cart(from: base), keys: Array(repeating: .down, count: 6) + Array(repeating: .up, count: 6)),
                Screen(name: "checkout review", state: BenchScreens.checkoutReview(from: base), keys: [.down, .up]),
                Screen(name: "tracker", state: BenchScreens.tracker(from: base), keys: [.down, .up]),
            ]
            print("-- \(size.width)x\(size.height) --")
            for screen in screens {
                measureFrames(screen, frames: frames, theme: theme)
            }
        }
        cellEconomy(loaded, theme: theme)
    }

    /// One frame as the run loop does it: reduce the key, render (copying the rows that did not
    /// change from the last frame), diff, and encode the changed cells as escape sequences.
    static func measureFrames(_ screen: Screen, frames: Int, theme: Theme) {
        var state = screen.state
        let terminal = Terminal(backend: AnsiBackend(capabilities: .full, size: state.size) { _ in }, theme: theme)
        // As the run loop does: the layout the views publish with a frame is what the next
        // key is reduced against.
        var layout = ScreenLayout.none
        terminal.draw(size: state.size) { buffer, memory in
            AppView.render(state, into: &buffer, theme: theme, layout: &layout, memory: &memory)
        }
        state.layout = layout
        var total = Samples(), view = Samples(), diff = Samples()
        var changedCells = Samples()
        var cpu = Samples()
        let clock = ContinuousClock()
        for frame in 0..<frames {
            let key = screen.keys[frame % screen.keys.count]
            let cpuStart = threadCPUSeconds()
            let start = clock.now
            _ = reduce(&state, .key(key))
            let viewStart = clock.now
            var viewEnd = viewStart
            terminal.draw(size: state.size) { buffer, memory in
                AppView.render(state, into: &buffer, theme: theme, layout: &layout, memory: &memory)
                viewEnd = clock.now
            }
            state.layout = layout
            let end = clock.now
            cpu.add(seconds: threadCPUSeconds() - cpuStart)
            total.add(end - start)
            view.add(viewEnd - viewStart)
            diff.add(end - viewEnd)
            changedCells.add(seconds: Double(terminal.lastDrawCellCount))
        }
        let name = screen.name.padding(toLength: 16, withPad: " ", startingAt: 0)
        print("  \(name) wall \(total.summary())  cpu median \(TimeUnit.milliseconds.format(cpu.median)) p99 \(TimeUnit.milliseconds.format(cpu.p99))  [view median \(TimeUnit.milliseconds.format(view.median)), diff + encoding median \(TimeUnit.milliseconds.format(diff.median)), \(Int(changedCells.median)) cells changed]")
    }

    /// Cells changed by a one-row move and by a full-screen change at 200x60.
    static func cellEconomy(_ loaded: AppState, theme: Theme) {
        var state = loaded
        let first = AppView.render(state, size: state.size, theme: theme)
        _ = reduce(&state, .key(.down))
        let moved = AppView.render(state, size: state.size, theme: theme)
        _ = reduce(&state, .key(.character("c")))
        let cart = AppView.render(state, size: state.size, theme: theme)
        print("-- cells changed at 200x60 (of \(first.width * first.height)) --")
        print("  selection moves one row (browse): \(moved.changes(from: first).count) cells")
        print("  browse -> cart (full-screen change): \(cart.changes(from: moved).count) cells")
        print("  first frame (everything): \(first.changes(from: nil).count) cells")
    }
}
