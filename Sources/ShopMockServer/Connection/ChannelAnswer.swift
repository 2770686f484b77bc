import Foundation
import HTTPTypes
import Logging
import NIOHTTP1

/// A problem answer a connection handler gives itself, before (or instead of) the router: a
/// request id of its own, the problem+json body and a head that closes the connection.
struct ChannelAnswer {
    let problem: GatewayProblem
    let requestID: String
    let body: Data
    let head: HTTPResponse

    init(_ problem: GatewayProblem) {
        self.problem = problem
        requestID = "req_" + RandomToken.hex(byteCount: 8)
        body = ProblemRendering.body(for: problem, instance: nil, requestID: requestID)
        var fields: HTTPFields = [
            .contentType: "application/problem+json", .contentLength: String(body.count), .connection: "close",
        ]
        fields[RequestLog.requestIDField] = requestID
        fields[.date] = HTTPDate.now()
        for (name, value) in problem.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        head = HTTPResponse(status: .init(code: problem.status), headerFields: fields)
    }

    /// The whole HTTP/1.1 response as bytes, for a handler that sits below the HTTP codec.
    var rawHTTP1: [UInt8] {
        let reason = HTTPResponseStatus(statusCode: problem.status).reasonPhrase
        var text = "HTTP/1.1 \(head.status.code) \(reason)\r\n"
        for field in head.headerFields { text += "\(field.name.rawName): \(field.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8) + Array(body)
    }

    /// One notice line naming the answer, with what led to it.
    func log(_ message: Logger.Message, to logger: Logger, _ metadata: Logger.Metadata = [:]) {
        let answer: Logger.Metadata = ["status": "\(problem.status)", "problem": "\(problem.slug)", "request-id": "\(requestID)"]
        logger.notice(message, metadata: answer.merging(metadata) { _, given in given })
    }
}
