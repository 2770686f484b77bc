import Foundation
import ShopKit
import ShopTour

// shop-tool GATEWAY_URL [QUERY]: buys the cheapest in-stock match of QUERY for a new account
// and tracks it. Try it against `swift run shop-mock-server --port 8080`.
let arguments = CommandLine.arguments.dropFirst()
guard let address = arguments.first, let gateway = URL(string: address), gateway.scheme != nil else {
    FileHandle.standardError.write(Data("usage: shop-tool GATEWAY_URL [QUERY]\n".utf8))
    exit(2)
}
let query = arguments.dropFirst().first ?? "mug"
let tour = ShopTour(client: ShopClient(baseURL: gateway))
do {
    let email = "tool-\(UUID().uuidString.prefix(8).lowercased())@example.com"
    let card = CardInput(number: "4242 4242 4242 4242", cvv: "123", expMonth: 12, expYear: 2099)
    if let order = try await tour.buy(query, email: email, card: card) {
        try await tour.report(tracking: order)
    }
} catch {
    FileHandle.standardError.write(Data("shop-tool: \(error.localizedDescription)\n".utf8))
    exit(1)
}
