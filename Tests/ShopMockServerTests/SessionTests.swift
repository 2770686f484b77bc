import Testing

@Suite struct SessionTests {
    @Test func registerSignInRefreshSignOut() async throws {
        try await TestGateway.with { gateway in
            let registered = try await gateway.post(
                "/v1/users", json: ["email": "Bo@Example.com", "password": "long enough", "name": "Bo"])
            #expect(registered.status == 201)
            let user = registered.object["user"] as? [String: Any] ?? [:]
            #expect(user["isGuest"] as? Bool == false)
            #expect(user["email"] as? String == "Bo@Example.com")

            let duplicate = try await gateway.post(
                "/v1/users", json: ["email": "bo@example.com", "password": "long enough", "name": "Bo"])
            #expect(duplicate.status == 409)
            let short = try await gateway.post("/v1/users", json: ["email": "c@example.com", "password": "short", "name": "C"])
            #expect(short.status == 422)
            #expect(short.fieldErrors["password"] != nil)

            let signedIn = try await gateway.post("/v1/sessions", json: ["email": "bo@example.com", "password": "long enough"])
            #expect(signedIn.status == 200)
            let refreshToken = signedIn.object["refreshToken"] as? String ?? ""
            let oldToken = signedIn.object["token"] as? String ?? ""

            let refreshed = try await gateway.post("/v1/sessions/refresh", json: ["refreshToken": refreshToken])
            #expect(refreshed.status == 200)
            let newToken = refreshed.object["token"] as? String ?? ""
            #expect(newToken != oldToken)
            // The old refresh token is spent, and so is the session it belonged to.
            #expect(try await gateway.post("/v1/sessions/refresh", json: ["refreshToken": refreshToken]).status == 401)
            #expect(try await gateway.get("/v1/me", token: oldToken).status == 401)
            #expect(try await gateway.get("/v1/me", token: newToken).status == 200)

            #expect(try await gateway.send("DELETE", "/v1/sessions/current", token: newToken).status == 204)
            #expect(try await gateway.get("/v1/me", token: newToken).status == 401)
            let refreshAfterSignOut = try await gateway.post(
                "/v1/sessions/refresh", json: ["refreshToken": refreshed.object["refreshToken"] as? String ?? ""])
            #expect(refreshAfterSignOut.status == 401)
        }
    }

    @Test func profileAndAddresses() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.register()
            let updated = try await gateway.send("PATCH", "/v1/me", token: token, json: ["name": "Ana María", "preferredCurrency": "EUR"])
            #expect(updated.object["name"] as? String == "Ana María")
            #expect(updated.object["preferredCurrency"] as? String == "EUR")
            let created = try await gateway.post("/v1/me/addresses", token: token, json: TestGateway.address)
            #expect(created.status == 201)
            let id = created.object["id"] as? String ?? ""
            var changed = TestGateway.address
            changed["city"] = "Porto"
            let replaced = try await gateway.send("PUT", "/v1/me/addresses/\(id)", token: token, json: changed)
            #expect(replaced.object["city"] as? String == "Porto")
            #expect(try await gateway.send("DELETE", "/v1/me/addresses/\(id)", token: token).status == 204)
            #expect((try await gateway.get("/v1/me/addresses", token: token).object["items"] as? [Any] ?? []).isEmpty)
            let kinds = (try await gateway.get("/v1/me/activity", token: token).object["items"] as? [[String: Any]] ?? [])
                .map { $0["kind"] as? String ?? "" }
            #expect(kinds.contains("address_changed") && kinds.contains("profile_changed") && kinds.contains("signed_up"))
        }
    }

    /// Registration hashes the password (slow at cost 12), so a duplicate sent alongside
    /// arrives while the first is still in flight.
    @Test func aDuplicateStillInFlightIs409() async throws {
        try await TestGateway.with({ $0.bcryptCost = 12 }) { gateway in
            func body() -> [String: Any] { ["email": "twice@example.com", "password": "long enough", "name": "Twice"] }
            let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await gateway.post("/v1/users", json: body(), headers: [("Idempotency-Key", "reg-1")])
                    }
                }
                return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
            }
            // Whether the second arrives while the first is still hashing its password depends
            // on scheduling (StoreRulesTests pins the in-flight case down deterministically).
            // Either way exactly one registration happens: a 409 in flight, or a replay.
            let statuses = responses.map(\.status).sorted()
            if statuses == [201, 409] {
                #expect(responses.contains { $0.problemSlug == "idempotency-key-in-flight" })
            } else {
                #expect(statuses == [201, 201])
                #expect(responses.filter { $0.header("Idempotent-Replayed") == "true" }.count == 1)
            }
            // Afterwards the key replays the stored response.
            let replay = try await gateway.post("/v1/users", json: body(), headers: [("Idempotency-Key", "reg-1")])
            #expect(replay.status == 201)
            #expect(replay.header("Idempotent-Replayed") == "true")
        }
    }
}
