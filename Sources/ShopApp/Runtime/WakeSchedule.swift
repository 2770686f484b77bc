import Foundation

/// When the screen changes by itself: the run loop sleeps until then (or until input or an
/// effect's answer), so a still screen costs no wake-ups at all.
extension AppState {
    /// The next moment a tick has something to do, or nil when nothing on screen moves. A
    /// spinner turns every `spinnerInterval` while something is loading (``SpinnerCadence``).
    func nextWake(after date: Date, spinnerInterval: TimeInterval = SpinnerCadence.fastest) -> Date? {
        var wakes: [Date] = []
        if isBusy { wakes.append(date.addingTimeInterval(spinnerInterval)) }
        if let flash { wakes.append(Self.secondReached(flash.until)) }
        if let expires = banner?.expires { wakes.append(Self.secondReached(expires)) }
        if screen == .orderDetail, let detail = orders.detail, let updated = detail.lastUpdated {
            // "updated 3 s ago" counts every second for a minute, then every minute.
            let age = date.timeIntervalSince(updated)
            let step: TimeInterval = age < 60 ? 1 : 60
            wakes.append(Self.secondReached(updated.addingTimeInterval((age / step).rounded(.down) * step + step)))
        }
        if connection == .offline {
            // With no attempt yet, the next tick starts the interval.
            wakes.append(lastReconnectAttempt.map { Self.secondReached($0.addingTimeInterval(reconnectInterval)) } ?? date)
        }
        if let polled = inbox.lastPolled { wakes.append(Self.secondReached(polled.addingTimeInterval(inbox.pollInterval))) }
        return wakes.min()
    }

    /// Ticks see time in whole seconds (``AppState/now``): a moment counts as reached once the
    /// whole second holding it has begun, so wake just after that.
    private static func secondReached(_ moment: Date) -> Date {
        Date(timeIntervalSince1970: moment.timeIntervalSince1970.rounded(.up) + 0.005)
    }
}
