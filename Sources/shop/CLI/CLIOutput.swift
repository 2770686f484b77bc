import Foundation
import ShopApp

/// Where a subcommand's answer goes: standard output as a table for people or as JSON for
/// scripts; failures as one line (or one JSON object) on standard error.
struct CLIOutput: Sendable {
    /// The version of every JSON shape in docs/cli.md; it changes only when a shape does.
    static let jsonVersion = 1

    /// The subcommand's path, e.g. `cart add`, named in JSON answers.
    let command: String
    let json: Bool
    /// Colour (bold headers, red errors) only on a terminal and never with NO_COLOR.
    let color: Bool
    /// Columns the human tables fit in: $COLUMNS, else the terminal's width, else 80.
    let width: Int

    init(command: String, options: CLIOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.command = command
        json = options.json
        let configAllowsColor = (try? ClientSettings.load(from: XDGDirectories(environment: environment).configFile))?.color ?? true
        color = isatty(STDOUT_FILENO) != 0 && !options.noColor && (environment["NO_COLOR"] ?? "").isEmpty && configAllowsColor
        width = Self.columns(environment)
    }

    private static func columns(_ environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let value = Int(text), value >= 20 { return min(value, 1000) }
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }

    /// Prints `result` as JSON, or the text `human` makes.
    func emit<Result: Encodable>(_ result: Result, human: (CLIOutput) -> String) {
        if json {
            write(Self.encode(Envelope(version: Self.jsonVersion, command: command, result: result, error: nil as ErrorBody?)), to: .standardOutput)
        } else {
            let text = human(self)
            if !text.isEmpty { write(text.hasSuffix("\n") ? text : text + "\n", to: .standardOutput) }
        }
    }

    /// Reports `failure` on standard error: one line, or one JSON object with `--json`.
    func report(_ failure: CLIFailure) {
        if json {
            let body = ErrorBody(exitCode: Int(failure.status.rawValue), kind: failure.status.name, message: failure.message,
                                 problem: failure.problem, idempotencyKey: failure.idempotencyKey)
            write(Self.encode(Envelope(version: Self.jsonVersion, command: command, result: nil as Int?, error: body)), to: .standardError)
        } else {
            var line = "shop \(command): \(Self.oneLine(failure.message))"
            if let key = failure.idempotencyKey {
                // Only a failure that may not have reached the gateway is worth retrying as is.
                line += failure.status == .unreachable
                    ? " (idempotency key \(key): retry with --idempotency-key \(key) to be charged at most once)"
                    : " (idempotency key \(key))"
            }
            if let request = failure.problem?.requestID { line += " [request \(request)]" }
            write(line + "\n", to: .standardError)
        }
    }

    /// A bold header when colour is allowed.
    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            return "{\"version\":\(jsonVersion),\"error\":{\"kind\":\"failure\",\"message\":\"cannot encode the answer\"}}\n"
        }
    }

    private func write(_ text: String, to handle: FileHandle) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// The outermost JSON object of every answer: `result` on success, `error` on failure.
struct Envelope<Result: Encodable>: Encodable {
    var version: Int
    var command: String
    var result: Result?
    var error: ErrorBody?
}

struct ErrorBody: Encodable {
    var exitCode: Int
    var kind: String
    var message: String
    var problem: ProblemDetailsOutput?
    var idempotencyKey: String?

    init(exitCode: Int, kind: String, message: String, problem: ProblemDetails?, idempotencyKey: String?) {
        self.exitCode = exitCode
        self.kind = kind
        self.message = message
        self.problem = problem.map(ProblemDetailsOutput.init)
        self.idempotencyKey = idempotencyKey
    }
}

import ShopKit

/// The gateway's problem as it appears in `--json` errors.
struct ProblemDetailsOutput: Encodable {
    var status: Int
    var type: String
    var title: String
    var detail: String?
    var requestID: String?
    var fieldErrors: [FieldError]
    var productID: String?
    var available: Int?

    init(_ problem: ProblemDetails) {
        status = problem.status
        type = problem.type
        title = problem.title
        detail = problem.detail
        requestID = problem.requestID
        fieldErrors = problem.fieldErrors
        productID = problem.productID
        available = problem.available
    }
}
