import CCairo
import Foundation

/// Every date of a series as a thumbnail on one PNG, in date order, each captioned with its date.
public enum ContactSheet {
    public static func png(title: String, thumbnails: [(caption: String, frame: Frame)], worker: RenderWorker) throws -> Data {
        guard let first = thumbnails.first?.frame else { throw MapDocument.WriteError.cairo(.png, "a contact sheet needs at least one map") }
        let n = thumbnails.count
        // Roughly as wide as tall, at most 10 across.
        let columns = max(1, min(10, Int(Double(n).squareRoot().rounded(.up))))
        let rows = (n + columns - 1) / columns
        let gap = 12, caption = 24, head = 48
        let cellW = first.width, cellH = first.height + caption
        let width = columns * cellW + (columns + 1) * gap
        let height = head + rows * cellH + (rows + 1) * gap
        let titleFont = Font("Noto Sans", 22, bold: true), captionFont = Font("Noto Sans", 14)
        let sheet = try FrameSurface.drawing(width: width, height: height) { cr in
            cairo_set_source_rgb(cr, 0.96, 0.95, 0.92)
            cairo_paint(cr)
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1)
            cairo_move_to(cr, Double(gap), 12)
            worker.shaper.show(title, titleFont, width: nil, on: cr)
            for (i, item) in thumbnails.enumerated() {
                let x = gap + (i % columns) * (cellW + gap), y = head + gap + (i / columns) * (cellH + gap)
                try FrameSurface.with(item.frame) { thumb in
                    cairo_set_source_surface(cr, thumb, Double(x), Double(y))
                    cairo_paint(cr)
                }
                cairo_set_source_rgb(cr, 0.4, 0.4, 0.4)
                cairo_set_line_width(cr, 1)
                cairo_rectangle(cr, Double(x) + 0.5, Double(y) + 0.5, Double(item.frame.width) - 1, Double(item.frame.height) - 1)
                cairo_stroke(cr)
                let (_, logical) = worker.shaper.extents(item.caption, captionFont, width: nil)
                cairo_set_source_rgb(cr, 0.1, 0.1, 0.1)
                cairo_move_to(cr, Double(x) + (Double(cellW) - logical.width) / 2, Double(y + item.frame.height) + 3)
                worker.shaper.show(item.caption, captionFont, width: nil, on: cr)
            }
        }
        return try FrameSurface.with(sheet) { try PNGWriter.encode($0, text: [("Title", title), ("Software", "mapgen")]) }
    }
}
