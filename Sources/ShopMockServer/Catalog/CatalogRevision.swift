import Synchronization

/// A number that changes whenever anything a catalog read can show changes: a product added,
/// edited or removed, or its stock moved by an order or a cancellation.
///
/// The store advances it in the same uninterrupted actor step as the change, so a reader that
/// sees revision `n` and then asks the store sees data at least as new as `n`. Readable from
/// any thread without touching the actor; ``CatalogResponseCache`` tags what it keeps with it.
final class CatalogRevision: Sendable {
    private let value = Atomic<UInt64>(0)

    var current: UInt64 { value.load(ordering: .acquiring) }

    func advance() {
        value.add(1, ordering: .releasing)
    }
}
