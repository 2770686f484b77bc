import Foundation
import Logging
import ShopApp
import ShopKit
import ShopMockServer
import Synchronization
import TerminalUI

/// Resident memory per extra session when many runtimes share one process, as `shop serve`
/// runs them: each its own `AnsiBackend` (output discarded), `ShopClient` session and run loop,
/// all against one in-process gateway, each on a Browse screen with its first page drawn.
enum RuntimesBench {
    static func run(counts: [Int]) async throws {
        print("== Resident memory per extra runtime (AnsiBackend 80x24, own ShopClient session, Browse drawn) ==")
        var configuration = GatewayConfiguration(port: 0, bcryptCost: 4, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        configuration.limits.guestSessionsPerAddress = nil
        let gateway = try await MockGateway.start(configuration)
        let drawn = AsyncStream<Void>.makeStream()
        let backends = Backends()
        // Runtimes are added, never ended, between readings: one first, so each figure is the
        // cost of the extra ones.
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            var previous: (count: Int, resident: Double)?
            for target in [1] + counts.sorted() where target > running {
                let started = ContinuousClock.now
                for number in running..<target {
                    group.addTask { try await runOne(number: number, gateway: gateway.url, backends: backends, drawn: drawn.continuation) }
                }
                var waiting = target - running
                for await _ in drawn.stream {
                    waiting -= 1
                    if waiting == 0 { break }
                }
                let seconds = (ContinuousClock.now - started).seconds
                running = target
                let resident = ProcessMemory.residentMiB() ?? 0
                if let previous {
                    let perRuntime = (resident - previous.resident) * 1024 / Double(target - previous.count)
                    print(String(format: "  %4d runtimes: resident %.1f MiB, %.0f KiB per runtime added beyond %d (drawn in %.2f s)",
                                 target, resident, perRuntime, previous.count, seconds))
                } else {
                    print(String(format: "  %4d runtime:  resident %.1f MiB (the process, the in-process gateway and one session)", target, resident))
                }
                previous = (target, resident)
            }
            for backend in backends.all { backend.finishInput() }
            try await group.waitForAll()
        }
        await gateway.stop()
    }

    /// One session: runs until its input ends; yields on `drawn` once its first page is drawn.
    private static func runOne(number: Int, gateway: URL, backends: Backends,
                               drawn: AsyncStream<Void>.Continuation) async throws {
        let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway, maximumConnectionsPerHost: 2))
        let backend = AnsiBackend(capabilities: .full, size: Size(width: 80, height: 24)) { _ in }
        backends.add(backend)
        let queue = ActionQueue()
        let runtime = AppRuntime(
            state: AppState(size: backend.size, now: Date(), gatewayLabel: "bench \(number)"), backend: backend,
            runner: EffectRunner(service: ShopClientService(client: client), queue: queue, logger: quiet),
            queue: queue, theme: .default, logger: quiet)
        var counted = false
        runtime.onTurn = { state in
            guard !counted, !state.browse.products.isEmpty, !state.isBusy else { return }
            counted = true
            drawn.yield()
        }
        await runtime.run()
        try await client.shutdown()
    }
}

/// The sessions' terminals, to hang them all up at the end.
private final class Backends: Sendable {
    private let list = Mutex<[AnsiBackend]>([])
    func add(_ backend: AnsiBackend) { list.withLock { $0.append(backend) } }
    var all: [AnsiBackend] { list.withLock { $0 } }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
