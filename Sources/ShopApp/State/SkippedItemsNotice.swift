import ShopKit

extension AppState {
    /// ShopKit left out list items the gateway sent broken (``Page/skipped``): the list shows
    /// the good ones, and the person is told that some are missing rather than left to wonder.
    mutating func noteSkipped(_ skipped: [ContractViolation], _ noun: String) {
        guard !skipped.isEmpty else { return }
        let count = skipped.count
        flash("Left out \(count) \(noun)\(count == 1 ? "" : "s") the shop sent in a form this app can't use")
    }
}
