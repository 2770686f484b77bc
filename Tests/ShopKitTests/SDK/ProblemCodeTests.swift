import Foundation
import ShopKit
import Testing

/// `ProblemCode` is the contract's list, open to codes a newer gateway adds, and the common
/// failures can be matched without strings.
@Suite("Problem codes")
struct ProblemCodeTests {
    /// The codes the contract's `ProblemCode` schema lists, by a line scan of the YAML.
    static func contractCodes() throws -> [String] {
        let contract = GeneratedCodeFreshnessTests.root.appendingPathComponent("docs/openapi.yaml")
        let lines = try String(contentsOf: contract, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "    ProblemCode:") else { return [] }
        var codes: [String] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("    ") && !line.hasPrefix("     ") { break }   // the next schema
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- ") else { continue }
            codes.append(String(trimmed.dropFirst(2).split(separator: "#")[0]).trimmingCharacters(in: .whitespaces))
        }
        return codes
    }

    @Test("ProblemCode knows exactly the contract's codes, in its order")
    func knownCodesAreTheContracts() throws {
        let codes = try Self.contractCodes()
        #expect(codes.count >= 27)
        #expect(ProblemCode.known.map(\.rawValue) == codes)
        #expect(ProblemCode.known.allSatisfy { $0.isKnown })
    }

    @Test("a code this version does not know is kept, not lost")
    func unknownCodesAreKept() {
        let problem = ProblemDetails(status: 409, type: "https://shop.example/problems/gift-card-expired", title: "Expired")
        #expect(problem.code == .unknown("gift-card-expired"))
        #expect(problem.code.rawValue == "gift-card-expired")
        #expect(!problem.code.isKnown)
        #expect(ProblemDetails(status: 402, type: "https://shop.example/problems/card-declined", title: "x").code == .cardDeclined)
    }

    @Test("a declined card is matched by its code, and generic handling shows the user message")
    func declinedCardIsMatchable() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            let order = PlaceOrderRequest(email: Fixtures.uniqueEmail(), address: Fixtures.address, card: Fixtures.declined)
            let error = await #expect(throws: ShopError.self) { try await client.checkout.placeOrder(order) }
            #expect(error?.problemCode == .cardDeclined)
            #expect(error?.isCardDeclined == true)
            #expect(error?.isPaymentRefused == true)
            #expect(error?.isInsufficientFunds == false)
            let generic: (any Error)? = error
            #expect(generic?.localizedDescription == error?.userMessage)
            #expect(generic?.localizedDescription.contains("declined") == true)
        }
    }

    @Test("insufficient funds, validation, unknown products and a taken e-mail have their checks")
    func commonFailuresHaveChecks() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            let poor = PlaceOrderRequest(email: Fixtures.uniqueEmail(), address: Fixtures.address, card: Fixtures.insufficientFunds)
            let funds = await #expect(throws: ShopError.self) { try await client.checkout.placeOrder(poor) }
            #expect(funds?.isInsufficientFunds == true)
            #expect(funds?.problemCode == .insufficientFunds)

            let missing = await #expect(throws: ShopError.self) { try await client.catalog.product(id: "p999-nothing") }
            #expect(missing?.isNotFound == true)
            #expect(missing?.problemCode == .notFound)

            let email = Fixtures.uniqueEmail()
            try await client.sessions.register(email: email, password: "correct horse battery", name: "Ada")
            let other = gateway.client()
            let taken = await #expect(throws: ShopError.self) {
                try await other.sessions.register(email: email, password: "correct horse battery", name: "Ada")
            }
            #expect(taken?.isEmailTaken == true)

            let invalid = await #expect(throws: ShopError.self) {
                try await other.sessions.register(email: "not an address", password: "correct horse battery", name: "Ada")
            }
            #expect(invalid?.isValidationFailed == true)
            #expect(invalid?.fieldErrors.isEmpty == false)
            #expect((invalid as (any Error)?)?.localizedDescription == invalid?.userMessage)
        }
    }
}
