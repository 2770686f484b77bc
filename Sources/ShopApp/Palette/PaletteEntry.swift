/// One thing the palette can do: run a command, open a category, a product, an order or a
/// saved address.
public struct PaletteEntry: Equatable, Sendable, Identifiable {
    public enum Kind: Int, Equatable, Sendable, Comparable {
        case command, category, product, order, address

        /// The tag shown before the title.
        public var tag: String {
            switch self {
            case .command: "cmd"
            case .category: "category"
            case .product: "product"
            case .order: "order"
            case .address: "address"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Target: Equatable, Sendable {
        case command(Command)
        case category(id: String)
        case product(id: String)
        case order(id: String)
        case address(id: String)
    }

    /// Stable across openings ("command:showCart", "order:ord_12"), for the recent choices.
    public var id: String
    public var kind: Kind
    public var title: String
    /// The key that runs a command here, or a detail (a price, a status), shown on the right.
    public var detail: String
    public var target: Target

    public init(id: String, kind: Kind, title: String, detail: String = "", target: Target) {
        self.id = id
        self.kind = kind
        self.title = title
        self.detail = detail
        self.target = target
    }
}
