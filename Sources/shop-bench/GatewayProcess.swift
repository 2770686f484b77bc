import Foundation

/// A `shop-mock-server` child process (the release binary next to this one), so the gateway
/// is measured as people run it and its memory is its own.
final class GatewayProcess {
    let process = Process()
    let url: URL
    var port: Int { url.port ?? 0 }
    var pid: Int32 { process.processIdentifier }

    /// The sibling binary, or $SHOP_MOCK_SERVER.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SHOP_MOCK_SERVER"] { return URL(fileURLWithPath: path) }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("shop-mock-server")
    }

    init(catalog: URL?, extraArguments: [String] = []) throws {
        process.executableURL = Self.binary
        var arguments = ["--port", "0", "--log-level", "warning", "--admin-token", "bench"]
        if let catalog { arguments += ["--catalog", catalog.path] }
        process.arguments = arguments + extraArguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        // The banner line carries the bound URL.
        var buffer = Data()
        let handle = output.fileHandleForReading
        var found: URL?
        while found == nil {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: "Serving the shop gateway at ") {
                let rest = text[range.upperBound...]
                if let end = rest.firstIndex(of: "\n") { found = URL(string: String(rest[..<end])) }
            }
        }
        guard let found else {
            process.terminate()
            throw BenchError("shop-mock-server at \(Self.binary.path) did not start")
        }
        url = found
    }

    var residentMiB: Double? { ProcessMemory.residentMiB(pid: pid) }

    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
