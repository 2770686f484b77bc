import Crypto
import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// An SSH client in the test process (NIOSSH): it can send what the OpenSSH client never would
/// (a 10000x10000 window, a storm of window changes, garbage), and many can run at once cheaply.
/// It keeps a ``ScreenModel`` of what the shop drew.
final class ScriptedSSHClient: Sendable {
    enum Credential: Sendable {
        case key(Curve25519PrivateKey)
        case guest
    }

    /// A client key: NIOSSH's Ed25519 key, kept Sendable for the tests.
    struct Curve25519PrivateKey: Sendable {
        let key: NIOSSHPrivateKey
        init() { key = NIOSSHPrivateKey(ed25519Key: .init()) }
    }

    let channel: any Channel
    private let session: any Channel
    private let state: StateBox

    /// The session's output so far, shared with the channel handler that reads it.
    final class StateBox: Sendable {
        private let mutex: Mutex<State>
        init(_ state: State) { mutex = Mutex(state) }
        func withLock<R: Sendable>(_ body: (inout State) -> R) -> R { mutex.withLock { body(&$0) } }
    }

    struct State: Sendable {
        var screen: ScreenModel
        var raw: [UInt8] = []
        var closed = false
        var exitStatus: Int?
        /// The screen as it was when keys were last sent: a failed wait shows what they acted on.
        var screenAtLastSend: String?
    }

    private init(channel: any Channel, session: any Channel, state: StateBox) {
        self.channel = channel
        self.session = session
        self.state = state
    }

    /// Connects, authenticates and, with `pty`, asks for a terminal of that size; then asks for a shell.
    static func connect(port: Int, group: any EventLoopGroup, credential: Credential, pty: (width: Int, height: Int)? = (80, 24),
                        term: String = "xterm-256color") async throws -> ScriptedSSHClient {
        let bootstrap = ClientBootstrap(group: group).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                let handler = NIOSSHHandler(
                    role: .client(.init(userAuthDelegate: OfferOnce(credential), serverAuthDelegate: AcceptAnyHostKey())),
                    allocator: channel.allocator, inboundChildChannelInitializer: nil)
                try channel.pipeline.syncOperations.addHandler(handler)
            }
        }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
        let size = pty ?? (80, 24)
        let state = StateBox(State(screen: ScreenModel(width: size.width, height: size.height)))
        let session: any Channel = try await channel.eventLoop.flatSubmit {
            let promise = channel.eventLoop.makePromise(of: (any Channel).self)
            do {
                let handler = try channel.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
                handler.createChannel(promise, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(ScreenReader(state: state))
                    }
                }
            } catch {
                promise.fail(error)
            }
            return promise.futureResult
        }.get()
        if let pty {
            try await session.triggerUserOutboundEvent(SSHChannelRequestEvent.PseudoTerminalRequest(
                wantReply: false, term: term, terminalCharacterWidth: pty.width, terminalRowHeight: pty.height,
                terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: .init([:]))).get()
        }
        try await session.triggerUserOutboundEvent(SSHChannelRequestEvent.ShellRequest(wantReply: false)).get()
        return ScriptedSSHClient(channel: channel, session: session, state: state)
    }

    /// Sends keys as typed bytes.
    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) async throws {
        state.withLock { $0.screenAtLastSend = $0.screen.text }
        let buffer = session.allocator.buffer(bytes: bytes)
        try await session.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer))).get()
    }

    /// A window-change request (the screen model follows, as a terminal would).
    func resize(width: Int, height: Int) async throws {
        try await session.triggerUserOutboundEvent(SSHChannelRequestEvent.WindowChangeRequest(
            terminalCharacterWidth: width, terminalRowHeight: height, terminalPixelWidth: 0, terminalPixelHeight: 0)).get()
    }

    var screen: String { state.withLock { $0.screen.text } }
    var rawOutput: String { state.withLock { String(decoding: $0.raw, as: UTF8.self) } }
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits until the screen shows `text` (or the session closes, or the time is up).
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if screen.contains(text) { return }
            if isClosed { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let before = state.withLock { $0.screenAtLastSend } ?? "(no keys sent yet)"
        throw ScriptError("waited for “\(text)”; the screen was:\n\(screen)\nclosed: \(isClosed)\nwhen the last keys were sent it was:\n\(before)")
    }

    /// Waits until the catalog is on screen and the first answers (cart, recommendations) have
    /// had a moment to land, so a key pressed next is not overtaken by one of them.
    func waitUntilBrowsing(timeout: Duration = .seconds(30)) async throws {
        try await waitFor("★", timeout: timeout)
        try await waitFor("cart ", timeout: timeout)
        // The details pane's recommendations are the last of the first answers.
        try await waitFor("You may also like", timeout: timeout)
        try await Task.sleep(for: .milliseconds(300))
    }

    /// Waits until the server has drawn a first frame (for windows too small to read text in).
    func waitForFirstFrame(timeout: Duration = .seconds(30)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            // The alternate screen and a frame of even the smallest clamped size (20x6).
            if state.withLock({ $0.raw.count }) > 200 { return }
            if isClosed { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ScriptError("no frame arrived; closed: \(isClosed)")
    }

    /// Waits until the server closes the session; answers everything it sent, escapes included.
    func waitForClose(timeout: Duration = .seconds(30)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if isClosed { return rawOutput }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ScriptError("the session did not close; the screen was:\n\(screen)")
    }

    func close() async {
        try? await channel.close()
    }
}

struct ScriptError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads the session's output into the screen model.
private final class ScreenReader: ChannelInboundHandler, Sendable {
    typealias InboundIn = SSHChannelData
    let state: ScriptedSSHClient.StateBox

    init(state: ScriptedSSHClient.StateBox) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .byteBuffer(let buffer) = message.data else { return }
        let bytes = Array(buffer.readableBytesView)
        state.withLock { state in
            state.raw += bytes
            state.screen.feed(bytes)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let status = event as? SSHChannelRequestEvent.ExitStatus {
            state.withLock { $0.exitStatus = status.exitStatus }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.withLock { $0.closed = true }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Offers the key (or an empty password, for a guest) once.
private final class OfferOnce: NIOSSHClientUserAuthenticationDelegate, @unchecked Sendable {
    private var credential: ScriptedSSHClient.Credential?

    init(_ credential: ScriptedSSHClient.Credential) {
        self.credential = credential
    }

    func nextAuthenticationType(availableMethods: NIOSSHAvailableUserAuthenticationMethods,
                                nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>) {
        defer { credential = nil }
        switch credential {
        case .key(let key):
            nextChallengePromise.succeed(.init(username: "shopper", serviceName: "", offer: .privateKey(.init(privateKey: key.key))))
        case .guest:
            nextChallengePromise.succeed(.init(username: "shopper", serviceName: "", offer: .password(.init(password: ""))))
        case nil:
            nextChallengePromise.succeed(nil)
        }
    }
}

private final class AcceptAnyHostKey: NIOSSHClientServerAuthenticationDelegate, Sendable {
    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        validationCompletePromise.succeed(())
    }
}
