import TerminalUI

/// Terminal sizes from the client, clamped to what a screen can be: a 0x0 window draws as the
/// smallest screen and a 10000x10000 one as the largest, so no client can make the server
/// allocate a frame of its choosing.
enum WindowSize {
    static let minimum = Size(width: 20, height: 6)
    static let maximum = Size(width: 500, height: 200)

    static func clamped(width: Int, height: Int) -> Size {
        Size(width: min(max(width, minimum.width), maximum.width),
             height: min(max(height, minimum.height), maximum.height))
    }
}
