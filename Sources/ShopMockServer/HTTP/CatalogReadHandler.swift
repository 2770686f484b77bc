import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Answers repeated catalog reads from ``CatalogResponseCache`` on the connection's event loop,
/// before the request enters Hummingbird's router, and fills the cache from the answers the
/// full stack gives to the first read of each URL.
///
/// It sits in each connection's pipeline right after HTTP parsing. A request it answers still
/// gets its own `X-Request-ID` (the caller's or a new one), a fresh `Date` and its log line;
/// every other request passes through untouched. It answers only when no earlier request on
/// the connection is still waiting for its response, so pipelined answers keep their order.
/// The gateway installs it only when no faults are injected (latency or failures must apply
/// to every request).
final class CatalogReadHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// A read this handler is answering: its request parts are consumed until `.end`.
    private struct Answer {
        var request: HTTPRequest
        var entry: CatalogResponseCache.Entry
        var started: ContinuousClock.Instant
    }

    /// A cacheable read passed on to the router: where its answer will be kept.
    private struct Capture {
        var uri: String
        var revision: UInt64
        var headerFields = HTTPFields()
        var body: ByteBuffer?
        var isKept = true
    }

    private let cache: CatalogResponseCache
    private let logger: Logger
    private var answering: Answer?
    /// One element per request passed on whose response has not ended, oldest first; nil for
    /// requests whose answer is not kept.
    private var passedOn: [Capture?] = []

    init(cache: CatalogResponseCache, logger: Logger) {
        self.cache = cache
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let request):
            let cacheable =
                CatalogResponseCache.isCacheable(method: request.method, path: request.pathOnly)
                && request.headerFields[.connection]?.lowercased() != "close" && request.acceptsJSON
                && request.headerFields[GuardVerdict.field] == nil  // refused by the guard: the router answers
                && !request.declaresBody  // the router decides what a read with a body gets (a 400 unless `{}`)
            let uri = request.path ?? ""
            if cacheable, passedOn.isEmpty, let entry = cache.lookup(uri) {
                answering = Answer(request: request, entry: entry, started: .now)
                return
            }
            passedOn.append(cacheable ? Capture(uri: uri, revision: cache.revision.current) : nil)
            context.fireChannelRead(data)
        case .body:
            if answering == nil { context.fireChannelRead(data) }
        case .end:
            if let answer = answering {
                answering = nil
                respond(answer, context: context)
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        if !passedOn.isEmpty, var capture = passedOn[0] {
            keep(part, in: &capture)
            passedOn[0] = capture
        }
        if case .end = part, !passedOn.isEmpty { passedOn.removeFirst() }
        context.write(data, promise: promise)
    }

    /// Collects a passed-on read's answer and stores it in the cache at its end.
    private func keep(_ part: HTTPResponsePart, in capture: inout Capture) {
        switch part {
        case .head(let response) where response.status.kind == .informational:
            break
        case .head(let response):
            capture.isKept = response.status == .ok
            capture.headerFields = response.headerFields
            for name in [RequestLog.requestIDField, .date, .contentLength, .connection] {
                capture.headerFields[name] = nil
            }
        case .body(let buffer):
            if capture.body == nil {
                capture.body = buffer
            } else {
                capture.body!.writeImmutableBuffer(buffer)
            }
            if capture.body!.readableBytes > CatalogResponseCache.maxEntryBytes { capture.isKept = false }
        case .end:
            guard capture.isKept else { return }
            cache.store(
                capture.uri, .init(revision: capture.revision, headerFields: capture.headerFields, body: capture.body ?? ByteBuffer()))
        }
    }

    private func respond(_ answer: Answer, context: ChannelHandlerContext) {
        let requestID = RequestLog.requestID(from: answer.request.headerFields)
        var fields = answer.entry.headerFields
        fields[.contentLength] = String(answer.entry.body.readableBytes)
        fields[RequestLog.requestIDField] = requestID
        fields[.date] = HTTPDate.now()
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .ok, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(answer.entry.body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        RequestLog.record(
            logger, method: answer.request.method, path: answer.request.pathOnly, status: .ok, requestID: requestID,
            since: answer.started)
    }
}

extension HTTPRequest {
    /// No `Accept` header, or one that takes `application/json`. Anything else goes to the
    /// router, which decides (a 406 for `Accept: text/html`).
    fileprivate var acceptsJSON: Bool {
        let values = headerFields[values: .accept]
        if values.isEmpty { return true }
        return values.joined(separator: ",").split(separator: ",").contains { range in
            let parts = range.split(separator: ";").map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() }
            guard let type = parts.first, ["application/json", "application/*", "*/*"].contains(type) else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }

    /// A `Content-Length` above zero, or a `Transfer-Encoding`.
    fileprivate var declaresBody: Bool {
        if headerFields[.transferEncoding] != nil { return true }
        return headerFields[.contentLength].flatMap { Int($0) }.map { $0 > 0 } ?? false
    }

    /// The request target without its query.
    fileprivate var pathOnly: String {
        guard let path else { return "" }
        return path.firstIndex(of: "?").map { String(path[..<$0]) } ?? path
    }
}
