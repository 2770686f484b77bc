import Foundation
import Hummingbird
import HTTPTypes

/// Turns a ``GatewayProblem`` into an `application/problem+json` response.
enum ProblemRendering {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func response(for problem: GatewayProblem, scope: RequestScope) -> Response {
        let body = Components.Schemas.Problem(
            _type: problem.typeURI, title: problem.title, status: problem.status, detail: problem.detail,
            instance: scope.path, requestId: scope.requestID,
            errors: problem.errors.isEmpty ? nil : problem.errors.map { .init(field: $0.field, message: $0.message) },
            productId: problem.productId, available: problem.available)
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        for (name, value) in problem.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let challenge = HTTPField.Name(GatewayProblem.challengeField)!
        if problem.status == 401, headers[challenge] == nil { headers[challenge] = GatewayProblem.plainChallenge }
        return Response(
            status: HTTPResponse.Status(code: problem.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
