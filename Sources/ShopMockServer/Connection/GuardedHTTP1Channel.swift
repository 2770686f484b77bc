import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 channel with the gateway's guards in front: the connection cap below
/// the HTTP codec (``ConnectionAdmissionHandler``), whether the connection persists right after
/// HTTP/1 parsing (``ConnectionPersistenceHandler``, while the request's version is known), then
/// the timeouts, sizes and rate limits (``RequestGuardHandler``), then any other handlers (the
/// catalog read cache).
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let counter: ConnectionCounter
    let limits: GatewayLimits
    let logger: Logger

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admission = channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionAdmissionHandler(
                    counter: counter, maxConnections: limits.maxConnections,
                    retryAfterSeconds: limits.busyRetryAfterSeconds, logger: self.logger),
                position: .first)
        }
        return admission.flatMap { http1.setup(channel: channel, logger: logger) }.flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(ConnectionPersistenceHandler(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }

    /// The server builder for `Application`: the guards, then `extraHandlers` for each connection.
    static func server(
        limits: GatewayLimits, logger: Logger,
        extraHandlers: @escaping @Sendable () -> [any RemovableChannelHandler]
    ) -> HTTPServerBuilder {
        let counter = ConnectionCounter()
        let rateLimiter = ClientRateLimiter(limits: limits)
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.maxHeaderBytes, maxHeaderListSize: limits.maxHeaderBytes)
        return HTTPServerBuilder { responder in
            let configuration = HTTP1Channel.Configuration(
                additionalChannelHandlers: [RequestGuardHandler(limits: limits, rateLimiter: rateLimiter, logger: logger)]
                    + extraHandlers(),
                idleTimeout: nil,  // RequestGuardHandler keeps the idle, head and body timeouts
                httpDecoderConfiguration: decoder)
            return GuardedHTTP1Channel(
                http1: HTTP1Channel(responder: responder, configuration: configuration), counter: counter, limits: limits,
                logger: logger)
        }
    }
}
