import ArgumentParser
import ShopFlows
import ShopKit
import TerminalUI

extension ProductSort: ExpressibleByArgument {}
extension SearchSort: ExpressibleByArgument {}

/// How many items a list command prints: `--limit N` (default 20) or `--all`.
struct ListLimit: ParsableArguments {
    @Option(help: ArgumentHelp("Print at most N (1-1000, default 20).", valueName: "N"))
    var limit: Int?

    @Flag(help: "Print every one, paging to the end of the list.")
    var all = false

    func validate() throws {
        if let limit, !(1...1000).contains(limit) { throw ValidationError("--limit must be from 1 to 1000") }
        if all && limit != nil { throw ValidationError("give --limit or --all, not both") }
    }

    /// `nil`: to the end.
    var count: Int? { all ? nil : (limit ?? 20) }
}

/// One product per row, for `products`, `search` and recommendations.
func productTable(_ products: [ProductSummary], _ output: CLIOutput) -> String {
    var table = Table([.init(title: "ID"), .init(title: "CODE"), .init(title: "NAME", flexible: true),
                       .init(title: "PRICE", alignment: .right), .init(title: "STOCK", alignment: .right)])
    for product in products {
        table.add(product.id, product.code, product.name, product.price.formatted, Formatting.stock(product.stock, product.availability))
    }
    return table.render(output)
}

struct ProductsCommand: ShopSubcommand {
    static let configuration = CommandConfiguration(commandName: "products", abstract: "List the catalog.")
    static let path = "products"

    @Option(help: ArgumentHelp("Only this category id.", valueName: "ID")) var category: String?
    @Flag(help: "Only products that can be bought now.") var inStock = false
    @Option(help: ArgumentHelp("name, price_asc, price_desc or rating.", valueName: "ORDER")) var sort: ProductSort?
    @OptionGroup var limit: ListLimit
    @OptionGroup var options: CLIOptions

    func execute(_ context: CLIContext) async throws {
        let currency = context.currency
        let client = context.client
        let (category, sort, inStock) = (category, sort, inStock)
        let pages = try await PagingToEnd.collect(limit: limit.count) { cursor, pageLimit throws(ShopError) in
            try await client.catalog.productsPage(category: category, sort: sort, inStock: inStock ? true : nil, currency: currency,
                                                  cursor: cursor, limit: pageLimit)
        }
        context.output.emit(pages) { output in
            productTable(pages.items, output) + Formatting.footer(shown: pages.items.count, total: pages.total, reachedEnd: pages.reachedEnd)
        }
    }
}

struct SearchCommand: ShopSubcommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the catalog by name, description and category.")
    static let path = "search"

    @Argument(help: "What to look for.") var query: String
    @Option(help: ArgumentHelp("Only this category id.", valueName: "ID")) var category: String?
    @Flag(help: "Only products that can be bought now.") var inStock = false
    @Option(help: ArgumentHelp("relevance, price_asc, price_desc or rating.", valueName: "ORDER")) var sort: SearchSort?
    @OptionGroup var limit: ListLimit
    @OptionGroup var options: CLIOptions

    struct Result: Encodable {
        var query: String
        var items: [SearchHit]
        var total: Int?
        var reachedEnd: Bool
        /// When nothing matches: the gateway's "did you mean …?" query.
        var suggestion: String?
    }

    func validate() throws {
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the query is empty") }
    }

    func execute(_ context: CLIContext) async throws {
        let currency = context.currency
        let client = context.client
        let (query, category, sort, inStock) = (query, category, sort, inStock)
        var suggestion: String?
        let pages = try await PagingToEnd.collect(limit: limit.count) { cursor, pageLimit throws(ShopError) in
            let page = try await client.catalog.searchPage(query, category: category, inStock: inStock ? true : nil, sort: sort,
                                                           currency: currency, cursor: cursor, limit: pageLimit)
            suggestion = page.suggestion ?? suggestion
            return page
        }
        let result = Result(query: query, items: pages.items, total: pages.total, reachedEnd: pages.reachedEnd,
                            suggestion: pages.items.isEmpty ? suggestion : nil)
        context.output.emit(result) { output in
            if pages.items.isEmpty {
                let nothing = "Nothing matches '\(TextSanitizer.sanitizeLine(query))'."
                guard let suggestion = result.suggestion else { return nothing }
                return nothing + " Did you mean '\(TextSanitizer.sanitizeLine(suggestion))'?"
            }
            return productTable(pages.items.map(\.product), output)
                + Formatting.footer(shown: pages.items.count, total: pages.total, reachedEnd: pages.reachedEnd)
        }
    }
}

struct ShowCommand: ShopSubcommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One product with its stock and what goes with it.")
    static let path = "show"

    @Argument(help: ArgumentHelp("The product's id or code.", valueName: "ID|CODE")) var product: String
    @OptionGroup var options: CLIOptions

    struct Result: Encodable {
        var product: Product
        var recommendations: [ProductSummary]
    }

    func execute(_ context: CLIContext) async throws {
        let product = try await ProductResolver.product(product, context)
        let recommendations = try await context.client.recommendations.for(productIDs: [product.id], currency: context.currency)
        context.output.emit(Result(product: product, recommendations: recommendations)) { output in
            var details = Details()
            details.add("Name", product.name)
            details.add("ID", product.id)
            details.add("Code", product.code)
            details.add("Category", product.category)
            details.add("Price", product.price.formatted)
            details.add("Rating", Formatting.rating(product.rating, product.ratingCount))
            details.add("Stock", Formatting.stock(product.stock, product.availability))
            var text = details.render(output) + "\n\n"
            text += TextWidth.wrap(TextSanitizer.sanitizeLines(product.description), toColumns: output.width).joined(separator: "\n")
            if !recommendations.isEmpty {
                text += "\n\n" + output.bold("Goes well with") + "\n" + productTable(recommendations, output)
            }
            return text
        }
    }
}
