import NIOCore
import NIOHTTP1

/// Whether the connection stays open after each request, decided right after HTTP/1 parsing,
/// where the request's version is still known (the conversion to HTTP types drops it), by
/// RFC 9112 §9.3: HTTP/1.1 persists unless the request carries the `close` option; HTTP/1.0
/// persists only if it asks for `keep-alive`. Connection options are case-insensitive tokens.
///
/// A request after which the connection ends is passed on with exactly `Connection: close`,
/// the one spelling Hummingbird's request loop and the catalog read cache act on: the loop
/// then half-closes the connection once the response is written, and the client sees the end
/// of the stream at once instead of after the idle timeout (an HTTP/1.0 client without
/// keep-alive waited out the whole timeout, as did `Connection: Close`). Its response says
/// `Connection: close`; the response to an HTTP/1.0 request that asked to persist says
/// `Connection: keep-alive`, which is how an HTTP/1.0 client learns that it does.
final class ConnectionPersistenceHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Persistence {
        /// The connection closes after this request's response.
        case closes
        /// HTTP/1.0 with `keep-alive`: it persists, and the response must say so.
        case keptAliveOnRequest
        /// HTTP/1.1's default: nothing to say.
        case persists
    }

    /// One element per request whose response has not ended, oldest first (responses keep
    /// the order of requests).
    private var owed = CircularBuffer<Persistence>()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let persistence: Persistence
        if !head.isKeepAlive {
            persistence = .closes
            head.headers.replaceOrAdd(name: "Connection", value: "close")
        } else if head.version.major == 1 && head.version.minor == 0 {
            persistence = .keptAliveOnRequest
        } else {
            persistence = .persists
        }
        owed.append(persistence)
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200:
            let closing = head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "close" }
            switch owed.first {
            case .closes where !closing:
                head.headers.replaceOrAdd(name: "Connection", value: "close")
            case .keptAliveOnRequest where !closing:
                head.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
            default:
                context.write(data, promise: promise)
                return
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            // The gateway's own answers (a 408 for a head that never ended) have no request here.
            if !owed.isEmpty { owed.removeFirst() }
            context.write(data, promise: promise)
        case .head, .body:
            context.write(data, promise: promise)
        }
    }
}
