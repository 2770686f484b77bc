import Foundation
import Logging
import NIOCore
import NIOSSH
import TerminalUI

/// One SSH session channel. It allows exactly one thing: a shell request on a pty, which
/// starts the shop. Exec, subsystems and environment variables are refused (forwarding and
/// agent requests never reach a session: NIOSSH refuses what no handler accepts).
final class ShopSessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    private let services: SessionServices
    private let identity: ShopperIdentity
    private let address: String
    private var terminal: RemoteTerminal?
    /// Only what tells the character set and colour depth (LANG, LC_*, COLORTERM); never applied.
    private var locale: [String: String] = [:]
    private var session: ShopSession?
    private var inputBudget: TokenBucket
    private var idleTimer: Scheduled<Void>?

    init(services: SessionServices, identity: ShopperIdentity, address: String) {
        self.services = services
        self.identity = identity
        self.address = address
        let configuration = services.configuration
        self.inputBudget = TokenBucket(capacity: Double(configuration.inputBurstBytes),
                                       perSecond: Double(configuration.inputBytesPerSecond))
        services.liveObjects.track(self, as: "session channel handler")
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        session?.disconnected()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            let size = WindowSize.clamped(width: request.terminalCharacterWidth, height: request.terminalRowHeight)
            terminal = RemoteTerminal(term: String(request.term.prefix(64)), size: size, capabilities: .full)
            reply(context, success: request.wantReply, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let size = WindowSize.clamped(width: request.terminalCharacterWidth, height: request.terminalRowHeight)
            terminal?.size = size
            if let session, session.backend.size != size { session.resize(to: size) }
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // Refused: nothing a client sends becomes the server's environment. Its locale and
            // colour depth only decide how the shop is drawn for it.
            if ["LANG", "LC_ALL", "LC_CTYPE", "COLORTERM"].contains(request.name) {
                locale[request.name] = String(request.value.prefix(64))
            }
            reply(context, success: false, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            reply(context, success: true, wanted: request.wantReply)
            startShop(context: context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            services.logger.info("refused a command", metadata: ["who": "\(identity)", "address": "\(address)"])
            refuse(context, wanted: request.wantReply,
                   saying: "This server runs only the shop: connect without a command (ssh -p PORT HOST).")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(context, wanted: request.wantReply, saying: "This server runs only the shop; no \(request.subsystem.prefix(32)) here.")
        case let event as ChannelEvent where event == .inputClosed:
            session?.disconnected()
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        // Standard input only; stderr-typed data from a client means nothing here.
        guard case .channel = message.type, case .byteBuffer(var buffer) = message.data, let session else { return }
        restartIdleTimer(context: context)
        // Beyond the budget, bytes are dropped: a flood cannot queue without end.
        let granted = Int(inputBudget.take(Double(buffer.readableBytes)))
        services.logger.trace("input", metadata: ["who": "\(identity)", "bytes": "\(buffer.readableBytes)", "granted": "\(granted)"])
        guard granted > 0 else { return }
        if granted < buffer.readableBytes { buffer = buffer.getSlice(at: buffer.readerIndex, length: granted) ?? buffer }
        session.receive(buffer)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        services.logger.debug("session channel error", metadata: ["who": "\(identity)", "error": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: Starting the shop

    private func startShop(context: ChannelHandlerContext) {
        guard session == nil else { return }
        guard var terminal else {
            refuse(context, wanted: false, saying: "The shop needs a terminal: connect with ssh -t, or from an interactive shell.")
            return
        }
        terminal.capabilities = Self.capabilities(term: terminal.term, locale: locale)
        let session = ShopSession(channel: context.channel, terminal: terminal, identity: identity, address: address, services: services)
        guard services.registry.admit(session) else {
            services.logger.warning("the shop is full", metadata: ["who": "\(identity)", "address": "\(address)"])
            refuse(context, wanted: false, saying: "The shop is full right now (\(services.registry.capacity) people shopping). Please try again in a few minutes.")
            return
        }
        self.session = session
        restartIdleTimer(context: context)
        Task { await session.run() }
    }

    /// What the client's terminal can show: colours from `TERM` (and `COLORTERM`), Unicode
    /// unless its locale says otherwise (no locale sent: UTF-8, as nearly every terminal is).
    static func capabilities(term: String, locale: [String: String]) -> TerminalCapabilities {
        var environment = ["TERM": term]
        environment["COLORTERM"] = locale["COLORTERM"]
        let localeName = locale["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? locale["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? locale["LANG"]
        let codeset: String
        if let localeName {
            let afterDot = localeName.split(separator: ".").dropFirst().first.map { String($0.split(separator: "@")[0]) }
            codeset = afterDot ?? (["C", "POSIX"].contains(localeName) ? "ANSI_X3.4-1968" : "UTF-8")
        } else {
            codeset = "UTF-8"
        }
        return TerminalCapabilities.detect(environment: environment, codeset: codeset)
    }

    private func restartIdleTimer(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        let timeout = services.configuration.idleTimeout
        let session = self.session
        let message = "Closed after \(Self.spoken(timeout)) without a key press. Come back any time!"
        idleTimer = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            session?.end(saying: message)
        }
    }

    /// "30 minutes", "1 second", "2 hours".
    static func spoken(_ duration: Duration) -> String {
        let seconds = max(1, Int(duration.components.seconds))
        let (value, unit) = seconds % 3600 == 0 ? (seconds / 3600, "hour") : seconds % 60 == 0 ? (seconds / 60, "minute") : (seconds, "second")
        return "\(value) \(unit)\(value == 1 ? "" : "s")"
    }

    // MARK: Replies

    private func reply(_ context: ChannelHandlerContext, success: Bool, wanted: Bool) {
        guard wanted else { return }
        if success {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// One line on the client's terminal, a failure exit status, and the channel closes.
    private func refuse(_ context: ChannelHandlerContext, wanted: Bool, saying message: String) {
        let channel = context.channel
        let line = channel.allocator.buffer(string: message + "\r\n")
        channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(line)), promise: nil)
        reply(context, success: false, wanted: wanted)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
