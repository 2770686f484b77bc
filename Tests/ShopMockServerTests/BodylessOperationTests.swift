import Foundation
import Testing
@testable import ShopMockServer

/// An operation whose contract has no request body takes none: a body that is not empty or `{}`
/// is answered 400, naming the operation, before anything happens. A guest-session POST with
/// broken JSON was answered 201.
@Suite struct BodylessOperationTests {
    @Test func aGuestSessionWithBrokenJSONIsRefusedAndNotCreated() async throws {
        try await TestGateway.with { gateway in
            let refused = try await gateway.send("POST", "/v1/sessions/guest", rawBody: "{\"broken")
            #expect(refused.status == 400)
            #expect(refused.isProblem)
            #expect(refused.problemSlug == "bad-request")
            #expect(
                refused.object["detail"] as? String
                    == "POST /v1/sessions/guest takes no request body, and the body sent is not valid JSON. Send none, or {}.")
            #expect(refused.object["token"] == nil)
        }
    }

    /// What clients send when a POST has nothing to say keeps working: no body, an empty one,
    /// white space, `{}`.
    @Test(arguments: [nil, "", " \r\n", "{}", " { } "])
    func anEmptyBodyOrAnEmptyObjectIsServed(body: String?) async throws {
        try await TestGateway.with { gateway in
            let answer = try await gateway.send("POST", "/v1/sessions/guest", rawBody: body)
            #expect(answer.status == 201, "\(answer.text)")
        }
    }

    /// Valid JSON with something in it is refused too: it was meant for another operation, and
    /// ignoring it would hide that.
    @Test(arguments: ["{\"refreshToken\":\"rt_x\"}", "[]", "null", "0", "\"\""])
    func aBodyWithContentIsRefused(body: String) async throws {
        try await TestGateway.with { gateway in
            let answer = try await gateway.send("POST", "/v1/sessions/guest", rawBody: body)
            #expect(answer.status == 400)
            #expect(answer.object["detail"] as? String == "POST /v1/sessions/guest takes no request body. Send none, or {}.")
        }
    }

    /// Every operation without a request body, with the token it needs: broken JSON is 400 and
    /// names it. Ids are made up: the body is judged before the handler looks anything up.
    @Test func everyOperationWithoutABodyRefusesOne() async throws {
        let operations = try ContractCoverageTests.operations().filter { !$0.hasRequestBody }
        #expect(operations.count == 30)
        try await TestGateway.with { gateway in
            let account = try await gateway.register()
            for operation in operations {
                let path = operation.path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
                let token = path.hasPrefix("/v1/admin") ? TestGateway.adminToken : account
                let answer = try await gateway.send(operation.method, path, token: token, rawBody: "not json")
                #expect(answer.status == 400, "\(operation): \(answer.status) \(answer.text)")
                #expect(
                    (answer.object["detail"] as? String)?.hasPrefix("\(operation.method) \(operation.path) takes no request body") == true,
                    "\(operation): \(answer.text)")
            }
        }
    }

    /// The catalog read cache answers repeated reads before the router: a read with a body goes
    /// to the router, which refuses it, however warm the cache.
    @Test func aCachedReadWithABodyIsStillRefused() async throws {
        try await TestGateway.with { gateway in
            for _ in 0..<2 { #expect(try await gateway.get("/v1/categories").status == 200) }
            let answer = try await gateway.send("GET", "/v1/categories", rawBody: "{\"a\":")
            #expect(answer.status == 400)
            #expect(try await gateway.send("GET", "/v1/categories", rawBody: "{}").status == 200)
        }
    }
}
