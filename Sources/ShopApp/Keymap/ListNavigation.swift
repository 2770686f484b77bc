import TerminalUI

extension Command {
    /// The navigation key a movement command stands for, so every list moves the same way.
    var navigationKey: Key? {
        switch self {
        case .moveUp: .up
        case .moveDown: .down
        case .first: .home
        case .last: .end
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        default: nil
        }
    }
}

extension ListState {
    /// Moves the selection for a movement command; returns false for any other command.
    @discardableResult
    mutating func navigate(_ command: Command, count: Int, visibleRows: Int) -> Bool {
        guard let key = command.navigationKey else { return false }
        return handle(key, count: count, visibleRows: visibleRows)
    }
}
