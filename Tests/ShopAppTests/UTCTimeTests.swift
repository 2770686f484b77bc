import Foundation
import Testing
@testable import ShopApp

@Suite struct UTCTimeTests {
    @Test func formatsFixedUTCFields() throws {
        let moment = Date(timeIntervalSince1970: 1_795_254_605.9)  // 2026-11-21T09:50:05.9Z
        let time = try #require(UTCTime(moment))
        #expect(time.date == "2026-11-21")
        #expect(time.dateTime == "2026-11-21 09:50")
        #expect(time.iso8601 == "2026-11-21T09:50:05Z")
        #expect(UTCTime(Date(timeIntervalSince1970: -1))?.iso8601 == "1969-12-31T23:59:59Z")
        #expect(UTCTime(Date(timeIntervalSince1970: 951_782_400))?.date == "2000-02-29")
    }

    @Test func agreesWithFoundationAcrossCenturies() {
        var generator = SystemRandomNumberGenerator()
        let style = Date.ISO8601FormatStyle()
        for _ in 0..<2_000 {
            let moment = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...8_000_000_000, using: &generator)))
            #expect(UTCTime(moment)?.iso8601 == moment.formatted(style))
        }
    }

    @Test func datesNoCalendarCanHoldAreShownAsADash() {
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
            let moment = Date(timeIntervalSince1970: seconds)
            #expect(UTCTime(moment) == nil)
            #expect(Format.dateTime(moment) == "—")
        }
    }
}
