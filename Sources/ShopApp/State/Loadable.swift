/// Something fetched from the gateway: not asked for yet, on its way, here, or failed with a
/// message for people. Keeping the last value while reloading avoids a blank flash.
public enum Loadable<Value: Equatable & Sendable>: Equatable, Sendable {
    case idle
    case loading(previous: Value?)
    case loaded(Value)
    case failed(String, previous: Value?)

    /// The value to show: the loaded one, or the one kept while reloading or after a failure.
    public var value: Value? {
        switch self {
        case .idle: nil
        case .loading(let previous): previous
        case .loaded(let value): value
        case .failed(_, let previous): previous
        }
    }

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }

    public var failure: String? {
        if case .failed(let message, _) = self { return message }
        return nil
    }

    /// The same value marked as reloading.
    public var reloading: Loadable { .loading(previous: value) }

    /// A failure that keeps what was shown before.
    public func failing(_ message: String) -> Loadable { .failed(message, previous: value) }
}
