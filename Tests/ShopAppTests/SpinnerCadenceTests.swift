import Foundation
import ShopKit
import Testing
@testable import ShopApp

/// A spinner turns four times a second while ticks run on time, and slows down (to one turn
/// every 4 s) while they run late, so waiting sessions do not take the threads their answers need.
@Suite("Spinner cadence")
struct SpinnerCadenceTests {
    let due = Date(timeIntervalSince1970: 1_000)

    @Test func onTimeTicksKeepTheFastestCadence() {
        var cadence = SpinnerCadence()
        for _ in 0..<10 { cadence.tick(due: due, ran: due.addingTimeInterval(0.01)) }
        #expect(cadence.interval == 0.25)
    }

    @Test func lateTicksSlowItDownToTheSlowestAndOnTimeOnesBringItBack() {
        var cadence = SpinnerCadence()
        var seen: [TimeInterval] = []
        for _ in 0..<6 {
            cadence.tick(due: due, ran: due.addingTimeInterval(0.5))
            seen.append(cadence.interval)
        }
        #expect(seen == [0.5, 1, 2, 4, 4, 4])
        seen = []
        for _ in 0..<5 {
            cadence.tick(due: due, ran: due)
            seen.append(cadence.interval)
        }
        #expect(seen == [2, 1, 0.5, 0.25, 0.25])
    }

    @Test func theScheduleUsesTheCadenceWhileBusy() {
        var state = AppState(size: .init(width: 80, height: 24), now: due, gatewayLabel: "test")
        state.browse.isLoadingPage = true
        #expect(state.isBusy)
        #expect(state.nextWake(after: due, spinnerInterval: 2) == due.addingTimeInterval(2))
        state.browse.isLoadingPage = false
        #expect(!state.isBusy)
        #expect(state.nextWake(after: due, spinnerInterval: 2) == nil)
    }
}

/// The inbox is polled every 15 s while the person uses the app; left alone, each poll doubles
/// the wait (up to 5 minutes), and a key brings it back, polling at once if the inbox is stale.
@Suite("Inbox poll while idle")
struct InboxPollTests {
    let start = Date(timeIntervalSince1970: 10_000)

    func polls(_ effects: [Effect]) -> Bool { effects.contains(.loadInbox) }

    /// Whether the tick at `now` polls; a poll is answered at once (an empty inbox).
    func pollsAndIsAnswered(_ state: inout AppState, at now: Date) -> Bool {
        guard polls(reduce(&state, .tick(now))) else { return false }
        _ = reduce(&state, .inboxLoaded(.success(Page(items: [], nextCursor: nil))))
        return true
    }

    @Test func leftAloneThePollSlowsDownAndAKeyBringsItBack() {
        var state = AppState(size: .init(width: 80, height: 24), now: start, gatewayLabel: "test")
        // As `.start` does, without its loads (they would keep the spinner, and its wakes, going).
        state.inbox.lastPolled = start
        var polledAt: [TimeInterval] = []
        for second in stride(from: 1, through: 1_000, by: 1) {
            let now = start.addingTimeInterval(TimeInterval(second))
            if pollsAndIsAnswered(&state, at: now) { polledAt.append(TimeInterval(second)) }
        }
        // 15, then 30, 60, 120, 240 and 300 s apart.
        #expect(polledAt == [15, 45, 105, 225, 465, 765])
        #expect(state.inbox.pollInterval == InboxState.idlePollInterval)
        #expect(state.nextWake(after: start.addingTimeInterval(1_000)) == start.addingTimeInterval(1_065.005))

        // A key: the inbox is 235 s old, so the next tick polls, and then every 15 s again.
        _ = reduce(&state, .key(.character("j")))
        #expect(state.inbox.pollInterval == InboxState.activePollInterval)
        #expect(state.nextWake(after: start.addingTimeInterval(1_000))! <= start.addingTimeInterval(1_000.005))
        #expect(pollsAndIsAnswered(&state, at: start.addingTimeInterval(1_001)))
        _ = reduce(&state, .key(.character("k")))
        #expect(!polls(reduce(&state, .tick(start.addingTimeInterval(1_015)))))
        #expect(polls(reduce(&state, .tick(start.addingTimeInterval(1_016)))))
    }

    /// A gateway too slow to answer must not collect a poll every 15 s from every session: 100
    /// waiting sessions had 432 polls queued at once inside the whole suite (ManyRuntimesTests),
    /// ahead of every purchase's requests.
    @Test func noSecondPollWhileOneIsUnanswered() {
        var state = AppState(size: .init(width: 80, height: 24), now: start, gatewayLabel: "test")
        state.inbox.lastPolled = start
        var polledAt: [TimeInterval] = []
        for second in stride(from: 1, through: 120, by: 1) {
            let now = start.addingTimeInterval(TimeInterval(second))
            _ = reduce(&state, .key(.character("j")))  // someone is typing: every round is 15 s
            if polls(reduce(&state, .tick(now))) { polledAt.append(TimeInterval(second)) }
            if second == 70 { _ = reduce(&state, .inboxLoaded(.success(Page(items: [], nextCursor: nil)))) }
        }
        // The poll at 15 s is answered only at 70 s: the rounds at 30, 45 and 60 s are skipped;
        // the one at 75 s is never answered, so none follows it.
        #expect(polledAt == [15, 75])
        #expect(state.inbox.isPolling)
    }
}
