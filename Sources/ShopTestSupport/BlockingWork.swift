import Foundation

/// Runs work that blocks its thread (a child process's pipe, a poll with `Thread.sleep`, a
/// semaphore) on threads of its own instead of Swift's cooperative pool.
///
/// The pool has one thread per core: two on CI. Swift Testing runs the whole suite's tests in
/// parallel on it, and every in-process gateway's handlers, every ShopKit answer and every async
/// test waits for those same threads. One test that blocks holds a thread for as long as it
/// blocks; two such tests and the process stalls (seen for 50–80 s at a time, see
/// docs/architecture.md, "Tests share one cooperative pool"), and timeouts then fire on requests
/// nobody could answer.
///
/// The work stays in the calling task (a task executor preference, not a detached thread), so
/// `#expect`, task-locals and cancellation behave as they would inline. Call it from
/// nonisolated code (as Swift Testing's tests are): actor-isolated code stays on its actor.
public func offThePool<T, E: Error>(
    isolation: isolated (any Actor)? = #isolation, _ work: () async throws(E) -> T
) async throws(E) -> T {
    try await withTaskExecutorPreference(BlockingWorkExecutor.waiting, isolation: isolation, operation: work)
}

/// Runs seconds of CPU-bound work (a 100,000-product reference search) off the pool and at the
/// lowest scheduling priority: off the pool, it would otherwise hold a pool thread the whole
/// time; at normal priority, its threads would take the cores from the pool's threads, and the
/// suite's in-process gateways would answer late. It uses what the rest of the suite leaves.
public func inTheBackground<T, E: Error>(
    isolation: isolated (any Actor)? = #isolation, _ work: () async throws(E) -> T
) async throws(E) -> T {
    try await withTaskExecutorPreference(BlockingWorkExecutor.background, isolation: isolation, operation: work)
}

/// A task executor that runs each job on a new thread: jobs here are expected to block, so
/// none may wait for another's thread.
public final class BlockingWorkExecutor: TaskExecutor {
    /// For work that mostly waits (processes, pipes, polls).
    public static let waiting = BlockingWorkExecutor(niceness: 0)
    /// For long CPU-bound work: its threads run at nice 19.
    public static let background = BlockingWorkExecutor(niceness: 19)

    private let niceness: Int32

    private init(niceness: Int32) {
        self.niceness = niceness
    }

    private static let marker = "ShopTestSupport.BlockingWorkExecutor"

    /// Whether the caller runs on one of these executors' threads: test helpers that block check
    /// it, so a test that forgets ``offThePool(isolation:_:)`` fails instead of stalling the suite.
    /// (A mark in the thread's dictionary: Foundation's `Thread.name` reads back the name of the
    /// dispatch thread that started it on Linux.)
    public static var isCurrentThread: Bool { Thread.current.threadDictionary[marker] != nil }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let niceness = self.niceness
        let thread = Thread {
            Thread.current.threadDictionary[Self.marker] = true
            // On Linux the nice value is per thread: `who` 0 is the calling thread.
            if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
            job.runSynchronously(on: executor)
        }
        thread.name = "blocking-work"
        thread.start()
    }
}
