#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import Synchronization

/// Gives the allocator's free pages back to the system a moment after the last session ends.
/// glibc keeps what ended sessions freed in its per-thread arenas: after 200 sessions a server
/// stayed ~95 MB above its start with none of their objects alive, and `malloc_trim` took it
/// back to ~15 MB above (docs/performance.md §12). Without this, a server's resident memory
/// would stay at its busiest hour's. Only when nobody is shopping, so no frame waits for it.
final class IdleMemoryReturn: Sendable {
    private let registry: SessionRegistry
    private let delay: TimeAmount
    private let pending = Mutex<Scheduled<Void>?>(nil)

    init(registry: SessionRegistry, delay: TimeAmount = .seconds(2)) {
        self.registry = registry
        self.delay = delay
    }

    /// A session ended: if it was the last, trims once its objects have had time to be freed
    /// (a new session meanwhile cancels nothing but makes the trim a no-op).
    func sessionEnded(on loop: any EventLoop) {
        guard registry.count == 0 else { return }
        let registry = self.registry
        let task = loop.scheduleTask(in: delay) {
            guard registry.count == 0 else { return }
            Self.trim()
        }
        let previous = pending.withLock { pending in
            defer { pending = task }
            return pending
        }
        previous?.cancel()
    }

    /// glibc's `malloc_trim(0)`, looked up at run time: `<malloc.h>` is not in Swift's Glibc module.
    private static func trim() {
        #if canImport(Glibc)
        guard let program = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(program) }
        guard let symbol = dlsym(program, "malloc_trim") else { return }
        let mallocTrim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        _ = mallocTrim(0)
        #endif
    }
}
