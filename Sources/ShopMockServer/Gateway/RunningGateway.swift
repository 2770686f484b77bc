import Foundation
import ServiceLifecycle

/// A gateway serving requests; ``stop()`` shuts it down and frees its port.
public final class RunningGateway: Sendable {
    /// Where it listens, e.g. `http://127.0.0.1:54321`.
    public let url: URL
    /// The clock it judges time by (advance it to move orders along).
    public let clock: GatewayClock
    /// The bound port (useful when the configuration asked for port 0).
    public let port: Int

    /// The kept catalog answers; nil when the configuration turned them off.
    let catalogReadCache: CatalogResponseCache?
    private let serverTask: Task<Void, any Error>
    private let group: ServiceGroup
    private let store: GatewayStore
    /// The bcrypt threads (tests hold them to prove sign-ins wait there, not on request threads).
    let passwords: PasswordHasher

    init(
        url: URL, port: Int, clock: GatewayClock, catalogReadCache: CatalogResponseCache?, serverTask: Task<Void, any Error>,
        group: ServiceGroup, store: GatewayStore, passwords: PasswordHasher
    ) {
        self.url = url
        self.port = port
        self.clock = clock
        self.catalogReadCache = catalogReadCache
        self.serverTask = serverTask
        self.group = group
        self.store = store
        self.passwords = passwords
    }

    /// Stops accepting requests, waits until the server has closed its port, then closes
    /// the database (every acknowledged change is already on disk).
    public func stop() async {
        await group.triggerGracefulShutdown()
        // A connection that never finishes its request must not hold stop() forever.
        let task = serverTask
        let deadline = Task {
            try await Task.sleep(for: .seconds(5))
            task.cancel()
        }
        _ = await serverTask.result
        deadline.cancel()
        await store.close()
        await passwords.shutdown()
    }

    /// Waits until the server stops (after ``stop()`` or a fatal server error).
    public func waitUntilStopped() async throws {
        try await serverTask.value
    }
}
