import Foundation
import ShopTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `shop` pointed at a loopback port where nothing listens: it opens, says the
/// shop cannot be reached, still answers keys and quits cleanly with `q`.
///
/// Part of the serialized `EndToEndTests`: the tmux waits block a thread of the test pool, so
/// end-to-end tests run one at a time and leave the other threads to the rest of the suite.
extension EndToEndTests {
    @Test("Opens, says offline, answers keys and quits with q",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(2)))
    func gatewayDown() async throws {
        try await offThePool {
            let harness = try Harness()
            defer { harness.tearDown() }
            let port = try Self.closedLoopbackPort()
            try harness.startShop(gateway: URL(string: "http://127.0.0.1:\(port)")!)
            try harness.waitForScreen(containing: "offline")
            try harness.waitForScreen(containing: "reach the shop")
            harness.keys("?")
            try harness.waitForScreen(containing: "Keys —")  // the help overlay
            harness.keys("Escape")
            harness.keys("c")
            try harness.waitForScreen(containing: "Your cart")
            #expect(try harness.screen().contains("offline"))
            harness.keys("q")
            try harness.waitForExit()
        }
    }

    /// A loopback port that was free a moment ago: bound to port 0, read back, closed.
    static func closedLoopbackPort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw HarnessError("bind failed") }
        return UInt16(bigEndian: address.sin_port)
    }
}
