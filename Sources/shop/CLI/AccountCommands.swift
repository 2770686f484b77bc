import ArgumentParser
import ShopFlows
import ShopKit

/// `shop account …`: who is signed in, signing in and out, saved addresses. Signing in here
/// signs in the full-screen client too: both keep the session in the same file.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Who you are, signing in and out, saved addresses.",
        subcommands: [WhoAmI.self, Register.self, Login.self, Logout.self, AddressesCommand.self], defaultSubcommand: WhoAmI.self)

    static func user(_ user: User, _ output: CLIOutput) -> String {
        if user.isGuest { return "Shopping as a guest (shop account login to sign in)." }
        var details = Details()
        details.add("Name", user.name)
        details.add("E-mail", user.email)
        details.add("ID", user.id)
        details.add("Since", Formatting.day(user.createdAt))
        return details.render(output)
    }

    /// Reads the password (standard input, or a no-echo prompt) and signs in, registering first
    /// when `name` is given; the guest's cart comes along (`AccountSignIn`).
    static func signIn(_ context: CLIContext, email: String, registeringAs name: String? = nil) async throws -> SignedIn {
        let password = try SecretInput.read([.init(prompt: "Password", secret: true)], what: "the password")[0]
        do {
            return try await AccountSignIn.signIn(context.client, email: email, password: password, registeringAs: name,
                                                  currency: context.currency)
        } catch {
            // Signing in is what failed: no "sign in with shop account login" hint.
            throw CLIFailure(error, signInHint: false)
        }
    }

    /// Refuses a password given as an option, saying why (rather than "unknown option").
    struct PasswordRefusal: ParsableArguments {
        @Option(name: .customLong("password"), help: .hidden) var password: String?

        func validate() throws {
            if password != nil {
                throw ValidationError("a password is never taken as an argument (arguments are visible to every user through `ps`): "
                    + "pipe it on standard input or type it at the prompt")
            }
        }
    }

    struct WhoAmI: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Who is signed in (the default).")
        static let path = "account whoami"
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let user = try await context.client.account.profile()
            context.output.emit(user) { AccountCommand.user(user, $0) }
        }
    }

    struct Register: ShopSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "register", abstract: "Create an account and sign in; the guest cart comes along.",
            discussion: "The password is read from standard input, or asked for without echo on a terminal.")
        static let path = "account register"
        @Option(help: "Your e-mail address.") var email: String
        @Option(help: "Your name.") var name: String
        @OptionGroup var refusal: PasswordRefusal
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let signedIn = try await AccountCommand.signIn(context, email: email, registeringAs: name)
            context.output.emit(signedIn) { output in
                "Welcome, \(signedIn.user.name ?? email). You are signed in; the cart has \(signedIn.cart.itemCount) item(s)."
            }
        }
    }

    struct Login: ShopSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "login", abstract: "Sign in; the guest cart is merged into the account's.",
            discussion: "The password is read from standard input, or asked for without echo on a terminal.")
        static let path = "account login"
        @Option(help: "Your e-mail address.") var email: String
        @OptionGroup var refusal: PasswordRefusal
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let signedIn = try await AccountCommand.signIn(context, email: email)
            context.output.emit(signedIn) { output in
                "Signed in as \(signedIn.user.email ?? email). The cart has \(signedIn.cart.itemCount) item(s)."
            }
        }
    }

    struct Logout: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "logout", abstract: "Sign out (here and in the full-screen client).")
        static let path = "account logout"
        @OptionGroup var options: CLIOptions

        struct Result: Encodable {
            var signedOut: Bool
        }

        func execute(_ context: CLIContext) async throws {
            let wasSignedIn = await context.client.currentSession.map { !$0.isGuest } ?? false
            if await context.client.currentSession != nil { try await context.client.sessions.signOut() }
            context.output.emit(Result(signedOut: wasSignedIn)) { _ in wasSignedIn ? "Signed out." : "Nobody was signed in." }
        }
    }
}

/// `shop account addresses …`: the account's saved addresses, for `checkout --address-id`.
struct AddressesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "addresses", abstract: "List, add, edit or remove saved addresses.",
        subcommands: [List.self, Add.self, Edit.self, Remove.self], defaultSubcommand: List.self)

    static func table(_ addresses: [Address], _ output: CLIOutput) -> String {
        if addresses.isEmpty { return "No saved addresses." }
        var table = Table([.init(title: "ID"), .init(title: "ADDRESS", flexible: true)])
        for address in addresses { table.add(address.id, Formatting.address(address)) }
        return table.render(output)
    }

    struct List: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The saved addresses (the default).")
        static let path = "account addresses"
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let addresses = try await context.client.account.addresses()
            context.output.emit(addresses) { AddressesCommand.table(addresses, $0) }
        }
    }

    struct Add: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Save an address.")
        static let path = "account addresses add"
        @OptionGroup(title: "Address") var address: AddressOptions
        @OptionGroup var options: CLIOptions

        func validate() throws { try address.validateComplete() }

        func execute(_ context: CLIContext) async throws {
            let saved = try await context.client.account.createAddress(address.input!)
            context.output.emit(saved) { _ in "Saved \(saved.id): \(Formatting.address(saved))" }
        }
    }

    struct Edit: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change parts of a saved address.")
        static let path = "account addresses edit"
        @Argument(help: "The address's id.") var id: String
        @OptionGroup(title: "Address") var address: AddressOptions
        @OptionGroup var options: CLIOptions

        func validate() throws {
            if !address.isGiven { throw ValidationError("give at least one part to change, e.g. --city") }
        }

        func execute(_ context: CLIContext) async throws {
            guard let existing = try await context.client.account.addresses().first(where: { $0.id == id }) else {
                throw CLIFailure(.notFound, "no saved address has the id '\(id)'")
            }
            let saved = try await context.client.account.updateAddress(id: id, with: address.applied(to: existing.input))
            context.output.emit(saved) { _ in "Saved \(saved.id): \(Formatting.address(saved))" }
        }
    }

    struct Remove: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a saved address.")
        static let path = "account addresses rm"
        @Argument(help: "The address's id.") var id: String
        @OptionGroup var options: CLIOptions

        struct Result: Encodable {
            var removed: String
        }

        func execute(_ context: CLIContext) async throws {
            try await context.client.account.deleteAddress(id: id)
            context.output.emit(Result(removed: id)) { _ in "Removed \(id)." }
        }
    }
}
