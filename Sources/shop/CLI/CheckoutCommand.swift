import ArgumentParser
import Foundation
import ShopFlows
import ShopKit

/// `shop checkout`: places the cart as an order without questions, for scripts. The card comes
/// from standard input (or a prompt without echo on a terminal), never from an argument.
struct CheckoutCommand: ShopSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout", abstract: "Place the cart as an order.",
        discussion: """
            The card is read from standard input, one value a line: number, expiry (MM/YY or MM/YYYY), \
            security code, and optionally the holder's name; on a terminal it is asked for without echo. \
            It is never taken as an argument: arguments are visible to every user through `ps`.
            Retrying with the same --idempotency-key (the key used is always printed) never charges twice.
            """)
    static let path = "checkout"

    @Option(help: ArgumentHelp("Where the confirmation goes (default: the account's e-mail).", valueName: "EMAIL"))
    var email: String?
    @Option(name: .customLong("address-id"), help: ArgumentHelp("Ship to this saved address (see shop account addresses).", valueName: "ID"))
    var addressID: String?
    @OptionGroup(title: "Address (instead of --address-id)") var address: AddressOptions
    @Option(help: ArgumentHelp("standard or express.", valueName: "OPTION")) var shipping: ShippingOptionID = .standard
    @Option(name: .customLong("idempotency-key"), help: ArgumentHelp("Reuse this key to retry a checkout safely.", valueName: "KEY"))
    var idempotencyKey: String?
    @OptionGroup var options: CLIOptions

    // Only here to refuse them with a reason instead of "unknown option".
    @Option(name: .customLong("card"), help: .hidden) var cardArgument: String?
    @Option(name: .customLong("card-number"), help: .hidden) var cardNumberArgument: String?
    @Option(name: .customLong("cvv"), help: .hidden) var cvvArgument: String?

    func validate() throws {
        if cardArgument != nil || cardNumberArgument != nil || cvvArgument != nil {
            throw ValidationError("a card is never taken as an argument (arguments are visible to every user through `ps`): "
                + "pipe it on standard input, one value a line: number, MM/YY, security code")
        }
        if addressID != nil && address.isGiven { throw ValidationError("give --address-id or an address, not both") }
        if addressID == nil { try address.validateComplete() }
        if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.count > 255 || idempotencyKey.contains(where: \.isWhitespace) {
            throw ValidationError("--idempotency-key must be 1 to 255 characters without spaces")
        }
    }

    func execute(_ context: CLIContext) async throws {
        let client = context.client
        let email: String
        if let given = self.email {
            email = given
        } else if let own = try await client.account.profile().email {
            email = own
        } else {
            throw CLIFailure(.usage, "--email is needed when not signed in")
        }
        let card = try Self.readCard()
        if let problem = CardValidator.problem(with: card, at: Date()) {
            throw CLIFailure(.paymentRefused, "\(problem.message) (checked before sending: nothing was charged)")
        }
        let request = if let addressID {
            PlaceOrderRequest(email: email, savedAddressID: addressID, shippingOption: shipping, card: card, currency: context.currency)
        } else {
            PlaceOrderRequest(email: email, address: address.input!, shippingOption: shipping, card: card, currency: context.currency)
        }
        let attempt = CheckoutAttempt(request: request, idempotencyKey: idempotencyKey ?? ShopClient.makeIdempotencyKey())
        // Before anything can be charged, so a script killed mid-way still knows what to retry with.
        if !context.output.json {
            try? FileHandle.standardError.write(contentsOf: Data("shop checkout: idempotency key \(attempt.idempotencyKey)\n".utf8))
        }
        let order: Order
        do {
            order = try await attempt.place(with: client)
        } catch {
            throw CLIFailure(error, idempotencyKey: attempt.idempotencyKey)
        }
        let result = PlacedOrder(order: order, idempotencyKey: attempt.idempotencyKey)
        context.output.emit(result) { output in
            "Order \(order.id) placed: \(order.total.formatted) charged to \(order.cardBrand.displayName) ending \(order.cardLast4).\n"
                + "Tracking \(order.trackingID), \(order.shippingOption.name), arrives by \(Formatting.day(order.shippingOption.estimatedDelivery)).\n"
                + "Idempotency key: \(attempt.idempotencyKey)"
        }
    }

    static func readCard() throws -> CardInput {
        let values = try SecretInput.read([
            .init(prompt: "Card number", secret: true),
            .init(prompt: "Expiry (MM/YY)", secret: false),
            .init(prompt: "Security code", secret: true),
            .init(prompt: "Name on card (optional)", secret: false, optional: true),
        ], what: "the card")
        let expiry = values[1].split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard expiry.count == 2, let month = Int(expiry[0]), var year = Int(expiry[1]) else {
            throw CLIFailure(.usage, "the expiry must read MM/YY or MM/YYYY")
        }
        if year < 100 { year += 2000 }
        return CardInput(number: values[0], cvv: values[2], expMonth: month, expYear: year, holderName: values[3].isEmpty ? nil : values[3])
    }
}

extension ShippingOptionID: ExpressibleByArgument {}

/// An address given as options, for checkout and `account addresses add|edit`.
struct AddressOptions: ParsableArguments {
    @Option(help: "Recipient's name.") var name: String?
    @Option(help: "Street and number.") var line1: String?
    @Option(help: "Flat, floor…") var line2: String?
    @Option(help: "City.") var city: String?
    @Option(help: "State or region.") var region: String?
    @Option(name: .customLong("postal-code"), help: "Postal code.") var postalCode: String?
    @Option(help: "Two-letter country code, e.g. US.") var country: String?
    @Option(help: "Phone number.") var phone: String?

    var isGiven: Bool { [name, line1, line2, city, region, postalCode, country, phone].contains { $0 != nil } }

    func validateComplete() throws {
        let missing = [("--name", name), ("--line1", line1), ("--city", city), ("--postal-code", postalCode), ("--country", country)]
            .filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ValidationError("an address needs \(missing.joined(separator: ", ")) (or give --address-id)") }
    }

    /// The address when every required part is given.
    var input: AddressInput? {
        guard let name, let line1, let city, let postalCode, let country else { return nil }
        return AddressInput(name: name, line1: line1, line2: line2, city: city, region: region, postalCode: postalCode, country: country, phone: phone)
    }

    /// `existing` with the parts given here replaced.
    func applied(to existing: AddressInput) -> AddressInput {
        var address = existing
        if let name { address.name = name }
        if let line1 { address.line1 = line1 }
        if let line2 { address.line2 = line2 }
        if let city { address.city = city }
        if let region { address.region = region }
        if let postalCode { address.postalCode = postalCode }
        if let country { address.country = country }
        if let phone { address.phone = phone }
        return address
    }
}
