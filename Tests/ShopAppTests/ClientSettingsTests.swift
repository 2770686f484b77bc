import Foundation
import Testing
@testable import ShopApp

@Suite("Client settings")
struct ClientSettingsTests {
    @Test("An empty or missing file gives the defaults")
    func defaults() throws {
        #expect(try ClientSettings.parse("", file: "config.yaml") == ClientSettings())
        let missing = URL(fileURLWithPath: "/nonexistent/shop/config.yaml")
        #expect(try ClientSettings.load(from: missing) == ClientSettings())
    }

    @Test("Every key is read")
    func everyKey() throws {
        let settings = try ClientSettings.parse("""
            gateway: http://127.0.0.1:9000
            theme: dark
            currency: eur
            mouse: true
            color: false
            demoSpeed: 120
            """, file: "config.yaml")
        #expect(settings.gateway == URL(string: "http://127.0.0.1:9000"))
        #expect(settings.theme == "dark")
        #expect(settings.currency == "EUR")
        #expect(settings.mouse)
        #expect(!settings.color)
        #expect(settings.demoSpeed == 120)
    }

    @Test("A bad value names the file and the key", arguments: [
        ("gateway: ftp://x", "gateway"),
        ("gateway: 12", "gateway"),
        ("currency: XXX", "currency"),
        ("mouse: sometimes", "mouse"),
        ("color: 3", "color"),
        ("demoSpeed: 0", "demoSpeed"),
        ("colour: false", "colour"),
    ])
    func badValue(yaml: String, key: String) {
        #expect {
            try ClientSettings.parse(yaml, file: "/home/me/.config/shop/config.yaml")
        } throws: { error in
            guard let error = error as? SettingsError else { return false }
            return error.key == key && error.description.hasPrefix("/home/me/.config/shop/config.yaml:1: '\(key)'")
        }
    }

    @Test("Text that is not a mapping is refused")
    func notAMapping() {
        #expect(throws: SettingsError.self) { try ClientSettings.parse("- a\n- b", file: "c.yaml") }
        #expect(throws: SettingsError.self) { try ClientSettings.parse("key: [unclosed", file: "c.yaml") }
    }

    @Test("XDG variables are honoured; relative ones are ignored")
    func xdg() {
        let dirs = XDGDirectories(environment: [
            "HOME": "/home/me", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "relative/data",
        ])
        #expect(dirs.config.path == "/cfg/shop")
        #expect(dirs.data.path == "/home/me/.local/share/shop")
        #expect(dirs.state.path == "/home/me/.local/state/shop")
        #expect(dirs.configFile.path == "/cfg/shop/config.yaml")
    }

    @Test("Private directories are created 0700")
    func privateDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shop-xdg-\(UUID().uuidString)/a/b")
        try XDGDirectories.ensurePrivateDirectory(dir)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }
}
