import Foundation

/// Catalog administration, the gateway-wide audit trail, the gateway clock and SSH key sign-in.
///
/// These calls send ``ShopClientConfiguration/adminToken`` instead of the session token;
/// without it, or with a wrong one, they fail with ``ShopError`` 401 or 403.
public struct AdminService: Sendable {
    let gateway: Gateway

    /// Adds a product.
    /// - Throws: ``ShopError`` 409 when the code is taken.
    public func createProduct(_ product: ProductInput) async throws(ShopError) -> Product {
        try await gateway.call { Product(wire: try await $0.adminCreateProduct(body: .json(product.wire)).created.body.json) }
    }

    /// Replaces a product's fields, stock included.
    public func updateProduct(id: String, with product: ProductInput) async throws(ShopError) -> Product {
        try await gateway.call {
            Product(wire: try await $0.adminUpdateProduct(path: .init(productId: id), body: .json(product.wire)).ok.body.json)
        }
    }

    /// Removes a product from the catalog (existing orders keep their lines).
    public func deleteProduct(id: String) async throws(ShopError) {
        _ = try await gateway.call { try await $0.adminDeleteProduct(path: .init(productId: id)).noContent }
    }

    /// The audit trail of the whole gateway, newest first, page by page as you iterate.
    public func activity(pageSize: Int? = nil) -> PagedSequence<ActivityEvent> {
        PagedSequence { [gateway] cursor throws(ShopError) in
            try await gateway.call {
                let page = try await $0.adminListActivity(query: .init(limit: pageSize, cursor: cursor)).ok.body.json
                return Page(items: page.items.map(ActivityEvent.init(wire:)), nextCursor: page.nextCursor, total: page.total)
            }
        }
    }

    /// One page of the gateway-wide audit trail; ``Page/next()`` fetches the next page.
    public func activityPage(cursor: String? = nil, limit: Int? = nil) async throws(ShopError) -> Page<ActivityEvent> {
        try await activity(pageSize: limit).page(at: cursor)
    }

    /// Moves the gateway's clock forward (orders progress on it); answers the new time.
    @discardableResult
    public func advanceClock(by seconds: Int) async throws(ShopError) -> Date {
        try await gateway.call { try await $0.adminAdvanceClock(body: .json(.init(seconds: seconds))).ok.body.json.now }
    }

    /// A fresh session for the account an SSH key is bound to (what `shop serve` calls for each
    /// person who connects with a key). A key never seen before is bound to a new guest; with
    /// `userId`, the key is bound to that account first (after the person signed in or registered).
    ///
    /// - Parameter fingerprint: the key's SHA-256 fingerprint as `ssh-keygen -l` prints it (`SHA256:` and 43 characters).
    /// - Throws: ``ShopError`` 403 for anything but the admin token, 404 for an unknown `userId`.
    public func keySession(fingerprint: String, bindTo userId: String? = nil) async throws(ShopError) -> Session {
        try await gateway.call {
            Session(wire: try await $0.adminKeySession(body: .json(.init(fingerprint: fingerprint, userId: userId))).ok.body.json)
        }
    }
}
