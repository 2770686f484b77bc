extension Overlay {
    /// A confirmation's two buttons, the one that goes ahead first; nil for the overlays that
    /// are not confirmations. The dialog draws them and the footer names the keys for them.
    var dialogButtons: (confirm: String, decline: String)? {
        switch self {
        case .confirmQuit: ("Quit", "Stay")
        case .confirmCancelOrder: ("Cancel order", "Keep it")
        case .confirmSignOut: ("Sign out", "Stay signed in")
        case .confirmDeleteAddress: ("Delete", "Keep it")
        case .help, .palette: nil
        }
    }

    var dialogButtonTitles: [String] {
        dialogButtons.map { [$0.confirm, $0.decline] } ?? []
    }
}
