import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// Serves a router the way Hummingbird's `Application` does, without its date cache.
///
/// `ApplicationProtocol.run()` always starts a `DateCache` service that reformats the `Date`
/// header once a second, so an idle gateway woke its process about nine times a second (the
/// dispatch manager thread and a pool thread, for a string nobody asked for). Here the `Date`
/// header is ``HTTPDate/now()``: formatted when a response is written, at most once a second,
/// and nothing runs while no request comes.
struct GatewayApplication<Responder: HTTPResponder>: Service
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let responder: Responder
    let server: HTTPServerBuilder
    let configuration: ServerConfiguration
    let logger: Logger
    let onServerRunning: @Sendable (any Channel) async -> Void

    func run() async throws {
        let responder = self.responder
        let logger = self.logger
        let server = try self.server.buildServer(
            configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger
        ) { (request, responseWriter: consuming ResponseWriter, channel) in
            let context = Responder.Context(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch let error as HTTPParserError {
                throw error  // the channel answers 400 and closes
            } catch {
                // ProblemMiddleware turns every failure into an answer; this is its backstop.
                logger.error("Unanswered failure", metadata: ["error": "\(error)"])
                response = Response(status: .internalServerError)
            }
            response.headers[.date] = HTTPDate.now()
            do {
                try await responseWriter.write(response: response.head, body: response.body)
            } catch is HTTPParserError {
                // A parse error now would make the channel write a second response into this
                // one: end the connection instead.
                throw ResponseInterrupted()
            }
        } onServerRunning: { channel in
            await self.onServerRunning(channel)
        }
        try await server.run()
    }

    /// A response cut off while it was written; the connection closes.
    struct ResponseInterrupted: Error {}
}
