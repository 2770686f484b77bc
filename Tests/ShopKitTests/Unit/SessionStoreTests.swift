import Foundation
import ShopKit
import Testing

@Suite("Session stores")
struct SessionStoreTests {
    let session = Session(
        token: "tok_secret", refreshToken: "ref_secret", expiresAt: Date(timeIntervalSince1970: 2_000_000_000),
        user: User(id: "u1", isGuest: true, createdAt: Date(timeIntervalSince1970: 1_700_000_000)))

    @Test func fileStoreWritesOwnerOnlyFilesAndRoundTrips() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shopkit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("state/shop/session.json")
        let store = FileSessionStore(url: url)
        #expect(try await store.load() == nil)

        try await store.save(session)
        let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        let directoryMode = try FileManager.default.attributesOfItem(
            atPath: url.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
        #expect(try await store.load() == session)
        // A second store on the same file (the next run of the app) sees the same session.
        #expect(try await FileSessionStore(url: url).load()?.token == "tok_secret")

        try await store.save(nil)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try await store.load() == nil)
    }

    @Test func inMemoryStoreKeepsTheLastSession() async throws {
        let store = InMemorySessionStore()
        #expect(try await store.load() == nil)
        try await store.save(session)
        #expect(try await store.load() == session)
        try await store.save(nil)
        #expect(try await store.load() == nil)
    }

    @Test func sessionDescriptionHidesTokens() {
        #expect(!session.description.contains("tok_secret"))
        #expect(!String(reflecting: session).contains("ref_secret"))
        var dumped = ""
        dump(session, to: &dumped)
        #expect(!dumped.contains("tok_secret"))
        #expect(!dumped.contains("ref_secret"))
        #expect(dumped.contains("u1"))
    }
}
