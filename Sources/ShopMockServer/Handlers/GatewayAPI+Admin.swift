import Foundation

extension GatewayAPI {
    func adminCreateProduct(_ input: Operations.AdminCreateProduct.Input) async throws -> Operations.AdminCreateProduct.Output {
        try requireAdmin()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let product = try await store.createProduct(try Self.draft(body))
        return .created(.init(body: .json(product.detail(in: .USD))))
    }

    func adminUpdateProduct(_ input: Operations.AdminUpdateProduct.Input) async throws -> Operations.AdminUpdateProduct.Output {
        try requireAdmin()
        try checkParameter(input.path.productId, "productId", max: 64)
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let product = try await store.updateProduct(id: input.path.productId, try Self.draft(body))
        return .ok(.init(body: .json(product.detail(in: .USD))))
    }

    func adminDeleteProduct(_ input: Operations.AdminDeleteProduct.Input) async throws -> Operations.AdminDeleteProduct.Output {
        try requireAdmin()
        try checkParameter(input.path.productId, "productId", max: 64)
        try await store.deleteProduct(id: input.path.productId)
        return .noContent(.init())
    }

    func adminListActivity(_ input: Operations.AdminListActivity.Input) async throws -> Operations.AdminListActivity.Output {
        try requireAdmin()
        try checkParameter(input.query.cursor, "cursor", max: 200)
        let limit = try pageLimit(input.query.limit)
        let entries = await store.activity(userId: nil)
        let page = try Page(
            all: entries, limit: limit, cursor: input.query.cursor, fingerprint: PageCursor.fingerprint("admin-activity"))
        return .ok(.init(body: .json(.init(items: page.items.map(\.wire), nextCursor: page.nextCursor, total: page.total))))
    }

    func adminAdvanceClock(_ input: Operations.AdminAdvanceClock.Input) async throws -> Operations.AdminAdvanceClock.Output {
        try requireAdmin()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(InputRules.range(body.seconds, "seconds", 0...31_536_000))
        clock.advance(by: TimeInterval(body.seconds))
        try await store.refreshOrders(userId: nil)
        return .ok(.init(body: .json(.init(now: clock.now()))))
    }

    /// `shop serve` signing a person in by their SSH key: only the admin token (the SSH server's)
    /// may, so a shopper can never claim someone else's key.
    func adminKeySession(_ input: Operations.AdminKeySession.Input) async throws -> Operations.AdminKeySession.Output {
        try requireAdmin()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        var issues = InputRules.length(body.fingerprint, "fingerprint", min: 50, max: 50)
        if issues.isEmpty && !Self.isKeyFingerprint(body.fingerprint) {
            issues.append(.init(field: "fingerprint", message: "must be SHA256: and 43 base64 characters, as ssh-keygen -l prints"))
        }
        issues += InputRules.length(body.userId, "userId", min: 1, max: 64)
        try reject(issues)
        let session = try await store.keySession(fingerprint: body.fingerprint, bindTo: body.userId)
        return .ok(.init(body: .json(session.wire)))
    }

    /// `SHA256:` and 43 characters of unpadded base64, as OpenSSH prints a key's fingerprint.
    static func isKeyFingerprint(_ text: String) -> Bool {
        guard text.hasPrefix("SHA256:") else { return false }
        let digest = text.dropFirst(7)
        return digest.count == 43 && digest.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "+" || $0 == "/")
        }
    }

    /// Checks a product body against the contract's bounds.
    static func draft(_ body: Components.Schemas.ProductInput) throws(GatewayProblem) -> ProductDraft {
        var issues = InputRules.length(body.code, "code", min: 1, max: 32)
        if !body.code.isEmpty && !body.code.unicodeScalars.allSatisfy({
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-")
        }) {
            issues.append(.init(field: "code", message: "may hold only letters, digits, _ and -"))
        }
        issues += InputRules.length(body.name, "name", min: 1, max: 200)
        issues += InputRules.length(body.description, "description", max: 5000)
        issues += InputRules.length(body.category, "category", min: 1, max: 64)
        if !(0...100_000_000).contains(body.priceUsd) {
            issues.append(.init(field: "priceUsd", message: "must be between 0 and 100000000"))
        }
        issues += InputRules.range(body.stock, "stock", 0...1_000_000)
        if let rating = body.rating, !(0...5).contains(rating) {
            issues.append(.init(field: "rating", message: "must be between 0 and 5"))
        }
        issues += InputRules.range(body.ratingCount, "ratingCount", 0...100_000_000)
        if !issues.isEmpty { throw .validation(issues) }
        return ProductDraft(
            code: body.code, name: body.name, description: body.description, category: body.category,
            priceUsdCents: body.priceUsd, stock: body.stock, rating: body.rating, ratingCount: body.ratingCount)
    }
}
