import Synchronization

/// Who a connection is: the person behind an SSH key (by its fingerprint), or a guest who
/// came without one and whose cart is thrown away with the session.
public enum ShopperIdentity: Sendable, Equatable, CustomStringConvertible {
    case key(fingerprint: String)
    case guest

    public var description: String {
        switch self {
        case .key(let fingerprint): fingerprint
        case .guest: "guest"
        }
    }
}

/// The identity user authentication settled on, read by the connection's session channels.
final class ConnectionIdentity: Sendable {
    private let value = Mutex<ShopperIdentity?>(nil)

    var identity: ShopperIdentity? { value.withLock { $0 } }

    func settle(_ identity: ShopperIdentity) {
        value.withLock { $0 = identity }
    }
}
