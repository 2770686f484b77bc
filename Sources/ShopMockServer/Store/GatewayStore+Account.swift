import GRDB

extension GatewayStore {
    func updateProfile(userId: String, name: String?, currency: Currency?) throws(GatewayProblem) -> UserAccount {
        try write { db in
            var account = try self.user(db, userId)
            if let name { account.name = name }
            if let currency { account.preferredCurrency = currency }
            try AccountRows.saveProfile(db, account)
            try self.record(db, .profileChanged, "Updated the profile", userId: userId)
            return account
        }
    }

    func addresses(userId: String) throws(GatewayProblem) -> [PostalAddress] {
        try read { db in try self.user(db, userId).addresses }
    }

    /// Saves a new address (stored with its answer when the request has an `Idempotency-Key`,
    /// so a retry never saves it twice) or replaces a saved one.
    func saveAddress(userId: String, _ address: PostalAddress, replacing id: String?) throws(GatewayProblem) -> PostalAddress {
        if let id {
            return try write { db in
                let account = try self.user(db, userId)
                guard account.addresses.contains(where: { $0.id == id }) else {
                    throw GatewayProblem.notFound("There is no saved address \(id).")
                }
                var saved = address
                saved.id = id
                try AccountRows.updateAddress(db, saved, userId: userId)
                try self.record(db, .addressChanged, "Updated an address", userId: userId, subjectId: id)
                return saved
            }
        }
        return try keyedWrite(status: 201) { db in
            let account = try self.user(db, userId)
            guard account.addresses.count < 50 else {
                throw GatewayProblem.validation(field: "address", "An account keeps at most 50 addresses.")
            }
            var saved = address
            saved.id = "adr_" + RandomToken.hex(byteCount: 6)
            try AccountRows.insertAddress(db, saved, userId: userId)
            try self.record(db, .addressChanged, "Added an address", userId: userId, subjectId: saved.id)
            return saved
        }
    }

    func deleteAddress(userId: String, id: String) throws(GatewayProblem) {
        try write { db in
            _ = try self.user(db, userId)
            try db.cachedStatement(sql: "DELETE FROM addresses WHERE id = ? AND user_id = ?").execute(arguments: [id, userId])
            guard db.changesCount > 0 else { throw GatewayProblem.notFound("There is no saved address \(id).") }
            try self.record(db, .addressChanged, "Deleted an address", userId: userId, subjectId: id)
        }
    }
}
