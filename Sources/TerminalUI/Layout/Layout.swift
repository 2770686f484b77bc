/// How much space one part of a split asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only when the whole area is too small).
    case fixed(Int)
    /// At least this many cells; grows with the space left when nothing is `fill`.
    case min(Int)
    /// This percentage of the whole length, rounded down.
    case percentage(Int)
    /// A share of what the other constraints leave, in proportion to the weight.
    case fill(Int = 1)
}

/// The axis along which an area is split.
public enum Direction: Hashable, Sendable {
    /// Parts stacked top to bottom (split into rows).
    case vertical
    /// Parts side by side, left to right (split into columns).
    case horizontal
}

/// Splits a rect into parts by constraints, like CSS flex or ratatui's Layout, but simpler:
/// fixed, minimum and percentage parts are sized first, then `fill` parts share what is left
/// (or `min` parts grow when there is no `fill`). When the area is too small the parts at the
/// end shrink first, so headers stay and content gives way.
public enum Layout {
    /// The parts of `area`, one per constraint, in order, separated by `spacing` cells.
    public static func split(_ area: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .vertical ? area.height : area.width
        let gaps = spacing * (constraints.count - 1)
        let available = max(0, total - gaps)
        let lengths = lengths(for: constraints, available: available)
        var rects: [Rect] = []
        var offset = 0
        for length in lengths {
            switch direction {
            case .vertical:
                rects.append(Rect(x: area.x, y: area.y + offset, width: area.width, height: length))
            case .horizontal:
                rects.append(Rect(x: area.x + offset, y: area.y, width: length, height: area.height))
            }
            offset = Swift.min(total, offset + length + spacing)
        }
        return rects
    }

    /// The length of each part when `available` cells are shared by `constraints`.
    public static func lengths(for constraints: [Constraint], available: Int) -> [Int] {
        var lengths = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let length), .min(let length): Swift.max(0, length)
            case .percentage(let percent): Swift.max(0, available * Swift.min(100, percent) / 100)
            case .fill: 0
            }
        }
        var remaining = available - lengths.reduce(0, +)
        if remaining < 0 {
            // Too little room: take it back from the last parts first.
            for index in lengths.indices.reversed() where remaining < 0 {
                let taken = Swift.min(lengths[index], -remaining)
                lengths[index] -= taken
                remaining += taken
            }
            return lengths
        }
        let fillWeights = constraints.map { if case .fill(let weight) = $0 { Swift.max(0, weight) } else { 0 } }
        var growers = fillWeights
        if growers.allSatisfy({ $0 == 0 }) {
            growers = constraints.map { if case .min = $0 { 1 } else { 0 } }
        }
        let totalWeight = growers.reduce(0, +)
        guard totalWeight > 0 else { return lengths }
        var distributed = 0
        var shares = growers.map { remaining * $0 / totalWeight }
        distributed = shares.reduce(0, +)
        // Hand out the rounding remainder one cell at a time, first parts first.
        var leftover = remaining - distributed
        for index in shares.indices where growers[index] > 0 && leftover > 0 {
            shares[index] += 1
            leftover -= 1
        }
        for index in lengths.indices { lengths[index] += shares[index] }
        return lengths
    }
}
