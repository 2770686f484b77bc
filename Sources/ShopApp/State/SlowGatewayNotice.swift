import Foundation

/// Tells the person the gateway is slow while the app keeps waiting for it.
///
/// ShopKit gives each request up to 15 s and retries it, so a gateway that answers slowly could
/// leave nothing but spinners and "connecting…" for a minute. Ticks note since when a request
/// has been out; after ``threshold`` the status bar says so, until the answer comes.
public enum SlowGatewayNotice {
    /// Whole seconds of waiting before the notice. Ticks come every 0.25 s and `now` is whole
    /// seconds, so the notice shows at most 5.25 s after the request went out.
    public static let threshold: TimeInterval = 4
    public static let text = "Still waiting for the shop…"

    /// Called on every tick: starts, keeps or clears the waiting time.
    static func update(_ state: inout AppState) {
        if state.isWaitingForGateway {
            if state.waitingSince == nil { state.waitingSince = state.now }
        } else if state.waitingSince != nil {
            state.waitingSince = nil
        }
    }
}

extension AppState {
    /// A request is out: something loads, or the first contact with the gateway is still pending.
    public var isWaitingForGateway: Bool { isBusy || connection == .connecting }

    /// The notice is due: a request has been out for ``SlowGatewayNotice/threshold`` or longer.
    public var isWaitingLong: Bool {
        guard let since = waitingSince, isWaitingForGateway else { return false }
        return now.timeIntervalSince(since) >= SlowGatewayNotice.threshold
    }
}
