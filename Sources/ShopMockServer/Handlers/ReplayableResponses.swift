import Foundation

// How keyed writes encode the answer they store with their change (see `keyedWrite`): the
// same body the handler sends, so a replay after a crash answers what the first try would have.

extension PricedCart: ReplayableResponse {
    func replayBody() throws -> Data { try WireEncoder.encode(wire) }
}

extension PostalAddress: ReplayableResponse {
    func replayBody() throws -> Data { try WireEncoder.encode(wire) }
}

extension Product: ReplayableResponse {
    /// The admin's create answers the product in US dollars.
    func replayBody() throws -> Data { try WireEncoder.encode(detail(in: .USD)) }
}
