import Foundation
import Logging
import NIOCore

/// First in every connection's pipeline: counts open connections and refuses those beyond
/// ``GatewayLimits/maxConnections`` with a 503 problem+json and `Retry-After`, then closes them.
///
/// Hummingbird's own cap (`MaximumAvailableConnections`) stops accepting instead, which leaves
/// clients hanging in the listen backlog with no word of why. A refused connection is answered at
/// once (before its request is read), its output is shut, and what it still sends is read and
/// dropped for a moment so the answer is not lost to a reset; then it is closed.
final class ConnectionAdmissionHandler: ConnectionScopedHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum State {
        case new, admitted, refused, released
    }

    private let counter: ConnectionCounter
    private let maxConnections: Int
    private let retryAfterSeconds: Int
    private let logger: Logger
    private var state = State.new

    /// How long a refused connection is read (and dropped) after its answer, at most.
    static let refusalLinger: TimeAmount = .seconds(1)

    init(counter: ConnectionCounter, maxConnections: Int, retryAfterSeconds: Int, logger: Logger) {
        self.counter = counter
        self.maxConnections = maxConnections
        self.retryAfterSeconds = retryAfterSeconds
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard state != .refused else { return }
        context.fireUserInboundEventTriggered(RequestBytesArrived())
        context.fireChannelRead(data)
    }

    /// Counts the connection in, or answers 503 and closes it when there are too many.
    func connectionOpened(context: ChannelHandlerContext) {
        guard state == .new else { return }
        let open = counter.opened()
        guard open > maxConnections else {
            state = .admitted
            return
        }
        state = .refused
        let answer = ChannelAnswer(.tooManyConnections(retryAfter: retryAfterSeconds))
        answer.log("Connection refused: too many open", to: logger, ["open": "\(open)", "limit": "\(maxConnections)"])
        let buffer = context.channel.allocator.buffer(bytes: answer.rawHTTP1)
        let channel = context.channel
        context.writeAndFlush(NIOAny(IOData.byteBuffer(buffer))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
        context.eventLoop.scheduleTask(in: Self.refusalLinger) { channel.close(promise: nil) }
    }

    func connectionClosed() {
        if state == .admitted || state == .refused { counter.closed() }
        state = .released
    }
}
