import Foundation

/// How often a spinner turns. Every 0.25 s while the process keeps up; when a tick runs late
/// (every thread of the process is busy: many sessions at once, a loaded machine) the interval
/// doubles, up to one turn every 4 s, and it comes back as ticks run on time again.
///
/// A spinner is decoration, and each turn draws a whole frame. With 150 sessions waiting at
/// once, four frames a second each took both cores of a two-core machine (debug build), so the
/// gateway answers the sessions waited for were served last: one waited 65 s for a product's
/// details (ManyRuntimesTests and ServeConcurrencyTests in one process). Waiting shoppers must
/// not slow down the answers they wait for.
struct SpinnerCadence {
    static let fastest: TimeInterval = 0.25
    static let slowest: TimeInterval = 4
    /// A tick that runs this much after it was due means the threads are behind.
    static let behind: TimeInterval = 0.05

    private(set) var interval = fastest

    /// A tick due at `due` ran at `ran`.
    mutating func tick(due: Date, ran: Date) {
        if ran.timeIntervalSince(due) > Self.behind {
            interval = min(Self.slowest, interval * 2)
        } else {
            interval = max(Self.fastest, interval / 2)
        }
    }
}
