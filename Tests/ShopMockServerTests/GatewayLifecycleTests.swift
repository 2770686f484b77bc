import Foundation
import Testing
@testable import ShopMockServer

@Suite struct GatewayLifecycleTests {
    @Test func aBusyPortFailsToStartInsteadOfHanging() async throws {
        try await TestGateway.with { first in
            let port = first.running.port
            await #expect(throws: (any Error).self) {
                let second = try await TestGateway.start { $0.port = port }
                await second.running.stop()
            }
            // The first one is unaffected.
            let status = try await first.get("/healthz").status
            #expect(status == 200)
        }
    }

    @Test func stopFreesThePortAndManyGatewaysCanRun() async throws {
        var gateways: [TestGateway] = []
        for _ in 0..<5 { gateways.append(try await TestGateway.start()) }
        #expect(Set(gateways.map(\.running.port)).count == 5)
        for gateway in gateways {
            #expect(gateway.url.absoluteString == "http://127.0.0.1:\(gateway.running.port)")
            await gateway.running.stop()
        }
        // The port is free again: a new gateway can take it.
        let port = gateways[0].running.port
        let again = try await TestGateway.start { $0.port = port }
        #expect(try await again.get("/healthz").status == 200)
        await again.running.stop()
        await again.running.stop()  // stopping twice is harmless
    }

    @Test func aDataDirectoryThatIsAFileFailsClearly() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-dir-\(UUID().uuidString)").path
        try "x".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let gateway = try await TestGateway.start { $0.dataDirectory = path }
            await gateway.running.stop()
            Issue.record("a file as data directory should not start")
        } catch {
            #expect("\(error)".contains(path))
        }
    }
}
