import Foundation
import ShopTestSupport
import Testing

extension TerminalSafetyTests {
    /// Issue 6, item 6 (client side): after a purchase and a registration typed into the real
    /// `shop` (offline demo: the embedded gateway keeps its data under XDG_DATA_HOME too), the full
    /// card number, the CVV and the password are in no file the app left behind: its log, its
    /// settings, its session, the embedded gateway's database. Files are 0600 and folders 0700.
    ///
    /// Nested in the serialized terminal suite, so it runs one at a time with the other tmux tests:
    /// alongside them it kept the test process busy enough to starve other suites' time-bounded
    /// waits.
    @Suite("Client secrets")
    struct ClientSecretsTests {
        static let password = "Zebra-Quartz-Marmalade-42"
        static let forbidden = ["4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242", "Zebra-Quartz-Marmalade-42",
                                "\"cvv\"", "\"947\"", "cvv=947", "cvv: 947"]

        @Test func aPurchaseAndARegistrationLeaveNoSecretOnDisk() async throws {
            try await offThePool {
                let pane = try Pane()
                defer { pane.tearDown() }
                await pane.open()
                let root = pane.root.path
                let binary = Harness.binDirectory!.appendingPathComponent("shop").path
                await pane.type("env XDG_DATA_HOME=\(root)/data XDG_CONFIG_HOME=\(root)/config XDG_STATE_HOME=\(root)/state TERM=xterm-256color \(binary) --no-mouse; echo done > exit-code")
                #expect(await pane.waitFor(screen: "★"), "the catalog came up: \(pane.screen())")

                // A guest checkout with the full card and a CVV.
                await pane.keys("+")
                #expect(await pane.waitFor(screen: "cart 1"))
                await pane.keys("c")
                #expect(await pane.waitFor(screen: "Total"))
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "Contact"))
                await pane.literal("sam@example.com")
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "Where should we ship it?"))
                for (index, text) in ["Sam Secret", "1 Quiet St", "", "Oslo", "", "0150", "NO"].enumerated() {
                    if index > 0 { await pane.keys("Tab") }
                    if !text.isEmpty { await pane.literal(text) }
                }
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "arrives by"))
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "Card number"))
                await pane.literal("4242 4242 4242 4242")
                await pane.keys("Tab")
                await pane.literal("12/2030")
                await pane.keys("Tab")
                await pane.literal("947")
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "Enter to place the order"))
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "Your order is placed", seconds: 30), "\(pane.screen())")

                // Then an account, with a password typed into the form.
                await pane.keys("a")
                await pane.keys("C-r")
                await pane.literal("Sam Secret")
                await pane.keys("Tab")
                await pane.literal("sam-\(UUID().uuidString.prefix(6))@example.com")
                await pane.keys("Tab")
                await pane.literal(Self.password)
                await pane.keys("Enter")
                #expect(await pane.waitFor(screen: "Sam Secret", seconds: 20))
                await Pane.pause(1)
                #expect(await pane.quitShop(thenWaitFor: "exit-code") != nil, "shop quit: \(pane.screen())")

                // Every file the app and its embedded gateway left, byte for byte.
                var files = 0, bytes = 0
                var names: [String] = []
                var leaks: [String] = []
                var badModes: [String] = []
                let fileManager = FileManager.default
                for top in ["data", "config", "state"] {
                    let base = root + "/" + top
                    guard let walker = fileManager.enumerator(atPath: base) else { continue }
                    for case let relative as String in walker {
                        let path = base + "/" + relative
                        var isDirectory: ObjCBool = false
                        _ = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
                        let mode = ((try? fileManager.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
                        if isDirectory.boolValue {
                            if relative.hasPrefix("shop"), mode != 0o700 { badModes.append("\(top)/\(relative)/ \(String(mode, radix: 8))") }
                            continue
                        }
                        guard let data = fileManager.contents(atPath: path) else { continue }
                        files += 1
                        names.append("\(top)/\(relative)")
                        bytes += data.count
                        for secret in Self.forbidden where data.range(of: Data(secret.utf8)) != nil {
                            leaks.append("\(top)/\(relative): \(secret)")
                        }
                        if mode != 0o600 { badModes.append("\(top)/\(relative) \(String(mode, radix: 8))") }
                    }
                }
                #expect(files >= 3, "the app wrote its files: \(files)")
                #expect(leaks.isEmpty, "\(leaks)")
                #expect(badModes.isEmpty, "\(badModes)")
                print("client secrets: \(files) files \(names) (\(bytes) bytes) under the XDG data, config and state directories; no card number, CVV or password; modes \(badModes.isEmpty ? "0600/0700" : "\(badModes)")")
            }
        }
    }
}
