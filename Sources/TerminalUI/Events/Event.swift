/// Everything a terminal reports to the app loop.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size; the next frame must be drawn at it.
    case resize(Size)
    /// Text pasted while bracketed paste is on: it arrives whole, never as keys that could
    /// trigger commands.
    case paste(String)
}
