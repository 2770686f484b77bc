import Foundation
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
