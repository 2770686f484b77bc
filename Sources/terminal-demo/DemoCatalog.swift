import TerminalUI

/// A made-up catalog of 100 000 products, generated on demand so that the demo shows that a
/// list costs only its visible rows.
enum DemoCatalog {
    static let count = 100_000

    private static let names = [
        "Espresso cup", "抹茶 Matcha whisk set", "Wireless mouse 🖱️", "Café crème beans 1 kg", "Tシャツ cotton T-shirt",
        "Ramen bowl 🍜", "Dotted notebook A5", "Hiking boots 🥾", "Desk lamp", "Linen tea towel", "커피 드리퍼 dripper",
        "Naïve art poster", "Family tent 👨‍👩‍👧", "Flag pin 🇯🇵", "Mechanical keyboard",
    ]

    static func name(_ index: Int) -> String { "\(names[index % names.count]) #\(index + 1)" }

    /// Price in cents.
    static func price(_ index: Int) -> Int { 199 + (index * 3_719) % 18_000 }

    static func formattedPrice(_ index: Int) -> String {
        let cents = price(index)
        let fraction = cents % 100
        return "$\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func stock(_ index: Int) -> Span {
        if index % 7 == 3 { return Span.badge("sold out", role: .stockOut) }
        if index % 5 == 1 { return Span.badge("3 left", role: .stockLow) }
        return Span.badge("in stock", role: .stockIn)
    }

    static func description(_ index: Int) -> String {
        """
        \(name(index)) — a demo product with a description long enough to wrap over several \
        lines of the details panel. Its price is \(formattedPrice(index)).

        Untrusted text is sanitised: this sentence carried \u{1B}]0;evil title\u{07}an OSC title, \
        \u{1B}[2Ja clear-screen CSI and a \u{202E}bidi override\u{202C}, and none of them reached the screen.
        """
    }
}
