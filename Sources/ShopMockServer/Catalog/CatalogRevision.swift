import Synchronization

/// A number that changes whenever anything a catalog read can show changes: a product added,
/// edited or removed, or its stock moved by an order or a cancellation.
///
/// It is the database's catalog revision (`catalog_state.revision`). The store raises it once
/// its in-memory catalog has caught up, so a reader that sees revision `n` and then asks the
/// store sees data at least as new as `n`. When other processes share the database, reading it
/// also asks the database (through ``CatalogChangeProbe``), so an answer cached here is never
/// served after another process changed the catalog. Readable from any thread without
/// touching the actor; ``CatalogResponseCache`` tags what it keeps with it.
final class CatalogRevision: Sendable {
    private let value = Atomic<UInt64>(0)
    private let probe: CatalogChangeProbe?

    init(probe: CatalogChangeProbe? = nil) {
        self.probe = probe
    }

    var current: UInt64 {
        let local = value.load(ordering: .acquiring)
        guard let probe, let shared = probe.revision() else { return local }
        return max(local, shared)
    }

    /// Moves the revision on by one (a catalog with no database behind it, as in tests).
    func advance() {
        value.add(1, ordering: .releasing)
    }

    /// Records that the catalog in memory is now at `revision`.
    func raise(to revision: UInt64) {
        _ = value.max(revision, ordering: .releasing)
    }

    func closeProbe() {
        probe?.close()
    }
}
