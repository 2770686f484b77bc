import ArgumentParser
import ShopFlows
import ShopKit

/// `shop orders …`: the order history and one order's details, tracking, invoice, cancellation.
struct OrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "List, show, track, invoice or cancel orders.",
        subcommands: [List.self, Show.self, Track.self, Invoice.self, Cancel.self], defaultSubcommand: List.self)

    static func lines(_ lines: [OrderLine], _ output: CLIOutput) -> String {
        var table = Table([.init(title: "ID"), .init(title: "NAME", flexible: true), .init(title: "QTY", alignment: .right),
                           .init(title: "PRICE", alignment: .right), .init(title: "TOTAL", alignment: .right)])
        for line in lines { table.add(line.productID, line.name, "\(line.quantity)", line.unitPrice.formatted, line.lineTotal.formatted) }
        return table.render(output)
    }

    static func details(_ order: Order, _ output: CLIOutput) -> String {
        var details = Details()
        details.add("Order", order.id)
        details.add("Status", order.status.displayName)
        details.add("Placed", Formatting.date(order.placedAt))
        details.add("E-mail", order.email)
        details.add("Ship to", Formatting.address(order.address))
        details.add("Shipping", "\(order.shippingOption.name), \(order.shipping.formatted)")
        details.add("Card", "\(order.cardBrand.displayName) ending \(order.cardLast4)")
        details.add("Tracking", order.trackingID)
        details.add("Subtotal", order.subtotal.formatted)
        details.add("Total", order.total.formatted)
        details.add("Cancellable", order.isCancellable ? "yes" : "no")
        return details.render(output) + "\n\n" + lines(order.lines, output)
    }

    struct List: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Your orders, newest first (the default).")
        static let path = "orders"
        @OptionGroup var limit: ListLimit
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let client = context.client
            let pages = try await PagingToEnd.collect(limit: limit.count) { cursor, pageLimit throws(ShopError) in
                try await client.orders.listPage(cursor: cursor, limit: pageLimit)
            }
            context.output.emit(pages) { output in
                if pages.items.isEmpty { return "No orders yet." }
                var table = Table([.init(title: "ID"), .init(title: "PLACED", flexible: true), .init(title: "STATUS"),
                                   .init(title: "ITEMS", alignment: .right), .init(title: "TOTAL", alignment: .right)])
                for order in pages.items {
                    table.add(order.id, Formatting.date(order.placedAt), order.status.displayName, "\(order.itemCount)", order.total.formatted)
                }
                return table.render(output) + Formatting.footer(shown: pages.items.count, total: pages.total, reachedEnd: pages.reachedEnd)
            }
        }
    }

    struct Show: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One order with its lines.")
        static let path = "orders show"
        @Argument(help: "The order's id.") var id: String
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let order = try await context.client.orders.get(id: id)
            context.output.emit(order) { OrdersCommand.details(order, $0) }
        }
    }

    struct Track: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "track", abstract: "Where an order is.")
        static let path = "orders track"
        @Argument(help: "The order's id.") var id: String
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let tracking = try await context.client.orders.tracking(orderID: id)
            context.output.emit(tracking) { output in
                var details = Details()
                details.add("Order", tracking.orderID)
                details.add("Tracking", tracking.trackingID)
                details.add("Status", tracking.status.displayName)
                details.add("Arrives by", tracking.estimatedDelivery.map(Formatting.day))
                var table = Table([.init(title: "WHEN"), .init(title: "STATUS"), .init(title: "WHAT", flexible: true), .init(title: "WHERE", flexible: true)])
                for event in tracking.events {
                    table.add(Formatting.date(event.at), event.status.displayName, event.description, event.location ?? "")
                }
                return details.render(output) + "\n\n" + table.render(output)
            }
        }
    }

    struct Invoice: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "invoice", abstract: "An order's invoice.")
        static let path = "orders invoice"
        @Argument(help: "The order's id.") var id: String
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let invoice = try await context.client.orders.invoice(orderID: id)
            context.output.emit(invoice) { output in
                var details = Details()
                details.add("Invoice", invoice.number)
                details.add("Order", invoice.orderID)
                details.add("Issued", Formatting.date(invoice.issuedAt))
                details.add("Status", invoice.status.rawValue)
                details.add("Bill to", Formatting.address(invoice.billingAddress))
                details.add("Card", "\(invoice.cardBrand.displayName) ending \(invoice.cardLast4)")
                details.add("Transaction", invoice.transactionID)
                details.add("Subtotal", invoice.subtotal.formatted)
                details.add("Shipping", invoice.shipping.formatted)
                details.add("Total", invoice.total.formatted)
                return details.render(output) + "\n\n" + OrdersCommand.lines(invoice.lines, output)
            }
        }
    }

    struct Cancel: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order that has not shipped.")
        static let path = "orders cancel"
        @Argument(help: "The order's id.") var id: String
        @OptionGroup var options: CLIOptions

        func execute(_ context: CLIContext) async throws {
            let order = try await context.client.orders.cancel(id: id)
            context.output.emit(order) { _ in "Order \(order.id) is \(order.status.displayName.lowercased()); \(order.total.formatted) refunded." }
        }
    }
}
