import Foundation
import ShopApp
import TerminalCurses
import TerminalUI

/// The ncurses terminal as the app's run loop sees it.
final class CursesDevice: TerminalDevice {
    let terminal: CursesTerminal
    /// Waits that came back empty long before their timeout, in a row: a hung-up terminal
    /// answers every read at once, and the app must end rather than spin.
    private var instantEmptyReads = 0

    init(terminal: CursesTerminal) {
        self.terminal = terminal
    }

    var size: Size { terminal.size }

    var isClosed: Bool { instantEmptyReads > 500 }

    func draw(_ buffer: Buffer) { terminal.draw(buffer) }

    func nextEvent(timeout: Duration) -> Event? {
        let start = ContinuousClock.now
        let event = terminal.nextEvent(timeout: timeout)
        if event == nil && timeout > .milliseconds(5) && ContinuousClock.now - start < timeout / 10 {
            instantEmptyReads += 1
        } else {
            instantEmptyReads = 0
        }
        return event
    }

    func suspend() { terminal.suspend() }
}
