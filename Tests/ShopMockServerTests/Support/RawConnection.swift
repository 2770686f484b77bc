import Foundation
import NIOCore
import NIOPosix

/// A plain TCP connection to a gateway, for what no HTTP client sends: half a head, a body
/// that never comes, more connections than allowed. A whole exchange is bounded by `patience`,
/// so a gateway that never answers fails the test instead of hanging it.
struct RawConnection: Sendable {
    static let patience: Duration = .seconds(30)

    /// Connects to 127.0.0.1:`port`, runs `body`, and closes.
    static func with<T: Sendable>(
        port: Int, _ body: @escaping @Sendable (inout Exchange) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: Outcome<T>.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var exchange = Exchange(iterator: inbound.makeAsyncIterator(), outbound: outbound)
                    return .done(try await body(&exchange))
                }
            }
            group.addTask {
                try await Task.sleep(for: patience)
                return .gaveUp
            }
            defer { group.cancelAll() }
            guard case .done(let value) = try await group.next() else {
                throw TestFailure("the gateway kept the connection busy for more than \(patience)")
            }
            return value
        }
    }

    private enum Outcome<T: Sendable>: Sendable {
        case done(T)
        case gaveUp
    }

    /// One connection's reads and writes.
    struct Exchange {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        /// Bytes read but not yet consumed by ``readResponse()``.
        var pending: [UInt8] = []

        mutating func send(_ text: String) async throws {
            try await send(Array(text.utf8))
        }

        mutating func send(_ bytes: [UInt8]) async throws {
            try await outbound.write(ByteBuffer(bytes: bytes))
        }

        /// Sends unless the gateway has already answered and closed (as it may while a body over
        /// the limit is still being written); returns whether the bytes went out.
        @discardableResult
        mutating func sendUnlessClosed(_ text: String) async throws -> Bool {
            do {
                try await send(text)
                return true
            } catch is ChannelError {
                return false
            } catch let error as IOError where [EPIPE, ECONNRESET].contains(error.errnoCode) {
                return false
            }
        }

        /// Everything until the gateway closes the connection.
        mutating func readUntilClosed() async throws -> [UInt8] {
            while let chunk = try await nextChunk() { pending += chunk }
            return pending
        }

        /// One response (head and a `Content-Length` body); nil if the connection closed first.
        mutating func readResponse() async throws -> RawResponse? {
            while true {
                if let response = RawResponse.parse(&pending) { return response }
                guard let chunk = try await nextChunk() else { return nil }
                pending += chunk
            }
        }

        private mutating func nextChunk() async throws -> [UInt8]? {
            do {
                guard let buffer = try await iterator.next() else { return nil }
                return Array(buffer.readableBytesView)
            } catch let error as IOError where error.errnoCode == ECONNRESET {
                return nil
            } catch is ChannelError {
                return nil
            }
        }
    }
}

/// A response read off a raw connection.
struct RawResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var problemSlug: String? { (object["type"] as? String)?.components(separatedBy: "/").last }
    func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// Takes one whole response off the front of `bytes`, if it is all there.
    static func parse(_ bytes: inout [UInt8]) -> RawResponse? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4,
            let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == separator })
        else { return nil }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines.first?.split(separator: " ") ?? []
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard bytes.count >= end + 4 + length else { return nil }
        let body = Data(bytes[(end + 4)..<(end + 4 + length)])
        bytes.removeFirst(end + 4 + length)
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// Parses the first response in `bytes` (for answers read until the connection closed).
    static func first(in bytes: [UInt8]) -> RawResponse? {
        var bytes = bytes
        return parse(&bytes)
    }
}
