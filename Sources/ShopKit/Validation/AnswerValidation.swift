import Logging

/// An answer ShopKit checks against the contract before handing it out: a single value is
/// refused whole (``ShopError/invalidAnswer(_:)`` naming the operation and field); a list
/// keeps its good items and reports the bad ones, so one bad item never fails a screen.
/// `undecodable` holds the items ``ListItemToleranceMiddleware`` already cut out of a list.
protocol CheckedAnswer {
    func validated(operation: String, undecodable: UndecodableItems, logger: Logger) throws(ShopError) -> Self
}

extension CheckedAnswer where Self: ContractChecked {
    func validated(operation: String, undecodable: UndecodableItems, logger: Logger) throws(ShopError) -> Self {
        if let first = brokenRules().first {
            throw .invalidAnswer(ContractViolation(operation: operation, field: first.field, rule: first.rule))
        }
        return self
    }
}

/// Keeps the items that follow the contract; the others become violations at `items[i]`, `i`
/// counting in the gateway's answer (before the undecodable items were cut out), and join the
/// undecodable ones.
func keepingValid<Item: ContractChecked>(_ items: [Item], operation: String, path: String,
                                         undecodable: UndecodableItems, logger: Logger)
    -> (kept: [Item], skipped: [ContractViolation])
{
    var kept: [Item] = []
    kept.reserveCapacity(items.count)
    var skipped = undecodable.violations
    for (index, item) in items.enumerated() {
        if let first = item.brokenRules(at: "\(path)[\(undecodable.answerIndex(ofKept: index))]").first {
            skipped.append(ContractViolation(operation: operation, field: first.field, rule: first.rule))
        } else {
            kept.append(item)
        }
    }
    if !skipped.isEmpty {
        logger.warning("left out items that break the contract", metadata: [
            "operation": "\(operation)", "skipped": "\(skipped.count)", "first": "\(skipped[0])",
        ])
    }
    return (kept, skipped)
}

extension Category: CheckedAnswer {}
extension Product: CheckedAnswer {}
extension StockLevel: CheckedAnswer {}
extension Cart: CheckedAnswer {}
extension Order: CheckedAnswer {}
extension Invoice: CheckedAnswer {}
extension InboxMessage: CheckedAnswer {}
extension PlacedOrder: CheckedAnswer {}

extension Page: CheckedAnswer where Item: ContractChecked {
    func validated(operation: String, undecodable: UndecodableItems, logger: Logger) throws(ShopError) -> Page<Item> {
        if let total, total < 0 {
            throw .invalidAnswer(ContractViolation(operation: operation, field: "total", rule: "must be at least 0, was \(total)"))
        }
        if let unreadCount, unreadCount < 0 {
            throw .invalidAnswer(ContractViolation(
                operation: operation, field: "unreadCount", rule: "must be at least 0, was \(unreadCount)"))
        }
        let (kept, skipped) = keepingValid(items, operation: operation, path: "items", undecodable: undecodable, logger: logger)
        var checked = self
        checked.items = kept
        checked.skipped = self.skipped + skipped
        return checked
    }
}

extension Array: CheckedAnswer where Element: ContractChecked {
    func validated(operation: String, undecodable: UndecodableItems, logger: Logger) throws(ShopError) -> [Element] {
        keepingValid(self, operation: operation, path: "items", undecodable: undecodable, logger: logger).kept
    }
}
