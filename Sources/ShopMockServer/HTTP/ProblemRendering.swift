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
        let data = body(for: problem, instance: scope.path, requestID: scope.requestID)
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

    /// The JSON body alone, for answers given before a request reaches the router.
    static func body(for problem: GatewayProblem, instance: String?, requestID: String) -> Data {
        let body = Components.Schemas.Problem(
            _type: problem.typeURI, title: problem.title, status: problem.status, detail: problem.detail,
            instance: instance, requestId: requestID,
            errors: problem.errors.isEmpty ? nil : problem.errors.map { .init(field: $0.field, message: $0.message) },
            productId: problem.productId, available: problem.available)
        return (try? encoder.encode(body)) ?? Data("{}".utf8)
    }
}
