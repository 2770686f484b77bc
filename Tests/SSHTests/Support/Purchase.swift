/// The keys of one purchase, as a person types them: add the selected product, open the cart,
/// go through the checkout's steps with the test card, place the order.
enum Purchase {
    static let enter = "\r"
    static let tab = "\t"

    /// How far a purchase goes: to the confirmation, or only until the order is sent (to drop
    /// the connection while the gateway is placing it).
    enum End: Sendable {
        case placed
        case placing
    }

    /// Runs the purchase on `client`, starting from the Browse screen; ends on the confirmation
    /// (or right after the last Enter, with `upTo: .placing`).
    /// `stepTimeout` bounds each wait for the next screen.
    static func run(on client: ScriptedSSHClient, email: String = "grace@example.com", upTo end: End = .placed,
                    stepTimeout: Duration = .seconds(30)) async throws {
        try await client.waitFor("All products", timeout: stepTimeout)
        try await client.waitUntilBrowsing(timeout: stepTimeout)
        try await client.send("+")
        try await client.waitFor("cart 1", timeout: stepTimeout)
        try await client.send("c")
        try await client.waitFor("Total", timeout: stepTimeout)
        try await client.send(enter)
        try await client.waitFor("Contact", timeout: stepTimeout)
        try await client.send(email + enter)
        try await client.waitFor("Where should we ship it?", timeout: stepTimeout)
        let address = ["Grace Hopper", "1 Navy Way", "", "Arlington", "VA", "22201", "US"]
        try await client.send(address.joined(separator: tab) + enter)
        try await client.waitFor("arrives by", timeout: stepTimeout)
        try await client.send(enter)
        try await client.waitFor("Card number", timeout: stepTimeout)
        try await client.send("4242 4242 4242 4242" + tab + "12/2030" + tab + "123" + enter)
        try await client.waitFor("Enter to place the order", timeout: stepTimeout)
        try await client.send(enter)
        guard end == .placed else { return }
        try await client.waitFor("Your order is placed", timeout: stepTimeout)
    }
}
