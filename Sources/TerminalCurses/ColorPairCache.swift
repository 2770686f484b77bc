/// Hands out curses colour pairs for (foreground, background) combinations, one per
/// combination, within the terminal's COLOR_PAIRS.
///
/// Pairs are created on first use and kept: evicting one would recolour the cells already on
/// screen that use it. When every pair is taken, new combinations get pair 0 (the terminal's
/// default colours) — the text stays readable, only its colour is lost — and ``isExhausted``
/// says so.
struct ColorPairCache {
    struct Colors: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// How many pairs exist, including pair 0.
    let capacity: Int32
    /// Creates pair `number` with the colours; returns false when curses refuses.
    private let initPair: (_ number: Int32, _ foreground: Int32, _ background: Int32) -> Bool
    private var pairs: [Colors: Int32] = [:]
    private var nextPair: Int32 = 1
    private(set) var isExhausted = false

    init(capacity: Int32, initPair: @escaping (_ number: Int32, _ foreground: Int32, _ background: Int32) -> Bool) {
        self.capacity = capacity
        self.initPair = initPair
    }

    /// The pair number for the colours (-1 is the terminal default colour).
    mutating func pair(foreground: Int32, background: Int32) -> Int32 {
        if foreground == -1 && background == -1 { return 0 }
        let colors = Colors(foreground: foreground, background: background)
        if let pair = pairs[colors] { return pair }
        guard nextPair < capacity, initPair(nextPair, foreground, background) else {
            isExhausted = true
            return 0
        }
        let pair = nextPair
        nextPair += 1
        pairs[colors] = pair
        return pair
    }

    /// Forgets every pair (after the colours were reset, e.g. on restart).
    mutating func removeAll() {
        pairs = [:]
        nextPair = 1
        isExhausted = false
    }

    /// The number of pairs handed out.
    var count: Int { pairs.count }
}
