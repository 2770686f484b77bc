import Foundation
import Testing
@testable import ShopMockServer

/// `adminKeySession`: `shop serve` signing people in by SSH key fingerprint.
@Suite struct KeySessionTests {
    static let keyA = "SHA256:" + String(repeating: "a", count: 42) + "A"
    static let keyB = "SHA256:" + String(repeating: "b", count: 42) + "B"

    func keySession(_ gateway: TestGateway, _ fingerprint: String, userId: String? = nil, token: String? = TestGateway.adminToken) async throws -> TestResponse {
        var body: [String: Any] = ["fingerprint": fingerprint]
        if let userId { body["userId"] = userId }
        return try await gateway.post("/v1/admin/key-sessions", token: token, json: body)
    }

    @Test func aNewKeyIsANewGuestAndTheSameKeyComesBackToIt() async throws {
        try await TestGateway.with { gateway in
            let first = try await keySession(gateway, Self.keyA)
            #expect(first.status == 200)
            let user = try #require(first.object["user"] as? [String: Any])
            #expect(user["isGuest"] as? Bool == true)
            let token = try #require(first.object["token"] as? String)
            let product = try await gateway.anyProduct()
            #expect(try await gateway.add(product.id, quantity: 2, token: token).status < 300)

            let again = try await keySession(gateway, Self.keyA)
            #expect((again.object["user"] as? [String: Any])?["id"] as? String == user["id"] as? String)
            #expect(again.object["token"] as? String != token)
            let cart = try await gateway.get("/v1/cart", token: try #require(again.object["token"] as? String))
            #expect(cart.object["itemCount"] as? Int == 2)

            let other = try await keySession(gateway, Self.keyB)
            #expect((other.object["user"] as? [String: Any])?["id"] as? String != user["id"] as? String)
        }
    }

    @Test func bindingAKeyToAnAccountSignsItInThere() async throws {
        try await TestGateway.with { gateway in
            let accountToken = try await gateway.register()
            let me = try await gateway.get("/v1/me", token: accountToken)
            let accountId = try #require(me.object["id"] as? String)
            _ = try await keySession(gateway, Self.keyA)
            let bound = try await keySession(gateway, Self.keyA, userId: accountId)
            #expect(bound.status == 200)
            let later = try await keySession(gateway, Self.keyA)
            let user = try #require(later.object["user"] as? [String: Any])
            #expect(user["id"] as? String == accountId)
            #expect(user["isGuest"] as? Bool == false)
            #expect(try await keySession(gateway, Self.keyB, userId: "usr_nobody").status == 404)
        }
    }

    @Test func onlyTheAdminTokenMaySignInByKey() async throws {
        try await TestGateway.with { gateway in
            let guest = try await gateway.guestToken()
            let asShopper = try await keySession(gateway, Self.keyA, token: guest)
            #expect(asShopper.status == 403)
            let accountToken = try await gateway.register()
            #expect(try await keySession(gateway, Self.keyA, token: accountToken).status == 403)
            #expect(try await keySession(gateway, Self.keyA, token: nil).status == 401)
        }
    }

    @Test(arguments: ["", "SHA256:short", "MD5:" + String(repeating: "a", count: 46), "SHA256:" + String(repeating: "é", count: 43),
                      "SHA256:" + String(repeating: "a", count: 42) + "\u{0}"])
    func aMalformedFingerprintIs422(_ fingerprint: String) async throws {
        try await TestGateway.with { gateway in
            let answer = try await keySession(gateway, fingerprint)
            #expect(answer.status == 422)
            #expect(answer.fieldErrors["fingerprint"] != nil)
        }
    }
}
