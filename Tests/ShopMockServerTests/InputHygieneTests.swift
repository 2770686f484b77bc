import Foundation
import Testing
import Yams
@testable import ShopMockServer

/// Text fields refuse control characters where the contract says so, and a `null` only matters
/// where the contract defines the field (issue 17).
@Suite struct InputHygieneTests {
    static let controls = ["\u{0}", "\u{7}", "\n", "\t", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}"]

    @Test(arguments: controls)
    func registrationRefusesControlCharactersInTheEmailAndName(control: String) async throws {
        try await TestGateway.with { gateway in
            let email = try await gateway.post(
                "/v1/users", json: ["email": "ana\(control)@example.com", "password": "long enough", "name": "Ana"])
            #expect(email.status == 422)
            #expect(email.fieldErrors["email"] == "must not contain control characters")
            let name = try await gateway.post(
                "/v1/users", json: ["email": "ana@example.com", "password": "long enough", "name": "An\(control)a"])
            #expect(name.status == 422)
            #expect(name.fieldErrors["name"] == "must not contain control characters")
            // At either end too: refused, not trimmed away.
            let trailing = try await gateway.post(
                "/v1/users", json: ["email": "ana@example.com", "password": "long enough", "name": "Ana\(control)"])
            #expect(trailing.status == 422)
        }
    }

    @Test func aNulInAnEmailIsRefusedWhereverAnEmailIsTaken() async throws {
        try await TestGateway.with { gateway in
            let guest = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: guest)
            var body = TestGateway.orderBody()
            body["email"] = "ana@example.com\u{0}"
            let order = try await gateway.placeOrder(token: guest, body: body)
            #expect(order.status == 422)
            #expect(order.fieldErrors["email"] == "must not contain control characters")
        }
    }

    @Test func addressLinesAndProfileNamesRefuseControlCharacters() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.register()
            for field in ["name", "line1", "line2", "city", "region", "postalCode", "phone"] {
                var address = TestGateway.address
                address[field] = "12\u{0}34"
                let response = try await gateway.post("/v1/me/addresses", token: token, json: address)
                #expect(response.status == 422, "\(field)")
                #expect(response.fieldErrors[field] == "must not contain control characters", "\(field)")
            }
            var fine = TestGateway.address
            fine["line2"] = "Apartamento 3º — São Tomé 🏠"
            #expect(try await gateway.post("/v1/me/addresses", token: token, json: fine).status == 201)
            let profile = try await gateway.send("PATCH", "/v1/me", token: token, json: ["name": "Ana\u{1B}]0;pwned\u{7}"])
            #expect(profile.status == 422)
            #expect(profile.fieldErrors["name"] == "must not contain control characters")
        }
    }

    @Test func aNullUnderAnUnknownPropertyIsIgnoredWhereUnknownPropertiesAre() async throws {
        try await TestGateway.with { gateway in
            let guest = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            let added = try await gateway.post(
                "/v1/cart/items", token: guest,
                json: ["productId": product.id, "quantity": 1, "note": NSNull(), "extra": ["name": NSNull()]])
            #expect(added.status == 200 || added.status == 201, "\(added.text)")
            // A null for a field the contract defines is still malformed.
            let known = try await gateway.post("/v1/cart/items", token: guest, json: ["productId": product.id, "quantity": NSNull()])
            #expect(known.status == 400)
            #expect(known.fieldErrors["quantity"] != nil)
        }
    }

    @Test func theRequestFieldNamesMatchTheContract() throws {
        let specURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.yaml")
        let document = try #require(try Yams.load(yaml: String(contentsOf: specURL, encoding: .utf8)) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        var names: Set<String> = []
        var seen: Set<String> = []
        func walk(_ schema: Any?) {
            guard var object = schema as? [String: Any] else { return }
            if let reference = object["$ref"] as? String {
                let name = String(reference.split(separator: "/").last ?? "")
                guard seen.insert(name).inserted else { return }
                object = schemas[name] as? [String: Any] ?? [:]
            }
            for (name, property) in object["properties"] as? [String: Any] ?? [:] {
                names.insert(name)
                walk(property)
            }
            walk(object["items"])
            for key in ["allOf", "oneOf", "anyOf"] { (object[key] as? [Any] ?? []).forEach(walk) }
        }
        for (_, item) in try #require(document["paths"] as? [String: Any]) {
            for (_, operation) in item as? [String: Any] ?? [:] {
                let body = (operation as? [String: Any])?["requestBody"] as? [String: Any]
                for (_, media) in body?["content"] as? [String: Any] ?? [:] { walk((media as? [String: Any])?["schema"]) }
            }
        }
        #expect(names == RequestFieldNames.all)
    }
}
