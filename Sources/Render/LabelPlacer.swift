import Geo

/// Greedy label placement: labels are offered in priority order and each takes the first
/// candidate position that overlaps nothing placed before it (labels or symbols) and stays
/// inside the bounds. What does not fit is left out rather than drawn over something.
struct LabelPlacer {
    private(set) var occupied: [Rect] = []
    let bounds: Rect

    init(bounds: Rect) { self.bounds = bounds }

    mutating func block(_ r: Rect) { occupied.append(r) }

    func isFree(_ r: Rect) -> Bool {
        bounds.contains(r) && !occupied.contains { $0.intersects(r) }
    }

    /// Tries the eight positions around a symbol of radius `gap` at `anchor`, nearest first.
    /// Returns the top-left corner of the placed label.
    mutating func place(size: (width: Double, height: Double), around anchor: XY, gap: Double, far: Bool = true) -> XY? {
        let w = size.width, h = size.height
        // Near positions first; a wider ring second, for crowded spots (a town under a strike symbol).
        for g in far ? [gap, gap * 2.2, max(gap * 4, 24), max(gap * 7, 42)] : [gap, gap * 2.2] {
            let candidates = [
                XY(anchor.x + g, anchor.y - h / 2),                // right
                XY(anchor.x - g - w, anchor.y - h / 2),            // left
                XY(anchor.x + g * 0.7, anchor.y - g * 0.7 - h),    // upper right
                XY(anchor.x + g * 0.7, anchor.y + g * 0.7),        // lower right
                XY(anchor.x - g * 0.7 - w, anchor.y - g * 0.7 - h),
                XY(anchor.x - g * 0.7 - w, anchor.y + g * 0.7),
                XY(anchor.x - w / 2, anchor.y - g - h),            // above
                XY(anchor.x - w / 2, anchor.y + g),                // below
            ]
            for c in candidates {
                let r = Rect(x: c.x, y: c.y, width: w, height: h)
                if isFree(r) { occupied.append(r); return c }
            }
        }
        return nil
    }

    /// Places a label centred at one of the given points (e.g. along an arrow).
    mutating func place(size: (width: Double, height: Double), centres: [XY]) -> XY? {
        for c in centres {
            let r = Rect(x: c.x - size.width / 2, y: c.y - size.height / 2, width: size.width, height: size.height)
            if isFree(r) { occupied.append(r); return XY(r.minX, r.minY) }
        }
        return nil
    }
}
