import ArgumentParser
import ShopKit

/// `shop cart …`: the same cart the full-screen client shows (the same stored session).
struct CartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart", abstract: "Show or change the cart.",
        subcommands: [Show.self, Add.self, Set.self, Remove.self, Clear.self], defaultSubcommand: Show.self)

    /// The quantities one cart line may hold, as the gateway allows them.
    static let quantities = 1...10

    static func validate(quantity: Int) throws {
        guard quantities.contains(quantity) else {
            throw ValidationError("the quantity must be from \(quantities.lowerBound) to \(quantities.upperBound) (to remove a line: shop cart rm ID)")
        }
    }

    static func table(_ cart: Cart, _ output: CLIOutput) -> String {
        if cart.isEmpty { return "The cart is empty." }
        var table = Table([.init(title: "ID"), .init(title: "NAME", flexible: true), .init(title: "QTY", alignment: .right),
                           .init(title: "PRICE", alignment: .right), .init(title: "TOTAL", alignment: .right)])
        for line in cart.lines {
            table.add(line.productID, line.name, "\(line.quantity)", line.unitPrice.formatted, line.lineTotal.formatted)
        }
        var text = table.render(output)
        for line in cart.lines { if let problem = line.problem { text += "\n! \(line.name): \(problem)" } }
        let units = cart.itemCount == 1 ? "1 item" : "\(cart.itemCount) items"
        return text + "\n\nSubtotal \(cart.subtotal.formatted) (\(units))"
    }

    /// The cart after a command: the table, or its JSON.
    static func emit(_ cart: Cart, _ context: CLIContext) {
        context.output.emit(cart) { table(cart, $0) }
    }

    struct Show: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the cart (the default).")
        static let path = "cart"
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let cart = try await context.client.cart.get(currency: context.currency)
            CartCommand.emit(cart, context)
        }
    }

    struct Add: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add units of a product (1 by default).")
        static let path = "cart add"
        @Argument(help: ArgumentHelp("The product's id or code.", valueName: "ID|CODE")) var product: String
        @Argument(help: "How many (1-10).") var quantity: Int = 1
        @OptionGroup var options: CLIOptions

        func validate() throws { try CartCommand.validate(quantity: quantity) }

        func execute(_ context: CLIContext) async throws {
            let product = try await ProductResolver.product(product, context)
            let cart = try await context.client.cart.add(productID: product.id, quantity: quantity, currency: context.currency)
            CartCommand.emit(cart, context)
        }
    }

    struct Set: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a line's quantity.")
        static let path = "cart set"
        @Argument(help: ArgumentHelp("The product's id or code.", valueName: "ID|CODE")) var product: String
        @Argument(help: "How many (1-10).") var quantity: Int
        @OptionGroup var options: CLIOptions

        func validate() throws { try CartCommand.validate(quantity: quantity) }

        func execute(_ context: CLIContext) async throws {
            let product = try await ProductResolver.product(product, context)
            let cart = try await context.client.cart.setQuantity(productID: product.id, to: quantity, currency: context.currency)
            CartCommand.emit(cart, context)
        }
    }

    struct Remove: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a line.")
        static let path = "cart rm"
        @Argument(help: ArgumentHelp("The product's id or code.", valueName: "ID|CODE")) var product: String
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let before = try await context.client.cart.get(currency: context.currency)
            let id: String
            if let line = before.lines.first(where: { $0.productID == product }) {
                id = line.productID
            } else {
                id = try await ProductResolver.product(product, context).id
            }
            guard before.lines.contains(where: { $0.productID == id }) else {
                throw CLIFailure(.notFound, "'\(product)' is not in the cart")
            }
            let cart = try await context.client.cart.remove(productID: id, currency: context.currency)
            CartCommand.emit(cart, context)
        }
    }

    struct Clear: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Empty the cart.")
        static let path = "cart clear"
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let cart = try await context.client.cart.clear(currency: context.currency)
            CartCommand.emit(cart, context)
        }
    }
}
