import TerminalUI

/// The terminal as the run loop needs it. The `shop` executable adapts the ncurses backend
/// (TerminalCurses) to it; tests can drive the loop with a fake.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// Shows a frame (the device sends only what changed).
    func draw(_ buffer: Buffer)
    /// The next key, mouse or resize event, waiting at most `timeout`; nil when none came.
    func nextEvent(timeout: Duration) -> Event?
    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns on `fg`.
    func suspend()
    /// True once the terminal is gone (hung up): the loop then ends instead of spinning.
    var isClosed: Bool { get }
}

extension TerminalDevice {
    public var isClosed: Bool { false }
}
