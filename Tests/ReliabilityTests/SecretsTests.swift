import AsyncHTTPClient
import Foundation
import Logging
import NIOPosix
import ShopKit
import Synchronization
import Testing

/// Collects every log line of the SDK, at trace level.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { label in CapturingHandler(label: label, sink: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingHandler: LogHandler {
    let label: String
    let sink: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        sink.append("\(event.level) \(label): \(event.message) \(merged)")
    }
}

extension Reliability {
    @Suite("Secrets never leave the request", .serialized)
    struct SecretsTests {
        static let password = "Zebra-Quartz-Marmalade-42"
        static let cardNumber = "4242 4242 4242 4242"
        static let declinedNumber = "4000 0000 0000 0002"
        static let cvv = "947"

        /// Every spelling of a secret that would give it away.
        static var forbidden: [String] {
            [
                password, "4242424242424242", cardNumber, "4242-4242-4242-4242", "4000000000000002", declinedNumber,
                #""cvv":"947""#, #""cvv": "947""#, "cvv=947", "cvv: 947", #"\"947\""#, "\"cvv\"",
            ]
        }

        static func leaks(in data: Data) -> [String] {
            forbidden.filter { data.range(of: Data($0.utf8)) != nil }
        }

        static func mode(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }

        /// Greps every file of the data directory and checks the modes; returns the names and bytes read.
        static func checkDataDirectory(_ directory: String) throws -> ([String], Int) {
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(files.contains("gateway.sqlite"))
            var bytes = 0
            for name in files {
                let path = directory + "/" + name
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                bytes += data.count
                #expect(leaks(in: data).isEmpty, "\(name) leaks \(leaks(in: data))")
                #expect(mode(path) == 0o600, "\(name) is \(String(mode(path), radix: 8))")
            }
            #expect(mode(directory) == 0o700)
            return (files, bytes)
        }

        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func aScriptedPurchaseLeavesNoCardCVVOrPasswordAnywhere() async throws {
            let root = temporaryDirectory("shop-secrets")
            defer { try? FileManager.default.removeItem(atPath: root) }
            let dataDirectory = root + "/gateway-data"
            let sessionFile = URL(fileURLWithPath: root + "/state/shop/session.json")

            // The real binary, logging everything it can.
            let server = try await ServerProcess.start([
                "--data-dir", dataDirectory, "--admin-token", RawGateway.adminToken, "--log-level", "trace",
            ])
            let sdkLog = CapturedLog()
            var said: [String] = []  // everything a test or an app could print about the calls
            do {
                let client = ShopClient(
                    configuration: ShopClientConfiguration(
                        baseURL: URL(string: server.base)!, sessionStore: FileSessionStore(url: sessionFile),
                        logger: sdkLog.logger(label: "shopkit")))
                let email = "secret-\(UUID().uuidString.prefix(6).lowercased())@example.com"
                _ = try await client.cart.add(productID: "p001-cast-iron-skillet-26-cm", quantity: 1)  // as a guest
                let session = try await client.sessions.register(email: email, password: Self.password, name: "Sam Secret")
                said.append("\(session)")
                do {
                    _ = try await client.sessions.signIn(email: email, password: "wrong " + Self.password)
                } catch {
                    said += ["\(error)", error.userMessage, String(reflecting: error)]
                }
                _ = try await client.sessions.signIn(email: email, password: Self.password)
                let address = AddressInput(name: "Sam Secret", line1: "1 Quiet St", city: "Oslo", postalCode: "0150", country: "NO")
                let good = CardInput(number: Self.cardNumber, cvv: Self.cvv, expMonth: 12, expYear: 2099, holderName: "Sam Secret")
                let declined = CardInput(number: Self.declinedNumber, cvv: Self.cvv, expMonth: 12, expYear: 2099)
                let check = try await client.payment.validate(card: good)
                said.append("\(check)")
                for card in [declined, good] {
                    let request = PlaceOrderRequest(email: email, address: address, card: card)
                    said += ["\(request)", String(reflecting: request), "\(card)", String(reflecting: card)]
                    var dumped = ""
                    dump(request, to: &dumped)
                    said.append(dumped)
                    do {
                        let placed = try await client.checkout.placeOrder(request)
                        said += ["\(placed)", String(reflecting: placed.order)]
                    } catch {
                        said += ["\(error)", error.userMessage, String(reflecting: error)]
                    }
                }
                let orders = try await client.orders.list().collect()
                #expect(orders.count == 1)
                if let first = orders.first {
                    let invoice = try await client.orders.invoice(orderID: first.id)
                    said.append(String(reflecting: invoice))
                }
                try await client.shutdown()
            } catch {
                await server.terminate()
                throw error
            }
            // While it runs: the database with its WAL and shared-memory files.
            let (liveFiles, liveBytes) = try Self.checkDataDirectory(dataDirectory)
            #expect(liveFiles.contains("gateway.sqlite-wal"), "\(liveFiles)")
            await server.terminate()

            // The server's log output (stdout and stderr, trace level).
            let (stdout, stderr) = (server.stdout.data, server.stderr.data)
            #expect(stderr.count > 1_000, "the server logged at trace level: \(stderr.count) bytes")
            #expect(Self.leaks(in: stdout + stderr).isEmpty, "server log leaks \(Self.leaks(in: stdout + stderr))")
            // The SDK's log and everything said about the calls.
            #expect(!sdkLog.text.isEmpty)
            #expect(Self.leaks(in: Data(sdkLog.text.utf8)).isEmpty, "SDK log leaks \(Self.leaks(in: Data(sdkLog.text.utf8)))")
            let saidText = said.joined(separator: "\n")
            #expect(Self.leaks(in: Data(saidText.utf8)).isEmpty, "descriptions leak \(Self.leaks(in: Data(saidText.utf8)))")

            // After a clean stop: whatever is left on disk.
            let (files, bytes) = try Self.checkDataDirectory(dataDirectory)

            // The SDK's session file: tokens only (0600, in a 0700 folder).
            let session = try Data(contentsOf: sessionFile)
            #expect(Self.leaks(in: session).isEmpty)
            #expect(Self.mode(sessionFile.path) == 0o600)
            #expect(Self.mode(sessionFile.deletingLastPathComponent().path) == 0o700)
            print("secrets: \(liveFiles.count) data files while running (\(liveBytes) bytes), \(files.count) after the stop (\(bytes) bytes), \(stdout.count + stderr.count) bytes of server log, \(sdkLog.text.count) bytes of SDK log, \(said.count) descriptions, session file: \(Self.forbidden.count) spellings of the card, CVV and password, none found")
        }
    }
}
