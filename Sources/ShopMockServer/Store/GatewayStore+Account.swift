extension GatewayStore {
    func updateProfile(userId: String, name: String?, currency: Currency?) throws(GatewayProblem) -> UserAccount {
        var account = try user(userId)
        if let name { account.name = name }
        if let currency { account.preferredCurrency = currency }
        users[userId] = account
        markDirty(.users, userId)
        record(.profileChanged, "Updated the profile", userId: userId)
        try commit()
        return account
    }

    func addresses(userId: String) throws(GatewayProblem) -> [PostalAddress] {
        try user(userId).addresses
    }

    func saveAddress(userId: String, _ address: PostalAddress, replacing id: String?) throws(GatewayProblem) -> PostalAddress {
        var account = try user(userId)
        var saved = address
        if let id {
            guard let index = account.addresses.firstIndex(where: { $0.id == id }) else {
                throw .notFound("There is no saved address \(id).")
            }
            saved.id = id
            account.addresses[index] = saved
            record(.addressChanged, "Updated an address", userId: userId, subjectId: id)
        } else {
            guard account.addresses.count < 50 else {
                throw .validation(field: "address", "An account keeps at most 50 addresses.")
            }
            saved.id = "adr_" + RandomToken.hex(byteCount: 6)
            account.addresses.append(saved)
            record(.addressChanged, "Added an address", userId: userId, subjectId: saved.id)
        }
        users[userId] = account
        markDirty(.users, userId)
        try commit()
        return saved
    }

    func deleteAddress(userId: String, id: String) throws(GatewayProblem) {
        var account = try user(userId)
        guard let index = account.addresses.firstIndex(where: { $0.id == id }) else {
            throw .notFound("There is no saved address \(id).")
        }
        account.addresses.remove(at: index)
        users[userId] = account
        markDirty(.users, userId)
        record(.addressChanged, "Deleted an address", userId: userId, subjectId: id)
        try commit()
    }
}
