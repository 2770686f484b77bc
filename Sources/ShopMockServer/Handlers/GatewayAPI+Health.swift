import Foundation

extension GatewayAPI {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: .ok, version: MockGateway.version, time: clock.now()))))
    }
}
