import Foundation
import Logging
import Testing
@testable import ShopMockServer

/// Rules easier to pin down on the store than over HTTP.
@Suite struct StoreRulesTests {
    func store() async throws -> GatewayStore {
        let catalog = try CatalogLoader.load(file: nil, now: Date())
        return try await GatewayStore(
            catalog: catalog, database: nil, clock: GatewayClock(), tokenLifetime: 3600, logger: Logger(label: "test"))
    }

    @Test func aDuplicateKeyInFlightIsRefused() async throws {
        let store = try await store()
        guard case .proceed(let claim) = await store.beginIdempotent(scope: "user:1", key: "k", requestHash: "h") else {
            Issue.record("the first request should proceed")
            return
        }
        guard case .inFlight = await store.beginIdempotent(scope: "user:1", key: "k", requestHash: "h") else {
            Issue.record("a duplicate in flight should be refused")
            return
        }
        // Another caller's identical key is independent.
        guard case .proceed = await store.beginIdempotent(scope: "user:2", key: "k", requestHash: "h") else {
            Issue.record("keys are per caller")
            return
        }
        await store.finishIdempotent(claim, status: 200, contentType: "application/json", body: Data("{}".utf8))
        guard case .replay = await store.beginIdempotent(scope: "user:1", key: "k", requestHash: "h") else {
            Issue.record("a finished request should replay")
            return
        }
        guard case .reusedWithDifferentBody = await store.beginIdempotent(scope: "user:1", key: "k", requestHash: "other") else {
            Issue.record("another body should be refused")
            return
        }
    }

    @Test func failedRequestsAreNotStored() async throws {
        let store = try await store()
        guard case .proceed(let claim) = await store.beginIdempotent(scope: "s", key: "k", requestHash: "h") else {
            Issue.record("should proceed")
            return
        }
        await store.finishIdempotent(claim, status: 409, contentType: "", body: nil)
        guard case .proceed = await store.beginIdempotent(scope: "s", key: "k", requestHash: "h") else {
            Issue.record("a rejected request may be retried")
            return
        }
    }

    @Test func luhnAndAvailability() {
        #expect(PaymentProcessor.passesLuhn("4242424242424242"))
        #expect(!PaymentProcessor.passesLuhn("4242424242424241"))
        #expect(Availability(stock: 0) == .outOfStock)
        #expect(Availability(stock: 1) == .lowStock)
        #expect(Availability(stock: 5) == .lowStock)
        #expect(Availability(stock: 6) == .inStock)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func fingerprintsIgnoreKeyOrderAndHoldNoCardSecrets() {
        let a = Data(#"{"email":"a@b.co","card":{"number":"4242 4242 4242 4242","cvv":"123","expMonth":1,"expYear":2030}}"#.utf8)
        let b = Data(#"{ "card": {"expYear":2030,"expMonth":1,"cvv":"999","number":"4242424242424242"}, "email":"a@b.co" }"#.utf8)
        let canonicalA = RequestFingerprint.canonical(a)
        #expect(canonicalA == RequestFingerprint.canonical(b))
        let text = String(decoding: canonicalA, as: UTF8.self)
        #expect(!text.contains("42424242") && !text.contains("123"))
        let other = Data(#"{"email":"a@b.co","card":{"number":"5555555555554444","cvv":"123","expMonth":1,"expYear":2030}}"#.utf8)
        #expect(RequestFingerprint.canonical(other) != canonicalA)
    }
}
