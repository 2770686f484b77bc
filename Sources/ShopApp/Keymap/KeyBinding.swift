import TerminalUI

/// One row of the keymap: keys, what they do, where, and how the footer and help name it.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var command: Command
    public var scope: KeyScope
    public var label: String
    /// Shown in the footer of its screen (help always lists every binding).
    public var inFooter: Bool

    public init(_ keys: [Key], _ command: Command, _ scope: KeyScope, _ label: String, footer: Bool = false) {
        self.keys = keys
        self.command = command
        self.scope = scope
        self.label = label
        self.inFooter = footer
    }

    /// Keys that still act while a text field has focus (printable ones type instead).
    public var isTypingSafe: Bool { keys.contains { !$0.isPrintable } }
}

extension Key {
    /// A key that types a character into a field.
    public var isPrintable: Bool {
        if case .character = self { return true }
        return false
    }
}
