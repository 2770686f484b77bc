import TerminalUI

/// What a frame drew where, published by the views while they draw it: the geometry of each
/// list (how many rows it shows, which item is on which row) and the regions a click can hit.
///
/// The runtime keeps the last frame's in ``AppState/layout``; reducers page by the rows it
/// says were shown and the mouse resolves a click against it, so nothing recomputes the
/// geometry the views already worked out (ratatui's stateful widgets hand it back the same way).
public struct ScreenLayout: Equatable, Sendable {
    /// The size of the frame it describes; a layout for another size is out of date.
    public var size: Size
    /// The screen the frame showed, and whether an overlay was over it.
    public var screen: Screen?
    public var hasOverlay = false
    /// Each list drawn in the frame.
    public private(set) var lists: [LayoutList: ListGeometry] = [:]
    /// The clickable regions in drawing order: a later one is drawn over an earlier one.
    public private(set) var regions: [HitRegion] = []

    public init(size: Size, screen: Screen? = nil, hasOverlay: Bool = false) {
        self.size = size
        self.screen = screen
        self.hasOverlay = hasOverlay
    }

    /// No frame drawn yet.
    public static let none = ScreenLayout(size: Size(width: 0, height: 0))

    /// Records where `list` was drawn; a click on one of its rows hits it when `clickable`.
    mutating func publish(_ list: LayoutList, _ geometry: ListGeometry, clickable: Bool = true) {
        lists[list] = geometry
        if clickable { regions.append(HitRegion(geometry.area, .rows(list))) }
    }

    /// Records a region a click can hit.
    mutating func add(_ rect: Rect, _ target: HitTarget) {
        guard !rect.isEmpty else { return }
        regions.append(HitRegion(rect, target))
    }

    /// What is drawn on top at `position`, if a click there means anything.
    public func target(at position: Position) -> HitTarget? {
        regions.last { $0.rect.contains(position) }?.target
    }
}
