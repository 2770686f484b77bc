import ShopApp
import TerminalCurses
import TerminalUI

/// The ncurses terminal as the app's run loop sees it.
final class CursesDevice: TerminalDevice {
    let terminal: CursesTerminal

    init(terminal: CursesTerminal) {
        self.terminal = terminal
    }

    var size: Size { terminal.size }

    func draw(_ buffer: Buffer) { terminal.draw(buffer) }

    func nextEvent(timeout: Duration) -> Event? { terminal.nextEvent(timeout: timeout) }

    func suspend() { terminal.suspend() }
}
