import Foundation

extension GatewayAPI {
    func getProfile(_ input: Operations.GetProfile.Input) async throws -> Operations.GetProfile.Output {
        let shopper = try requireShopper()
        return .ok(.init(body: .json(try await store.user(shopper.userId).wire)))
    }

    func updateProfile(_ input: Operations.UpdateProfile.Input) async throws -> Operations.UpdateProfile.Output {
        let userId = try requireAccount()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        try reject(InputRules.length(name, "name", min: 1, max: 100) + InputRules.plainText(body.name, "name"))
        let user = try await store.updateProfile(
            userId: userId, name: name, currency: body.preferredCurrency.map(Currency.init))
        return .ok(.init(body: .json(user.wire)))
    }

    func listAddresses(_ input: Operations.ListAddresses.Input) async throws -> Operations.ListAddresses.Output {
        let userId = try requireAccount()
        return .ok(.init(body: .json(.init(items: try await store.addresses(userId: userId).map(\.wire)))))
    }

    func createAddress(_ input: Operations.CreateAddress.Input) async throws -> Operations.CreateAddress.Output {
        let userId = try requireAccount()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let (address, issues) = InputRules.address(PostalAddress(body), prefix: "")
        try reject(issues)
        let saved = try await store.saveAddress(userId: userId, address, replacing: nil)
        return .created(.init(body: .json(saved.wire)))
    }

    func updateAddress(_ input: Operations.UpdateAddress.Input) async throws -> Operations.UpdateAddress.Output {
        let userId = try requireAccount()
        try checkParameter(input.path.addressId, "addressId", max: 64)
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let (address, issues) = InputRules.address(PostalAddress(body), prefix: "")
        try reject(issues)
        let saved = try await store.saveAddress(userId: userId, address, replacing: input.path.addressId)
        return .ok(.init(body: .json(saved.wire)))
    }

    func deleteAddress(_ input: Operations.DeleteAddress.Input) async throws -> Operations.DeleteAddress.Output {
        let userId = try requireAccount()
        try checkParameter(input.path.addressId, "addressId", max: 64)
        try await store.deleteAddress(userId: userId, id: input.path.addressId)
        return .noContent(.init())
    }
}
