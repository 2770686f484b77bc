import Foundation

/// The gateway's liveness answer.
public struct Health: Sendable, Codable, Hashable {
    /// `"ok"` when up.
    public var status: String
    /// The gateway's version.
    public var version: String
    /// The gateway's clock (which tests and demos can move forward).
    public var time: Date

    /// Creates a health value.
    public init(status: String, version: String, time: Date) {
        self.status = status
        self.version = version
        self.time = time
    }
}
