import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// Runs bcrypt on a few threads of its own, with a bounded queue.
///
/// bcrypt is slow on purpose. Run where requests are handled, 16 concurrent sign-ins held every
/// thread and pushed `/healthz` from 2 ms to 800 ms. Here they wait for one of `threads`
/// threads while catalog, cart and health answers go on; when `queueLimit` jobs are already
/// waiting, a new one is refused at once with 503 and `Retry-After` instead of joining the queue.
final class PasswordHasher: Sendable {
    private let pool: NIOThreadPool
    private let queueLimit: Int
    private let retryAfterSeconds: Int
    private let cost: UInt8
    private let outstanding = Atomic<Int>(0)

    init(threads: Int, queueLimit: Int, cost: Int, retryAfterSeconds: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        self.queueLimit = max(0, queueLimit)
        self.cost = UInt8(max(4, min(31, cost)))
        self.retryAfterSeconds = retryAfterSeconds
        self.threads = max(1, threads)
    }

    private let threads: Int

    /// A bcrypt hash of `password` at the configured cost.
    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await run { Bcrypt.hash(password, cost: cost) }
    }

    /// True when `password` matches `hash`.
    func verify(_ password: String, hash: String) async throws -> Bool {
        try await run { Bcrypt.verify(password, hash: hash) }
    }

    /// Jobs running or waiting now.
    var outstandingJobs: Int { outstanding.load(ordering: .relaxed) }

    /// Stops the threads once the jobs already queued are done.
    func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    /// Runs `job` on a hashing thread, or refuses it when the queue is full.
    func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async throws -> T {
        // Jobs running on a thread plus jobs waiting; only the waiting ones count against the limit.
        let admitted = outstanding.add(1, ordering: .relaxed).newValue <= threads + queueLimit
        defer { outstanding.subtract(1, ordering: .relaxed) }
        guard admitted else { throw GatewayProblem.serviceUnavailable(retryAfter: retryAfterSeconds) }
        return try await pool.runIfActive(job)
    }
}
