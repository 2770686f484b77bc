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
///   ``GatewayLimits/requestBodyTimeout`` (else 408, close).
/// - A request with a body is held here until the whole body has arrived, and only then passed
///   on, head, body and end together: a request whose body never comes has no effect at all,
///   whether or not its route reads the body (a guest session was created, a 401 given, before
///   the body was due). `Expect: 100-continue` is answered `100 Continue` when the body is held.
/// - A `Content-Length` over ``GatewayLimits/maxBodyBytes`` is answered 413 by the router before
///   the body is read; the body is then read and dropped (so a client that writes it all before
///   reading still gets the answer) until it ends or its timeout, and the connection closes.
///   A chunked body that grows past the limit is cut off the same way.
/// - A head over ``GatewayLimits/maxHeaderBytes`` is answered 431, other malformed HTTP 400, and closed.
/// - A request over a rate limit is passed on marked with a ``GuardVerdict`` and answered 429.
/// - A client that reads none of its answers (the connection stays unwritable) for
///   ``GatewayLimits/idleTimeout`` is cut: pipelining thousands of requests and never reading
///   held a connection, and its slot under the connection cap, for ever.
///
/// The answers it gives itself wait for the responses to earlier pipelined requests, so answers
/// always keep the order of requests. A timer never closes a connection that is still owed an
/// answer: a busy gateway (every thread of the cooperative pool taken) answers late, and the
/// client gets the 408 or 413 late instead of a connection closed without a word. Only if the
/// router has not answered within ``GatewayLimits/idleTimeout`` is the connection cut anyway.
///
/// Timers cost: a phase only moves its deadline; one timer per connection checks it. The timer
/// fires at the deadline it was armed for and, if the deadline has since moved later, re-arms
/// itself for the new one; it is rescheduled only when a deadline must come sooner than it
/// fires, and that is decided when a read is complete, so a request whose head arrives in one
/// read (nearly all) costs no timer work at all. Scheduling and cancelling a timer twice per
/// request was about a fifth of a cached read.
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
    /// When the current phase's time is up; nil while a request is being answered.
    private var deadline: NIODeadline?
    /// The deadline is the last-resort one: when it passes, the connection is cut.
    private var deadlineCuts = false
    /// The connection's one timer and when it fires (see the type's comment).
    private var timer: Scheduled<Void>?
    private var timerFiresAt: NIODeadline?
    /// Armed only while the connection is unwritable: the client is not reading its answers.
    private var stallTimer: Scheduled<Void>?
    /// The client's address, formatted once, and only if a rate limit asks for it.
    private var clientAddress: String?
    /// Requests passed on whose response has not ended.
    private var inFlight = 0
    private var bodyBytes = 0
    /// The request whose body is arriving, held until its end (see the type's comment).
    private var heldHead: HTTPRequest?
    private var heldBody: ByteBuffer?
    /// The held request asked for `100 Continue`, owed once earlier responses have ended.
    private var continueOwed = false
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
        expect(limits.idleTimeout)
        armTimer(context: context)
    }

    func connectionClosed() {
        cancelTimer()
        stallTimer?.cancel()
        stallTimer = nil
    }

    /// Unwritable: answers wait for the client to read. It must read some within an idle timeout.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stallTimer?.cancel()
            stallTimer = nil
        } else if stallTimer == nil {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let logger = self.logger
            stallTimer = context.eventLoop.scheduleTask(in: Self.timeAmount(limits.idleTimeout)) {
                logger.notice("Connection closed: the client read none of its answers for an idle timeout")
                loopBound.value.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    // MARK: Inbound

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RequestBytesArrived {
            if case .idle = phase {
                phase = .readingHead
                expect(limits.requestHeadTimeout)  // armed, if still needed, when the read is complete
            }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var request):
            if case .closing = phase { return }
            request.headerFields[GuardVerdict.field] = nil
            let declaredLength = request.headerFields[.contentLength].flatMap { Int($0) }
            let hasBody = (declaredLength ?? 0) > 0 || request.headerFields[.transferEncoding] != nil
            bodyBytes = 0
            if let declaredLength, declaredLength > limits.maxBodyBytes {
                refuseBody(request, context: context)
                expect(limits.requestBodyTimeout)
                return
            }
            if let refusal = rateLimit(request, context: context) {
                request.headerFields[GuardVerdict.field] =
                    GuardVerdict.rateLimited(what: refusal.what, retryAfter: refusal.retryAfter).headerValue
            }
            if hasBody {
                phase = .readingBody
                expect(limits.requestBodyTimeout)
                heldHead = request
                heldBody = nil
                if request.headerFields[.expect]?.lowercased() == "100-continue" {
                    continueOwed = true
                    sendContinueIfDue(context: context)
                }
            } else {
                phase = .awaitingResponse
                expect(nil)
                passOn(request, context: context)
            }
        case .body(var buffer):
            switch phase {
            case .readingBody:
                bodyBytes += buffer.readableBytes
                if bodyBytes > limits.maxBodyBytes, let request = heldHead {
                    // A chunked body grew past the limit: the router answers 413 to the head alone.
                    refuseBody(request, context: context)
                } else if heldBody == nil {
                    heldBody = buffer
                } else {
                    heldBody!.writeBuffer(&buffer)
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
                expect(nil)
                if passEnd { context.fireChannelRead(data) }
                if inFlight == 0 { context.close(promise: nil) }  // the refusal is already out
            case .closing:
                break
            case .readingBody:
                phase = .awaitingResponse
                expect(nil)
                continueOwed = false
                guard let request = heldHead else { return }
                let body = heldBody
                heldHead = nil
                heldBody = nil
                passOn(request, context: context)
                if let body { context.fireChannelRead(wrapInboundOut(.body(body))) }
                context.fireChannelRead(data)
            default:
                context.fireChannelRead(data)
            }
        }
    }

    /// Passes a request's head on to the router; its response is now owed.
    private func passOn(_ request: HTTPRequest, context: ChannelHandlerContext) {
        inFlight += 1
        context.fireChannelRead(wrapInboundOut(.head(request)))
    }

    /// Passes `request` on marked to be answered 413 at once; its body is read and dropped, and
    /// the connection closes once the answer is out.
    private func refuseBody(_ request: HTTPRequest, context: ChannelHandlerContext) {
        var request = request
        request.headerFields[GuardVerdict.field] = GuardVerdict.bodyTooLarge(limit: limits.maxBodyBytes).headerValue
        request.headerFields[.connection] = "close"
        heldHead = nil
        heldBody = nil
        continueOwed = false
        closeWhenAnswered = true
        phase = .discardingBody(passEnd: true)
        passOn(request, context: context)
    }

    /// Writes the held request's `100 Continue` once no earlier response is still owed (an
    /// interim answer must not overtake them).
    private func sendContinueIfDue(context: ChannelHandlerContext) {
        guard continueOwed, inFlight == 0, case .readingBody = phase else { return }
        continueOwed = false
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
    }

    /// Every phase change of a read is in: arm the timer if a deadline now comes before it fires.
    func channelReadComplete(context: ChannelHandlerContext) {
        armTimer(context: context)
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        if case .closedConnection = parserError {
            // Bytes after a request that ends the connection (`Connection: close`, HTTP/1.0
            // without keep-alive) are not a request to answer (RFC 9112 §9.6): the router
            // half-closes after that request's response; the client has an idle timeout to hang up.
            phase = .closing
            scheduleLastResortClose(context: context)
            return
        }
        switch phase {
        case .readingBody:
            // A broken body: the request was held, so the router never saw it; answered below.
            heldHead = nil
            heldBody = nil
            continueOwed = false
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
        let target = request.path ?? ""
        // Split at the query on bytes: a Character scan (grapheme breaking) showed in profiles.
        let path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target[..<$0] } ?? target[...]
        return rateLimiter.check(address: { self.address(context) }, method: request.method, path: path)
    }

    private func address(_ context: ChannelHandlerContext) -> String {
        if let clientAddress { return clientAddress }
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        clientAddress = address
        return address
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
        } else if continueOwed {
            sendContinueIfDue(context: context)
        } else if closeWhenAnswered {
            if case .discardingBody = phase {
                // Closes when the dropped body ends or, from now, a body timeout passes.
                expect(limits.requestBodyTimeout)
                armTimer(context: context)
                return
            }
            context.flush()
            context.close(promise: nil)
        } else if case .awaitingResponse = phase {
            phase = .idle
            expect(limits.idleTimeout)
            armTimer(context: context)  // nothing to do while the armed timer fires sooner
        }
    }

    // MARK: Answers and timers

    private func answerAndClose(_ problem: GatewayProblem, context: ChannelHandlerContext) {
        phase = .closing
        expect(nil)
        if inFlight == 0 {
            writeAnswer(problem, context: context)
        } else {
            pendingAnswer = problem
            scheduleLastResortClose(context: context)
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

    /// Starts the current phase's time (nil: no limit). Also ends a last-resort deadline: as
    /// before any phase change, the newer state decides.
    private func expect(_ timeout: Duration?) {
        deadlineCuts = false
        guard let timeout else {
            deadline = nil
            return
        }
        deadline = .now() + Self.timeAmount(timeout)
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Makes sure the timer fires by the deadline: left alone when it already does (it re-arms
    /// itself for a later deadline when it fires), rescheduled only for a sooner one.
    private func armTimer(context: ChannelHandlerContext) {
        guard let deadline else { return }
        if let firesAt = timerFiresAt, firesAt <= deadline { return }
        timer?.cancel()
        timerFiresAt = deadline
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.timerFired(context: context)
        }
    }

    private func timerFired(context: ChannelHandlerContext) {
        timer = nil
        timerFiresAt = nil
        guard let deadline else { return }  // a request is being answered: no limit now
        guard deadline <= .now() else {
            armTimer(context: context)  // the deadline moved on since the timer was armed
            return
        }
        self.deadline = nil
        if deadlineCuts {
            deadlineCuts = false
            context.close(promise: nil)
        } else {
            timedOut(context: context)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerFiresAt = nil
        deadline = nil
    }

    private func timedOut(context: ChannelHandlerContext) {
        switch phase {
        case .idle:
            context.close(promise: nil)
        case .discardingBody(let passEnd):
            guard inFlight > 0 else {
                context.close(promise: nil)  // the refusal is out; the rest of the body is not worth waiting for
                return
            }
            // The refusal is not written yet: stop waiting for the body (the router gets its
            // end, if it waits for one) and close once the answer is out.
            if passEnd { context.fireChannelRead(wrapInboundOut(.end(nil))) }
            phase = .discardingBody(passEnd: false)
            closeWhenAnswered = true
            scheduleLastResortClose(context: context)
        case .readingHead:
            answerAndClose(.requestTimeout("head"), context: context)
        case .readingBody:
            // The router never saw this request: it has had no effect, and 408 is the answer.
            heldHead = nil
            heldBody = nil
            continueOwed = false
            answerAndClose(.requestTimeout("body"), context: context)
        case .awaitingResponse, .closing:
            break
        }
    }

    /// Cuts the connection if the router still has not answered after an idle timeout (a
    /// handler that never ends must not hold the connection for ever).
    private func scheduleLastResortClose(context: ChannelHandlerContext) {
        expect(limits.idleTimeout)
        deadlineCuts = true
        armTimer(context: context)
    }
}
