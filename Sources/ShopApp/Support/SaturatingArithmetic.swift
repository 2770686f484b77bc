extension Int {
    /// `self + other`, stopping at `Int.max` / `Int.min` instead of trapping: for sums of
    /// numbers that came from the gateway, which the app shows but must never crash on.
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
