import Foundation

/// Runs work that blocks its thread (a child process's pipe, a poll with `Thread.sleep`, a
/// semaphore, seconds of synchronous CPU) on threads of its own instead of Swift's cooperative
/// pool.
///
/// The pool has one thread per core: two on CI. Swift Testing runs the whole suite's tests in
/// parallel on it, and every in-process gateway's handlers, every ShopKit answer and every async
/// test waits for those same threads. One test that blocks holds a thread for as long as it
/// blocks; two such tests and the process stalls (seen for 50–80 s at a time, see
/// docs/testing.md), and gateways' timeouts then fire on requests nobody could answer.
///
/// The work stays in the calling task (a task executor preference, not a detached thread), so
/// `#expect`, task-locals and cancellation behave as they would inline.
public func offThePool<T, E: Error>(
    isolation: isolated (any Actor)? = #isolation, _ work: () async throws(E) -> T
) async throws(E) -> T {
    try await withTaskExecutorPreference(BlockingWorkExecutor.shared, isolation: isolation, operation: work)
}

/// A task executor that runs each job on a new thread: jobs here are expected to block, so
/// none may wait for another's thread.
public final class BlockingWorkExecutor: TaskExecutor {
    public static let shared = BlockingWorkExecutor()

    private init() {}

    private static let threadName = "blocking-work"

    /// Whether the caller runs on one of this executor's threads: test helpers that block check
    /// it, so a test that forgets ``offThePool(isolation:_:)`` fails instead of stalling the suite.
    public static var isCurrentThread: Bool { Thread.current.name == threadName }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let thread = Thread { job.runSynchronously(on: executor) }
        thread.name = Self.threadName
        thread.start()
    }
}
