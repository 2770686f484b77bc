import ShopKit
import TerminalUI

/// The home screen: categories, the product list paged by cursor, and the detail pane.
public struct BrowseState: Equatable, Sendable {
    public enum Pane: Equatable, Sendable, CaseIterable {
        case categories, products, detail
    }

    public var categories: Loadable<[ShopKit.Category]> = .idle
    /// Row 0 is "All products"; row n is `categories[n - 1]`.
    public var categoryList = ListState()

    /// The products loaded so far for the chosen category, in gateway order.
    public var products = CompactProductList()
    /// The cursor of the next page; nil once the whole catalog is loaded.
    public var nextCursor: String?
    /// How many products the listing has in all, when the gateway says.
    public var totalProducts: Int?
    /// True once the first page of the current listing has arrived.
    public var hasLoadedFirstPage = false
    public var isLoadingPage = false
    public var pageError: String?
    /// Bumped whenever the listing restarts (category or currency change), so pages of an
    /// older listing that arrive late are dropped.
    public var listingGeneration = 0
    public var productList = ListState()

    public var focus: Pane = .products

    /// The current product: the one in the detail pane, which every key that acts on "the
    /// product" (Enter, `+`, `-`) acts on, whichever pane has focus. Moving in the list makes the
    /// selected product current; opening one from Search or a recommendation makes that one
    /// current and selects it in the list when it is there (no row is selected otherwise).
    public var detailProductID: String?
    /// The listing view of the current product, known before its details arrive.
    public var detailSummary: ProductSummary?
    /// The recommendation highlighted in the detail pane (↑/↓ there), which Enter opens.
    public var recommendationSelected: Int?
    public var detail: Loadable<Product> = .idle
    /// The product whose detail request is on its way. While one is, moving on only changes
    /// `detailProductID`; the answer then asks for the latest selection, so a hundred fast moves
    /// (or a wheel notch) cost two requests, not one per row passed.
    public var detailInFlight: String?
    /// The first line of the description shown (j/k in the detail pane).
    public var descriptionScroll = 0
    /// A move of the product list past the products loaded so far (PgDn, ↓, G), carried on
    /// as the pages it needs land.
    public var pendingMove: PendingListMove?
    /// How many units Enter adds from the detail pane.
    public var quantity = 1
    public var recommendations: [ProductSummary] = []
    public var ad: Ad?

    public init() {}

    /// The category id chosen in the category list; nil for "All products".
    public var selectedCategoryID: String? {
        guard let row = categoryList.selected, row > 0, let list = categories.value, row - 1 < list.count else { return nil }
        return list[row - 1].id
    }

    public var selectedProduct: ProductSummary? {
        guard let row = productList.selected, row >= 0, row < products.count else { return nil }
        return products[row]
    }

    /// The whole listing is loaded.
    public var isComplete: Bool { hasLoadedFirstPage && nextCursor == nil }
}
