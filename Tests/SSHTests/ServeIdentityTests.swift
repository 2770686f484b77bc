import Foundation
import ShopKit
import ShopSSH
import Testing

/// Who a person is over SSH: their key, or a throwaway guest.
@Suite("shop serve: identity", .serialized, .timeLimit(.minutes(3)))
struct ServeIdentityTests {
    @Test func theSameKeyFindsItsCartAndTwoKeysHaveTwoCarts() async throws {
        try await ServeFixture.with { fixture in
            let ada = ScriptedSSHClient.Curve25519PrivateKey()
            let bob = ScriptedSSHClient.Curve25519PrivateKey()
            let first = try await fixture.connect(.key(ada))
            try await first.waitUntilBrowsing()
            try await first.send("+")
            try await first.waitFor("cart 1")
            try await first.send("+")
            try await first.waitFor("cart 2")

            let other = try await fixture.connect(.key(bob))
            // Not "cart 0": the status bar says so from the first frame, before the products
            // are listed, and a j+ typed then moves nothing and adds nothing.
            try await other.waitUntilBrowsing()
            try await other.waitFor("cart 0")
            try await other.send("j+")
            try await other.waitFor("cart 1")

            try await first.send("q")
            let goodbye = try await first.waitForClose()
            #expect(goodbye.contains("Thanks for shopping"))
            let again = try await fixture.connect(.key(ada))
            try await again.waitFor("cart 2")

            let adaCart = try await fixture.asShopper(ada) { try await $0.cart.get() }
            let bobCart = try await fixture.asShopper(bob) { try await $0.cart.get() }
            #expect(adaCart.itemCount == 2)
            #expect(bobCart.itemCount == 1)
            #expect(adaCart.lines.first?.productID != bobCart.lines.first?.productID)
            await again.close()
            await other.close()
        }
    }

    @Test func withoutAKeyEachConnectionIsANewGuest() async throws {
        try await ServeFixture.with { fixture in
            let first = try await fixture.connect(.guest)
            try await first.waitUntilBrowsing()
            try await first.waitFor("guest")
            try await first.send("+")
            try await first.waitFor("cart 1")
            await first.close()
            let second = try await fixture.connect(.guest)
            try await second.waitUntilBrowsing()
            try await second.waitFor("cart 0")
            await second.close()
        }
    }

    @Test func registeringInsideTheAppSignsTheKeyInNextTime() async throws {
        try await ServeFixture.with { fixture in
            let key = ScriptedSSHClient.Curve25519PrivateKey()
            let client = try await fixture.connect(.key(key))
            try await client.waitUntilBrowsing()
            try await client.send("+")
            try await client.waitFor("cart 1")
            try await client.send("a")
            try await client.waitFor("Sign in")
            try await client.send("\u{12}")  // Ctrl-R: register instead
            try await client.waitFor("Create an account")
            let email = "ssh-\(UUID().uuidString.prefix(8).lowercased())@example.com"
            // The register form's fields: name, e-mail, password.
            try await client.send("Ada Lovelace" + Purchase.tab + email + Purchase.tab + "correct horse battery" + Purchase.enter)
            // The status bar's "test │ e-mail" (the gateway's label, then who is signed in), not
            // the e-mail as typed in the form: the key is bound before the status bar shows it.
            try await client.waitFor("test │ \(email)")
            // Gone without quitting (a dropped connection): the key was bound when the account was.
            await client.close()

            let again = try await fixture.connect(.key(key))
            try await again.waitFor("cart 1")
            #expect(!again.screen.contains("│ guest │"))
            let session = try await fixture.admin.admin.keySession(fingerprint: KeyFingerprint.of(key.key.publicKey))
            #expect(!session.isGuest)
            #expect(session.user.email == email)
            await again.close()
        }
    }
}
