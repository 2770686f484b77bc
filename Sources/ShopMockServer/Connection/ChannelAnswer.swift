import Foundation
import HTTPTypes
import NIOHTTP1

/// Problem answers given by the connection handlers themselves, before (or instead of) the router.
enum ChannelAnswer {
    /// The response head for `problem`, closing the connection.
    static func head(_ problem: GatewayProblem, requestID: String, bodyLength: Int) -> HTTPResponse {
        var fields: HTTPFields = [
            .contentType: "application/problem+json", .contentLength: String(bodyLength), .connection: "close",
        ]
        fields[RequestLog.requestIDField] = requestID
        fields[.date] = HTTPDate.now()
        for (name, value) in problem.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return HTTPResponse(status: .init(code: problem.status), headerFields: fields)
    }

    /// A whole HTTP/1.1 response as bytes, for the handler that sits below the HTTP codec.
    static func rawHTTP1(_ problem: GatewayProblem, requestID: String) -> [UInt8] {
        let body = ProblemRendering.body(for: problem, instance: nil, requestID: requestID)
        let head = self.head(problem, requestID: requestID, bodyLength: body.count)
        let reason = HTTPResponseStatus(statusCode: problem.status).reasonPhrase
        var text = "HTTP/1.1 \(head.status.code) \(reason)\r\n"
        for field in head.headerFields { text += "\(field.name.rawName): \(field.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8) + Array(body)
    }
}
