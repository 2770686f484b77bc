import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Each connection's guard, right after HTTP parsing: the timeouts, the body limit, the answers
/// to malformed or oversized heads, and the per-address rate limits.
///
/// - A connection without a request in progress is closed after ``GatewayLimits/idleTimeout``.
/// - Once a request's first byte arrives, its head must arrive within
///   ``GatewayLimits/requestHeadTimeout`` (else 408, close); then its body within
///   ``GatewayLimits/requestBodyTimeout`` (else the router answers 408, and the connection closes).
/// - A `Content-Length` over ``GatewayLimits/maxBodyBytes`` is answered 413 by the router before
///   the body is read; the body is then read and dropped (so a client that writes it all before
///   reading still gets the answer) until it ends or its timeout, and the connection closes.
///   A chunked body that grows past the limit is cut off the same way.
/// - A head over ``GatewayLimits/maxHeaderBytes`` is answered 431, other malformed HTTP 400, and closed.
/// - A request over a rate limit is passed on marked with a ``GuardVerdict`` and answered 429.
///
/// The answers it gives itself wait for the responses to earlier pipelined requests, so answers
/// always keep the order of requests.
final class RequestGuardHandler: ConnectionScopedHandler, ChannelOutboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum Phase {
        /// No request begun: waiting for the next one's first byte.
        case idle
        /// Bytes of a head have arrived, not the whole head.
        case readingHead
        /// The head was passed on; its body is arriving.
        case readingBody
        /// The rest of a refused body is read and dropped; `passEnd` when the router still waits for its end.
        case discardingBody(passEnd: Bool)
        /// The whole request is in; the router is answering.
        case awaitingResponse
        /// An answer of our own is written or waits to be; nothing more is read.
        case closing
    }

    private let limits: GatewayLimits
    private let rateLimiter: ClientRateLimiter
    private let logger: Logger
    private var phase = Phase.idle
    private var started = false
    private var timer: Scheduled<Void>?
    /// Requests passed on whose response has not ended.
    private var inFlight = 0
    private var bodyBytes = 0
    /// Close once the responses in flight have ended.
    private var closeWhenAnswered = false
    /// An answer of our own, written once the responses in flight have ended.
    private var pendingAnswer: GatewayProblem?

    init(limits: GatewayLimits, rateLimiter: ClientRateLimiter, logger: Logger) {
        self.limits = limits
        self.rateLimiter = rateLimiter
        self.logger = logger
    }

    // MARK: Lifecycle

    func connectionOpened(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        schedule(limits.idleTimeout, context: context)
    }

    func connectionClosed() {
        cancelTimer()
    }

    // MARK: Inbound

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RequestBytesArrived {
            if case .idle = phase {
                phase = .readingHead
                schedule(limits.requestHeadTimeout, context: context)
            }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var request):
            if case .closing = phase { return }
            inFlight += 1
            request.headerFields[GuardVerdict.field] = nil
            let declaredLength = request.headerFields[.contentLength].flatMap { Int($0) }
            let hasBody = (declaredLength ?? 0) > 0 || request.headerFields[.transferEncoding] != nil
            bodyBytes = 0
            if let declaredLength, declaredLength > limits.maxBodyBytes {
                request.headerFields[GuardVerdict.field] = GuardVerdict.bodyTooLarge(limit: limits.maxBodyBytes).headerValue
                request.headerFields[.connection] = "close"
                closeWhenAnswered = true
                phase = .discardingBody(passEnd: true)
                schedule(limits.requestBodyTimeout, context: context)
            } else {
                if let refusal = rateLimit(request, context: context) {
                    request.headerFields[GuardVerdict.field] =
                        GuardVerdict.rateLimited(what: refusal.what, retryAfter: refusal.retryAfter).headerValue
                }
                if hasBody {
                    phase = .readingBody
                    schedule(limits.requestBodyTimeout, context: context)
                } else {
                    phase = .awaitingResponse
                    cancelTimer()
                }
            }
            context.fireChannelRead(wrapInboundOut(.head(request)))
        case .body(let buffer):
            switch phase {
            case .readingBody:
                bodyBytes += buffer.readableBytes
                if bodyBytes > limits.maxBodyBytes {
                    // The router is reading this body: fail its read, so it answers 413.
                    phase = .discardingBody(passEnd: false)
                    closeWhenAnswered = true
                    context.fireErrorCaught(GuardInterruption.bodyTooLarge(limit: limits.maxBodyBytes))
                } else {
                    context.fireChannelRead(data)
                }
            case .discardingBody, .closing:
                break
            default:
                context.fireChannelRead(data)
            }
        case .end:
            switch phase {
            case .discardingBody(let passEnd):
                phase = .awaitingResponse
                cancelTimer()
                if passEnd { context.fireChannelRead(data) }
                if inFlight == 0 { context.close(promise: nil) }  // the refusal is already out
            case .closing:
                break
            default:
                if case .readingBody = phase {
                    phase = .awaitingResponse
                    cancelTimer()
                }
                context.fireChannelRead(data)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        switch phase {
        case .readingBody:
            // A broken body: the router's read fails and it answers; then the connection closes.
            closeWhenAnswered = true
            context.fireErrorCaught(error)
            return
        case .discardingBody, .closing:
            return  // already refused; the client hanging up mid-body is no news
        case .idle, .readingHead, .awaitingResponse:
            break
        }
        if case .invalidEOFState = parserError {
            context.close(promise: nil)  // the client hung up mid-request: nobody to answer
            return
        }
        if case .headerOverflow = parserError {
            answerAndClose(.headersTooLarge(limit: limits.maxHeaderBytes), context: context)
        } else {
            answerAndClose(.malformedRequest, context: context)
        }
    }

    private func rateLimit(_ request: HTTPRequest, context: ChannelHandlerContext) -> ClientRateLimiter.Refusal? {
        guard rateLimiter.isEnabled else { return nil }
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        let target = request.path ?? ""
        let path = target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
        return rateLimiter.check(address: address, method: request.method, path: path)
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response) where closeWhenAnswered && inFlight == 1 && response.status.kind != .informational:
            // The last answer before the guard closes the connection says so.
            response.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(response)), promise: promise)
            return
        case .head, .body:
            context.write(data, promise: promise)
            return
        case .end:
            break
        }
        inFlight = max(0, inFlight - 1)
        context.write(data, promise: promise)
        guard inFlight == 0 else { return }
        if let problem = pendingAnswer {
            pendingAnswer = nil
            writeAnswer(problem, context: context)
        } else if closeWhenAnswered {
            if case .discardingBody = phase {
                return  // closes when the dropped body ends or its timeout fires
            }
            context.flush()
            context.close(promise: nil)
        } else if case .awaitingResponse = phase {
            phase = .idle
            schedule(limits.idleTimeout, context: context)
        }
    }

    // MARK: Answers and timers

    private func answerAndClose(_ problem: GatewayProblem, context: ChannelHandlerContext) {
        phase = .closing
        cancelTimer()
        if inFlight == 0 {
            writeAnswer(problem, context: context)
        } else {
            pendingAnswer = problem
        }
    }

    private func writeAnswer(_ problem: GatewayProblem, context: ChannelHandlerContext) {
        let answer = ChannelAnswer(problem)
        answer.log("Request refused", to: logger)
        context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: answer.body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    private func schedule(_ timeout: Duration, context: ChannelHandlerContext) {
        cancelTimer()
        let (seconds, attoseconds) = timeout.components
        let amount = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: amount) {
            let (handler, context) = loopBound.value
            handler.timer = nil
            handler.timedOut(context: context)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    private func timedOut(context: ChannelHandlerContext) {
        switch phase {
        case .idle, .discardingBody:
            context.close(promise: nil)
        case .readingHead:
            answerAndClose(.requestTimeout("head"), context: context)
        case .readingBody:
            // The router is reading this body: fail its read, so it answers 408; close soon after
            // even if it never does.
            phase = .discardingBody(passEnd: false)
            closeWhenAnswered = true
            context.fireErrorCaught(GuardInterruption.bodyTimedOut)
            let channel = context.channel
            timer = context.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
        case .awaitingResponse, .closing:
            break
        }
    }
}
