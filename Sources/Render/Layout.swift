import Foundation
import Geo

/// Where things go on the page, and the transform from map metres to pixels.
struct PageLayout {
    let size: (width: Double, height: Double)
    let unit: Double
    let title: Rect
    let map: Rect
    let legend: Rect
    let footer: Rect
    /// The world rectangle shown in `map`, widened to the panel's aspect ratio.
    let world: Rect
    let scale: Double

    init(width: Double, height: Double, view: Rect) {
        let w = width, h = height
        unit = min(w / 1600, h / 1200)
        size = (w, h)
        let titleH = 78 * unit, footerH = 92 * unit, legendW = 372 * unit
        title = Rect(x: 0, y: 0, width: w, height: titleH)
        footer = Rect(x: 0, y: h - footerH, width: w, height: footerH)
        map = Rect(x: 0, y: titleH, width: w - legendW, height: h - titleH - footerH)
        legend = Rect(x: w - legendW, y: titleH, width: legendW, height: h - titleH - footerH)
        // Fit the view into the panel, keeping metres square.
        let s = min(map.width / view.width, map.height / view.height)
        let ww = map.width / s, wh = map.height / s
        let c = view.center
        world = Rect(minX: c.x - ww / 2, minY: c.y - wh / 2, maxX: c.x + ww / 2, maxY: c.y + wh / 2)
        scale = s
    }

    /// Map metres → page pixels (y grows downwards on the page).
    func px(_ p: XY) -> XY {
        XY(map.minX + (p.x - world.minX) * scale, map.minY + (world.maxY - p.y) * scale)
    }
}
