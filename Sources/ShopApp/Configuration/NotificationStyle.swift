/// How the app rings the terminal when an order changes status or a message arrives.
public enum NotificationStyle: String, Sendable, Equatable, CaseIterable {
    /// Nothing (the default over SSH: a stranger's terminal should not beep unasked).
    case off
    /// BEL: every terminal knows it; many flash the tab or the dock icon.
    case bell
    /// OSC 9 (iTerm2, WezTerm, Windows Terminal, foot): a desktop notification with text.
    case osc9
    /// OSC 777 (urxvt, VTE terminals such as GNOME Terminal, kitty): a titled desktop notification.
    case osc777
}

extension NotificationStyle {
    /// What rings when nothing is configured: a bell at the person's own terminal, nothing over
    /// SSH (an `ssh` login, or a session `shop serve` runs) unless it is asked for.
    public static func `default`(overSSH: Bool) -> NotificationStyle {
        overSSH ? .off : .bell
    }
}
