import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// What the proxy does to one request.
enum ProxyFault: String, CaseIterable, Sendable {
    /// Forward it and pass the answer back untouched.
    case none
    /// Forward it, read the gateway's answer (it has committed), then close without answering.
    case dropAfterCommit
    /// Forward it, then hold the answer past the client's timeout and close.
    case delayPastTimeout
    /// Answer 500 itself; the gateway never sees the request.
    case answer500
    /// Answer 503 with `Retry-After: 0` itself; the gateway never sees the request.
    case answer503
    /// Forward it (the gateway commits), then answer 500 instead of the gateway's answer.
    case commitThen500
    /// Forward it, send the head and half the body, then close.
    case truncatedBody
    /// Forward it, then answer the gateway's status with a body that is not valid JSON.
    case malformedJSON
}

/// One request as the proxy saw it (for decisions and bookkeeping).
struct ProxiedRequest: Sendable {
    var method: String
    var uri: String
    var headers: [(String, String)]

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// Requests per fault.
final class FaultCounts: Sendable {
    private let counts = Mutex<[ProxyFault: Int]>([:])
    func add(_ fault: ProxyFault) { counts.withLock { $0[fault, default: 0] += 1 } }
    var value: [ProxyFault: Int] { counts.withLock { $0 } }
}

/// Replaces the gateway's answer (status, headers, body) before it goes back; `nil` keeps it.
typealias AnswerRewrite = @Sendable (ProxiedRequest, Int, [(String, String)], ByteBuffer) -> (Int, [(String, String)], ByteBuffer)?

/// A loopback HTTP/1.1 proxy in front of a gateway that injects a ``ProxyFault`` per request,
/// as `decide` says. It forwards with AsyncHTTPClient and speaks to its client through NIO.
final class FaultProxy: Sendable {
    let url: URL
    private let server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let serving: Task<Void, Never>
    private let counts = FaultCounts()

    /// How many requests met each fault (``ProxyFault/none`` included).
    var faultCounts: [ProxyFault: Int] { counts.value }

    /// - Parameters:
    ///   - upstream: The gateway's base URL.
    ///   - holdFor: How long ``ProxyFault/delayPastTimeout`` holds an answer (longer than the client's timeout).
    ///   - decide: The fault for each request; called once per request, in arrival order per connection.
    ///   - rewrite: Applied to answers passed on untouched (``ProxyFault/none``).
    init(
        upstream: URL, holdFor: Duration, rewrite: AnswerRewrite? = nil,
        decide: @escaping @Sendable (ProxiedRequest) -> ProxyFault
    ) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        self.server = server
        let port = server.channel.localAddress?.port ?? 0
        self.url = URL(string: "http://127.0.0.1:\(port)")!
        let upstreamBase = upstream.absoluteString
        let counts = self.counts
        self.serving = Task {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask {
                                await Self.serve(
                                    connection, upstream: upstreamBase, holdFor: holdFor, rewrite: rewrite, decide: decide,
                                    counts: counts)
                            }
                        }
                    }
                } catch {
                    // The listening socket closed: stop accepting.
                }
                group.cancelAll()
            }
        }
    }

    /// Closes the listening socket and every open connection.
    func stop() async {
        try? await server.channel.close()
        serving.cancel()
        await serving.value
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, upstream: String,
        holdFor: Duration, rewrite: AnswerRewrite?, decide: @Sendable (ProxiedRequest) -> ProxyFault,
        counts: FaultCounts
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let head else { continue }
                    let request = ProxiedRequest(
                        method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) })
                    let fault = decide(request)
                    counts.add(fault)
                    let keepOpen = try await answer(
                        request, head, body: body, fault: fault, upstream: upstream, holdFor: holdFor, rewrite: rewrite,
                        outbound: outbound)
                    if !keepOpen { return }  // leaving closes the connection
                }
            }
        }
    }

    /// Handles one request; false means "close the connection now".
    private static func answer(
        _ proxied: ProxiedRequest, _ head: HTTPRequestHead, body: ByteBuffer, fault: ProxyFault, upstream: String,
        holdFor: Duration, rewrite: AnswerRewrite?, outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws -> Bool {
        func send(_ status: Int, _ headers: [(String, String)], _ bytes: ByteBuffer, declaredLength: Int? = nil) async throws {
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: String(declaredLength ?? bytes.readableBytes))
            try await outbound.write(
                .head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: status), headers: fields)))
            if bytes.readableBytes > 0 { try await outbound.write(.body(.byteBuffer(bytes))) }
            if declaredLength == nil { try await outbound.write(.end(nil)) }
        }
        func problem(_ status: Int, _ extra: [(String, String)] = []) async throws {
            let json = #"{"type":"https://shop.example/problems/proxy","title":"Injected by the test proxy","status":\#(status)}"#
            try await send(status, [("Content-Type", "application/problem+json")] + extra, ByteBuffer(string: json))
        }

        switch fault {
        case .answer500:
            try await problem(500)
            return true
        case .answer503:
            try await problem(503, [("Retry-After", "0")])
            return true
        default:
            break
        }

        // Forward to the gateway and read its whole answer: from here on it has acted.
        var request = HTTPClientRequest(url: upstream + head.uri)
        request.method = head.method
        for field in head.headers
        where !["host", "connection", "content-length", "transfer-encoding", "keep-alive"].contains(field.name.lowercased()) {
            request.headers.add(name: field.name, value: field.value)
        }
        if body.readableBytes > 0 { request.body = .bytes(body) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let responseBody = try await response.body.collect(upTo: 16 << 20)
        let headers = response.headers
            .filter { !["content-length", "transfer-encoding", "connection", "keep-alive"].contains($0.name.lowercased()) }
            .map { ($0.name, $0.value) }
        let status = Int(response.status.code)

        switch fault {
        case .none, .answer500, .answer503:
            if let rewrite, let (newStatus, newHeaders, newBody) = rewrite(proxied, status, headers, responseBody) {
                try await send(newStatus, newHeaders, newBody)
            } else {
                try await send(status, headers, responseBody)
            }
            return true
        case .dropAfterCommit:
            return false
        case .delayPastTimeout:
            try? await Task.sleep(for: holdFor)
            return false
        case .commitThen500:
            try await problem(500)
            return true
        case .truncatedBody:
            let half = responseBody.getSlice(at: responseBody.readerIndex, length: responseBody.readableBytes / 2) ?? ByteBuffer()
            try await send(status, headers, half, declaredLength: max(responseBody.readableBytes, 16))
            return false
        case .malformedJSON:
            let text = String(buffer: responseBody)
            let broken = String(text.prefix(max(1, text.count / 2))) + "\u{0}\"]}garbage"
            try await send(status, headers, ByteBuffer(string: broken))
            return true
        }
    }
}
