/// The last frame, and what each of its reusable regions was drawn from, so that a view can
/// copy a region it would draw exactly as last time instead of drawing it again: when the
/// selection moves in a long list, every row but two is the same as before.
///
/// A region is named by the view (a list's row, say) and described by a fingerprint of
/// everything its drawing reads. It is copied only when the last frame drew the same region
/// at the same place from the same fingerprint, and nothing was drawn over it afterwards.
/// ``Terminal`` keeps one across frames and forgets it whenever the last frame cannot be
/// copied from: a resize, another theme, a suspend.
///
/// ```swift
/// if !memory.reuse(region, area: rowArea, fingerprint: inputs.hashValue, into: &buffer) {
///     drawRow(into: &buffer)   // and next frame it may be copied
/// }
/// ```
public struct FrameMemory {
    private struct Drawn: Equatable {
        var area: Rect
        var fingerprint: Int
    }

    /// The last frame as it was rendered (before degradation), if it can be copied from.
    private var previous: Buffer?
    private var previouslyDrawn: [Int: Drawn] = [:]
    private var drawn: [Int: Drawn] = [:]
    private var isOverdrawn = false
    /// Regions the frame being drawn copied (for tests and benchmarks).
    public private(set) var copiedRegionCount = 0

    public init() {}

    /// Copies `area` from the last frame into `buffer` when the last frame drew `region` there
    /// from the same `fingerprint`, and returns true; otherwise returns false and the caller
    /// draws the region. Either way this frame is remembered to have drawn it, so the area
    /// must end up holding exactly what drawing `region` from `fingerprint` into a blank
    /// buffer gives (regions drawn later may not draw over it; see ``markOverdrawn()``).
    public mutating func reuse(_ region: Int, area: Rect, fingerprint: Int, into buffer: inout Buffer) -> Bool {
        let now = Drawn(area: area, fingerprint: fingerprint)
        drawn[region] = now
        guard let previous, previous.size == buffer.size, previouslyDrawn[region] == now else { return false }
        buffer.copy(area, from: previous)
        copiedRegionCount += 1
        return true
    }

    /// Something was drawn over regions already drawn in this frame (an overlay): the next
    /// frame must not copy from this one.
    public mutating func markOverdrawn() {
        isOverdrawn = true
    }

    /// Ends the frame: the next one may copy from `frame`, which the regions were drawn into.
    mutating func remember(_ frame: Buffer) {
        copiedRegionCount = 0
        previous = isOverdrawn ? nil : frame
        previouslyDrawn = isOverdrawn ? [:] : drawn
        drawn.removeAll(keepingCapacity: true)
        isOverdrawn = false
    }

    /// The next frame copies nothing.
    public mutating func forget() {
        previous = nil
        previouslyDrawn = [:]
        drawn.removeAll(keepingCapacity: true)
        isOverdrawn = false
    }
}

extension Buffer {
    /// Copies the cells of `area` from `other` (a buffer of the same size) unchanged: a region
    /// copied whole from the frame it was drawn in holds no half of a wide character.
    mutating func copy(_ area: Rect, from other: Buffer) {
        let clipped = area.intersection(self.area)
        guard !clipped.isEmpty, other.width == width, other.height == height else { return }
        other.cells.withUnsafeBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                for y in clipped.y..<clipped.maxY {
                    let start = y * width + clipped.x
                    _ = UnsafeMutableBufferPointer(rebasing: target[start..<start + clipped.width])
                        .update(fromContentsOf: source[start..<start + clipped.width])
                }
            }
        }
    }
}
