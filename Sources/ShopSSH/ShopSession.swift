import Foundation
import Logging
import NIOCore
import NIOSSH
import ShopApp
import ShopKit
import Synchronization
import TerminalUI

/// One person's shop: an `AppRuntime` drawing on an `AnsiBackend` whose bytes are the SSH
/// channel's. Nothing here is shared with another session but the gateway's connection pool.
final class ShopSession: Sendable {
    let identity: ShopperIdentity
    let address: String
    let backend: AnsiBackend
    private let channel: any Channel
    private let output: SessionOutput
    private let services: SessionServices
    private let logger: Logger
    private let finished = Mutex(false)

    init(channel: any Channel, terminal: RemoteTerminal, identity: ShopperIdentity, address: String, services: SessionServices) {
        self.channel = channel
        self.identity = identity
        self.address = address
        self.services = services
        let output = SessionOutput(channel: channel)
        self.output = output
        self.backend = AnsiBackend(capabilities: terminal.capabilities, size: terminal.size) { bytes in output.send(bytes) }
        var logger = services.logger
        logger[metadataKey: "who"] = "\(identity)"
        logger[metadataKey: "address"] = "\(address)"
        self.logger = logger
        services.liveObjects.track(self, as: "session")
        services.liveObjects.track(backend, as: "backend")
    }

    /// Signs the person in (by key, or as a new guest), then runs the shop until they quit, the
    /// connection goes or the server stops.
    func run() async {
        services.runningRuntimes.add(1, ordering: .relaxed)
        defer { services.runningRuntimes.subtract(1, ordering: .relaxed) }
        let fingerprint: String?
        let initial: Session?
        switch identity {
        case .key(let keyFingerprint):
            fingerprint = keyFingerprint
            do {
                initial = try await services.adminClient.admin.keySession(fingerprint: keyFingerprint)
            } catch {
                logger.error("could not sign in by key", metadata: ["error": "\(error)"])
                finish(saying: "The shop cannot sign you in right now (\(error.localizedDescription)). Please try again shortly.", status: 1)
                return
            }
        case .guest:
            // The app starts a guest session of its own on its first call.
            fingerprint = nil
            initial = nil
        }
        let store = KeyLinkingSessionStore(initial: initial, fingerprint: fingerprint, admin: services.adminClient.admin, logger: logger)
        let client = services.shopperClient(store: store)
        let queue = ActionQueue()
        let runner = EffectRunner(service: ShopClientService(client: client), queue: queue, logger: logger,
                                  makeKey: { ShopClient.makeIdempotencyKey() },
                                  // A shared server has no settings file to write; the choice lasts the session.
                                  saveCurrency: { _ in })
        let configuration = services.configuration
        let state = AppState(size: backend.size, now: Date(), gatewayLabel: configuration.gatewayLabel, mouseEnabled: true)
        let theme = backend.capabilities.colors == .none ? Theme.mono : configuration.theme
        logger.info("session started", metadata: ["account": "\(initial.map { $0.isGuest ? "guest" : "signed in" } ?? "new guest")"])
        backend.start()
        let runtime = AppRuntime(state: state, backend: backend, runner: runner, queue: queue, theme: theme, logger: logger)
        for (object, kind) in [(store, "session store"), (client, "gateway client"), (runner, "effect runner"),
                               (queue, "action queue"), (runtime, "runtime")] as [(AnyObject, String)] {
            services.liveObjects.track(object, as: kind)
        }
        await runtime.run()
        finish(saying: runtime.state.isRunning ? nil : "Thanks for shopping. Come back any time!", status: 0)
    }

    /// Bytes the person typed (already within the input budget).
    func receive(_ buffer: ByteBuffer) {
        backend.receive(buffer.readableBytesView)
    }

    /// Their terminal changed size.
    func resize(to size: Size) {
        backend.resize(to: size)
    }

    /// The connection went away: the runtime ends, nothing more is written.
    func disconnected() {
        output.close()
        backend.finishInput()
    }

    /// Ends the session from the server's side (idle, shutdown) with a line saying why.
    func end(saying message: String) {
        // The goodbye first: once the input ends, the runtime's own finish (with nothing to
        // say) could win the race.
        finish(saying: message, status: 0)
        backend.finishInput()
    }

    /// Stops frames, gives the terminal back with `message`, sends the exit status and closes.
    /// Runs once, whoever gets here first.
    func finish(saying message: String?, status: Int) {
        let first = finished.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        services.registry.remove(self)
        services.idleMemoryReturn.sessionEnded(on: channel.eventLoop)
        output.close()
        var bytes = TerminalRestore.bytes
        if let message { bytes += Array((message + "\r\n").utf8) }
        output.sendFinal(bytes)
        let channel = self.channel
        channel.eventLoop.execute {
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
        logger.info("session ended")
    }
}

/// The terminal a client asked for in its `pty-req`, as far as the server can tell.
struct RemoteTerminal: Sendable {
    var term: String
    var size: Size
    var capabilities: TerminalCapabilities
}
