import Foundation
import ShopKit
import ShopSSH
import ShopTestSupport
import Testing

/// What the server refuses, and what a hostile client cannot do to it or to anyone else: each
/// case ends with a well-behaved person shopping normally on the same server.
@Suite("shop serve: limits and hostile clients", .serialized, .timeLimit(.minutes(3)))
struct ServeLimitsTests {
    /// A well-behaved person still gets the shop.
    static func stillServes(_ fixture: ServeFixture) async throws {
        let client = try await fixture.connect(.key(.init()))
        try await client.waitUntilBrowsing()
        try await client.send("+")
        try await client.waitFor("cart 1")
        await client.close()
    }

    @Test func withoutATerminalThereIsOneLineAndTheSessionCloses() async throws {
        try await ServeFixture.with { fixture in
            let client = try await fixture.connect(.key(.init()), pty: nil)
            let output = try await client.waitForClose()
            #expect(output == "The shop needs a terminal: connect with ssh -t, or from an interactive shell.\r\n")
            try await Self.stillServes(fixture)
        }
    }

    /// The wire carries 32-bit sizes: the largest is 4294967295.
    @Test(arguments: [(10_000, 10_000), (0, 0), (1, 100_000), (4_294_967_295, 4_294_967_295)])
    func absurdWindowSizesAreClamped(_ width: Int, _ height: Int) async throws {
        try await ServeFixture.with { fixture in
            let hostile = try await fixture.connect(.key(.init()), pty: (width, height))
            try await hostile.waitForFirstFrame()
            #expect(!hostile.isClosed)
            try await hostile.resize(width: height, height: width)
            try await hostile.send("+")
            try await Self.stillServes(fixture)
            await hostile.close()
        }
    }

    @Test func aStormOfWindowChangesDoesNotStopAnyone() async throws {
        try await ServeFixture.with { fixture in
            let hostile = try await fixture.connect(.key(.init()))
            try await hostile.waitUntilBrowsing()
            var random = SplitMix64(seed: 14)
            for _ in 0..<2_000 {
                try await hostile.resize(width: Int.random(in: 0...20_000, using: &random), height: Int.random(in: 0...4_294_967_295, using: &random))
            }
            try await hostile.resize(width: 80, height: 24)
            try await Self.stillServes(fixture)
            try await hostile.send("+")
            try await hostile.waitFor("cart 1")
            await hostile.close()
        }
    }

    @Test func garbageBytesNeverCrashTheServer() async throws {
        try await ServeFixture.with { fixture in
            let hostile = try await fixture.connect(.key(.init()))
            try await hostile.waitUntilBrowsing()
            var random = SplitMix64(seed: 1414)
            for _ in 0..<200 {
                // Anything but q, Ctrl-C and Ctrl-Z, which would end or suspend the session.
                let bytes = (0..<Int.random(in: 1...512, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                    .filter { ![UInt8(ascii: "q"), 0x03, 0x1A].contains($0) }
                try await hostile.send(bytes)
            }
            try await Self.stillServes(fixture)
            await hostile.close()
        }
    }

    @Test func aFloodOfInputIsDroppedBeyondTheBudget() async throws {
        try await ServeFixture.with({ $0.inputBurstBytes = 4096; $0.inputBytesPerSecond = 1 }) { fixture in
            let flooder = try await fixture.connect(.key(.init()))
            try await flooder.waitUntilBrowsing()
            // 1 MB of input in a moment: beyond the 4 KB budget it is dropped, not queued.
            for _ in 0..<64 { try await flooder.send(Array(repeating: UInt8(ascii: "j"), count: 16 * 1024)) }
            try await Self.stillServes(fixture)
            await flooder.close()
        }
    }

    @Test func theSessionCapTellsTheNextPersonTheShopIsFull() async throws {
        try await ServeFixture.with({ $0.maxSessions = 2 }) { fixture in
            let first = try await fixture.connect(.key(.init()))
            let second = try await fixture.connect(.guest)
            try await first.waitUntilBrowsing()
            try await second.waitUntilBrowsing()
            let third = try await fixture.connect(.key(.init()))
            let refusal = try await third.waitForClose()
            #expect(refusal.contains("The shop is full right now (2 people shopping)"))
            try await first.send("q")
            _ = try await first.waitForClose()
            try await Self.stillServes(fixture)
            await second.close()
        }
    }

    @Test func anIdleSessionIsToldAndClosed() async throws {
        try await ServeFixture.with({ $0.idleTimeout = .seconds(1) }) { fixture in
            let idle = try await fixture.connect(.key(.init()))
            try await idle.waitUntilBrowsing()
            let output = try await idle.waitForClose()
            #expect(output.hasSuffix("Closed after 1 second without a key press. Come back any time!\r\n"))
        }
    }

    @Test func oneAddressOpeningConnectionsTooFastIsRefused() async throws {
        try await ServeFixture.with({ $0.connectionBurst = 3; $0.connectionsPerSecond = 0.01 }) { fixture in
            var admitted: [ScriptedSSHClient] = []
            for _ in 0..<3 { admitted.append(try await fixture.connect(.key(.init()))) }
            await #expect(throws: (any Error).self) {
                let refused = try await fixture.connect(.key(.init()))
                try await refused.waitFor("★", timeout: .seconds(5))
            }
            for client in admitted {
                try await client.waitUntilBrowsing()
                await client.close()
            }
        }
    }

    @Test func disconnectingMidCheckoutLeavesOthersShopping() async throws {
        try await ServeFixture.with { fixture in
            let leaver = try await fixture.connect(.key(.init()))
            let stayer = try await fixture.connect(.key(.init()))
            try await leaver.waitUntilBrowsing()
            try await leaver.send("+")
            try await leaver.waitFor("cart 1")
            try await leaver.send("c")
            try await leaver.waitFor("Total")
            try await leaver.send(Purchase.enter)
            try await leaver.waitFor("Contact")
            try await leaver.send("gone@example.com" + Purchase.enter)
            await leaver.close()
            try await Purchase.run(on: stayer)
            await stayer.close()
        }
    }

    @Test func stoppingTheServerTellsEveryoneTheShopIsClosing() async throws {
        let outputs = try await ServeFixture.with { fixture in
            let clients = [try await fixture.connect(.key(.init())), try await fixture.connect(.guest)]
            for client in clients { try await client.waitUntilBrowsing() }
            await fixture.server.stop()
            var outputs: [String] = []
            for client in clients { outputs.append(try await client.waitForClose()) }
            return outputs
        }
        for output in outputs {
            #expect(output.hasSuffix("The shop is closing now. Thank you for shopping, and see you soon!\r\n"))
        }
    }
}
