/// The caller's profile, saved addresses and audit trail.
public struct AccountService: Sendable {
    let gateway: Gateway

    /// The signed-in user (or the guest).
    public func profile() async throws(ShopError) -> User {
        try await gateway.call { User(wire: try await $0.getProfile().ok.body.json) }
    }

    /// Changes the display name and/or preferred currency (accounts only; `nil` leaves a field).
    /// - Throws: ``ShopError`` 403 for a guest.
    public func updateProfile(name: String? = nil, preferredCurrency: CurrencyCode? = nil) async throws(ShopError) -> User {
        try await gateway.call {
            User(wire: try await $0.updateProfile(
                body: .json(.init(name: name, preferredCurrency: preferredCurrency.map(bridge)))).ok.body.json)
        }
    }

    /// The account's saved addresses, oldest first.
    /// - Throws: ``ShopError`` 403 for a guest.
    public func addresses() async throws(ShopError) -> [Address] {
        try await gateway.call { try await $0.listAddresses().ok.body.json.items.map(Address.init(wire:)) }
    }

    /// Saves an address to the account.
    public func createAddress(_ address: AddressInput) async throws(ShopError) -> Address {
        try await gateway.call { Address(wire: try await $0.createAddress(body: .json(address.wire)).created.body.json) }
    }

    /// Replaces a saved address.
    public func updateAddress(id: String, with address: AddressInput) async throws(ShopError) -> Address {
        try await gateway.call {
            Address(wire: try await $0.updateAddress(path: .init(addressId: id), body: .json(address.wire)).ok.body.json)
        }
    }

    /// Forgets a saved address.
    public func deleteAddress(id: String) async throws(ShopError) {
        _ = try await gateway.call { try await $0.deleteAddress(path: .init(addressId: id)).noContent }
    }

    /// The account's audit trail, newest first, page by page as you iterate.
    public func activity(pageSize: Int? = nil) -> PagedSequence<ActivityEvent> {
        PagedSequence { [gateway] cursor throws(ShopError) in
            try await gateway.call {
                let page = try await $0.listActivity(query: .init(limit: pageSize, cursor: cursor)).ok.body.json
                return Page(items: page.items.map(ActivityEvent.init(wire:)), nextCursor: page.nextCursor, total: page.total)
            }
        }
    }

    /// One page of the account's audit trail; ``Page/next()`` fetches the next page.
    public func activityPage(cursor: String? = nil, limit: Int? = nil) async throws(ShopError) -> Page<ActivityEvent> {
        try await activity(pageSize: limit).page(at: cursor)
    }
}
