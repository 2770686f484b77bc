import Foundation
import ShopKit
import ShopKitTesting
import ShopTour
import Synchronization
import Testing

/// The tool's logic against canned answers: no gateway needed.
@Suite("Shop tour")
struct ShopTourTests {
    static func hit(_ id: String, cents: Int) -> String {
        #"{"product":{"id":"\#(id)","code":"\#(id)","name":"Mug \#(id)","category":"kitchen","#
            + #""price":{"amount":\#(cents),"currency":"USD"},"rating":4.5,"ratingCount":3,"stock":9,"#
            + #""availability":"in_stock"},"matchedIn":["name"]}"#
    }

    static func client(_ stub: StubTransport) -> ShopClient {
        ShopClient(configuration: ShopClientConfiguration(baseURL: URL(string: "http://stub.invalid")!), transport: stub)
    }

    @Test("the cheapest hit is found across two pages")
    func cheapestAcrossPages() async throws {
        let stub = StubTransport()
        stub.answer("searchProducts",
                    with: .json(#"{"items":[\#(Self.hit("a", cents: 900)),\#(Self.hit("b", cents: 700))],"nextCursor":"p2","total":3}"#),
                    .json(#"{"items":[\#(Self.hit("c", cents: 500))],"total":3}"#))
        let cheapest = try await ShopTour(client: Self.client(stub), say: { _ in }).cheapest("mug")
        #expect(cheapest?.id == "c")
        #expect(stub.requests(of: "searchProducts").map(\.path).last?.contains("cursor=p2") == true)
    }

    @Test("a declined card is reported, not thrown")
    func declinedCard() async throws {
        let stub = StubTransport()
        stub.answer("searchProducts", with: .json(#"{"items":[\#(Self.hit("a", cents: 900))],"total":1}"#))
        stub.answer("addCartItem", with: .json(
            #"{"lines":[],"itemCount":1,"subtotal":{"amount":900,"currency":"USD"}}"#))
        stub.answer("register", with: .json(#"""
            {"token":"t","refreshToken":"r","expiresAt":"2099-01-01T00:00:00Z",
             "user":{"id":"u1","isGuest":false,"email":"a@example.com","createdAt":"2026-01-01T00:00:00Z"}}
            """#, status: 201))
        stub.answer("placeOrder", with: .problem(.cardDeclined, status: 402, detail: "Your card was declined."))
        let said = Said()
        let tour = ShopTour(client: Self.client(stub), say: { said.append($0) })
        let card = CardInput(number: "4000 0000 0000 0002", cvv: "123", expMonth: 12, expYear: 2099)
        let order = try await tour.buy("mug", email: "a@example.com", card: card)
        #expect(order == nil)
        #expect(said.lines.last == "Card refused (card-declined): Your card was declined.")
    }
}

/// Lines the tour printed.
final class Said: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
