/// A mouse action at a cell, for clicking list rows and scrolling with the wheel.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// A left-button click.
        case click
        /// A right-button click.
        case rightClick
        case wheelUp
        case wheelDown
    }

    public var action: Action
    /// Where it happened, in screen cells.
    public var position: Position

    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.position = Position(x: x, y: y)
    }
}
