import Foundation
import Testing
@testable import ShopKit

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func secondsAreSeconds() {
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", now: now) == .zero)
        #expect(RetryAfter.delay("99999999999999999999999", now: now) == .seconds(Int.max))
        #expect(RetryAfter.seconds("7", now: now) == 7)
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:51:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:51:37 GMT",  // RFC 850
        "Sun Nov  6 08:51:37 1994",  // asctime
    ])
    func httpDatesInEveryFormAreReadAsUTC(value: String) {
        #expect(RetryAfter.delay(value, now: now) == .seconds(120))
        #expect(RetryAfter.seconds(value, now: now) == 120)
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.delay("Sat, 05 Nov 1994 08:49:37 GMT", now: now) == .zero)
        #expect(RetryAfter.httpDate("Thu, 01 Jan 1970 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
        #expect(RetryAfter.httpDate("Tue, 29 Feb 2028 23:59:59 GMT") == Date(timeIntervalSince1970: 1_835_481_599))
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT",
                      "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT"])
    func anythingElseIsIgnored(value: String) {
        #expect(RetryAfter.delay(value, now: now) == nil)
    }
}
