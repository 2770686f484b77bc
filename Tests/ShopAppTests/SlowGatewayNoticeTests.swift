import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// A slow gateway is named within 5 s while the app keeps waiting (issue 17).
@Suite struct SlowGatewayNoticeTests {
    static func statusRow(_ state: AppState) -> String {
        AppView.render(state, size: state.size, theme: .mono).text(ofRow: state.size.height - 1)
    }

    /// Ticks every 0.25 s, as the runtime sends them, from `start` for `seconds`.
    static func tick(_ state: inout AppState, from start: Date, seconds: Double) {
        var elapsed = 0.0
        while elapsed <= seconds {
            _ = reduce(&state, .tick(start.addingTimeInterval(elapsed)))
            elapsed += 0.25
        }
    }

    @Test func aRequestOutForFiveSecondsIsNamedAndTheNoticeGoesWithTheAnswer() {
        var state = Fixtures.state()
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        state.cart.cart = .loading(previous: nil)
        let start = Fixtures.now.addingTimeInterval(0.6)  // not on a whole second
        Self.tick(&state, from: start, seconds: 3)
        #expect(!state.isWaitingLong)
        #expect(!Self.statusRow(state).contains(SlowGatewayNotice.text))
        Self.tick(&state, from: start.addingTimeInterval(3.25), seconds: 1.75)  // 5 s in all
        #expect(state.isWaitingLong)
        #expect(Self.statusRow(state).contains(SlowGatewayNotice.text))
        // The answer comes: the notice goes at once.
        _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
        #expect(!state.isWaitingLong)
        #expect(!Self.statusRow(state).contains(SlowGatewayNotice.text))
        _ = reduce(&state, .tick(start.addingTimeInterval(5.25)))
        #expect(state.waitingSince == nil)
    }

    @Test func firstContactThatHangsIsNamedToo() {
        var state = Fixtures.state()
        #expect(state.connection == .connecting)
        Self.tick(&state, from: Fixtures.now, seconds: 5)
        #expect(Self.statusRow(state).contains(SlowGatewayNotice.text))
    }

    @Test func quickAnswersNeverShowIt() {
        var state = Fixtures.state()
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        for second in 0..<30 {
            state.cart.cart = .loading(previous: nil)
            _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(Double(second))))
            _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
            _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(Double(second) + 0.5)))
            #expect(!Self.statusRow(state).contains(SlowGatewayNotice.text))
        }
    }
}
