import ArgumentParser
import ShopKit

/// `shop inbox …`: the messages the gateway sent (order updates, offers).
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "List or read your messages.",
        subcommands: [List.self, Read.self], defaultSubcommand: List.self)

    struct List: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The newest messages (the default).")
        static let path = "inbox"
        @Flag(help: "Only unread messages.") var unread = false
        @OptionGroup var options: CLIOptions

        struct Result: Encodable {
            var unreadCount: Int
            var items: [InboxMessage]
        }

        func execute(_ context: CLIContext) async throws {
            let page = try await context.client.notifications.listPage(unreadOnly: unread ? true : nil, limit: 50)
            let result = Result(unreadCount: page.unreadCount ?? 0, items: page.items)
            context.output.emit(result) { output in
                if page.items.isEmpty { return "No messages." }
                var table = Table([.init(title: ""), .init(title: "ID"), .init(title: "WHEN"), .init(title: "TITLE", flexible: true)])
                for message in page.items {
                    table.add(message.isRead ? " " : "•", message.id, Formatting.date(message.createdAt), message.title)
                }
                return table.render(output) + "\n\n\(page.unreadCount ?? 0) unread"
            }
        }
    }

    struct Read: ShopSubcommand {
        static let configuration = CommandConfiguration(commandName: "read", abstract: "Read a message (marks it read), or mark all read.")
        static let path = "inbox read"
        @Argument(help: "The message's id.") var id: String?
        @Flag(help: "Mark every message read.") var all = false
        @OptionGroup var options: CLIOptions

        struct AllRead: Encodable {
            var markedRead: Int
        }

        func validate() throws {
            if (id == nil) == !all { throw ValidationError("give a message id or --all") }
        }

        func execute(_ context: CLIContext) async throws {
            if all {
                let count = try await context.client.notifications.markAllRead()
                context.output.emit(AllRead(markedRead: count)) { _ in "\(count) marked read." }
                return
            }
            let message = try await context.client.notifications.markRead(id: id!)
            context.output.emit(message) { output in
                var details = Details()
                details.add("Title", message.title)
                details.add("When", Formatting.date(message.createdAt))
                details.add("Order", message.orderID)
                return details.render(output) + "\n\n"
                    + TextWidth.wrap(TextSanitizer.sanitizeLines(message.body), toColumns: output.width).joined(separator: "\n")
            }
        }
    }
}

import TerminalUI
