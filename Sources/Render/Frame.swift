import CCairo
import Foundation

/// A small copy of a map's pixels (Cairo's native-endian 0xXXRRGGBB words, row after row), for
/// animation frames and contact-sheet thumbnails. Plain memory: it may cross threads.
public struct Frame: Sendable {
    public let width: Int
    public let height: Int
    public internal(set) var pixels: [UInt32]

    /// The red, green and blue of the pixel at (x, y).
    public func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let p = pixels[y * width + x]
        return (UInt8((p >> 16) & 0xff), UInt8((p >> 8) & 0xff), UInt8(p & 0xff))
    }

    /// An image surface scaled down to `width` (Cairo's box filter: every source pixel counts).
    static func scaled(from surface: OpaquePointer, width: Int) throws -> Frame {
        cairo_surface_flush(surface)
        let sw = Double(cairo_image_surface_get_width(surface)), sh = Double(cairo_image_surface_get_height(surface))
        let w = max(1, min(width, Int(sw)))
        let h = max(1, Int((sh * Double(w) / sw).rounded()))
        return try FrameSurface.drawing(width: w, height: h) { cr in
            cairo_scale(cr, Double(w) / sw, Double(h) / sh)
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            cairo_paint(cr)
        }
    }

    /// This frame scaled to `width`.
    public func scaled(toWidth width: Int) throws -> Frame {
        try FrameSurface.with(self) { try Frame.scaled(from: $0, width: width) }
    }

    /// This frame of a map page with `text` in a box at the map panel's bottom-right corner,
    /// where nothing else is drawn (the date on an animation frame).
    public func stamped(_ text: String, worker: RenderWorker) throws -> Frame {
        // The page layout's proportions (see PageLayout) at this frame's size.
        let unit = min(Double(width) / 1600, Double(height) / 1200)
        let mapRight = Double(width) - 372 * unit, mapBottom = Double(height) - 92 * unit
        let font = Font("Noto Sans", 52 * unit, bold: true)
        let (ink, _) = worker.shaper.extents(text, font, width: nil)
        var copy = self
        try FrameSurface.drawing(into: &copy) { cr in
            let pad = 16 * unit
            let x = mapRight - 24 * unit - ink.width - 2 * pad, y = mapBottom - 24 * unit - ink.height - 2 * pad
            cairo_rectangle(cr, x, y, ink.width + 2 * pad, ink.height + 2 * pad)
            cairo_set_source_rgba(cr, 0.1, 0.1, 0.1, 0.82)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_move_to(cr, x + pad - ink.minX, y + pad - ink.minY)
            worker.shaper.show(text, font, width: nil, on: cr)
        }
        return copy
    }
}

/// Cairo image surfaces over a frame's memory: made, used and destroyed inside one call, so no
/// pointer outlives it.
enum FrameSurface {
    /// A new frame of the given size, white, drawn by `body`.
    static func drawing(width: Int, height: Int, _ body: (OpaquePointer) throws -> Void) throws -> Frame {
        var frame = Frame(width: width, height: height, pixels: [UInt32](repeating: 0xffff_ffff, count: width * height))
        try drawing(into: &frame, body)
        return frame
    }

    /// Draws on a frame in place.
    static func drawing(into frame: inout Frame, _ body: (OpaquePointer) throws -> Void) throws {
        let w = frame.width, h = frame.height
        try frame.pixels.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self),
                  let surface = cairo_image_surface_create_for_data(base, CAIRO_FORMAT_RGB24, Int32(w), Int32(h), Int32(w * 4)) else {
                throw MapDocument.WriteError.cairo(.png, "no frame surface")
            }
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
                throw MapDocument.WriteError.cairo(.png, "frame surface \(w)x\(h) refused")
            }
            defer { cairo_destroy(cr) }
            try body(cr)
            cairo_surface_flush(surface)
        }
    }

    /// Reads a frame through a temporary surface.
    static func with<T>(_ frame: Frame, _ body: (OpaquePointer) throws -> T) throws -> T {
        var copy = frame
        var result: T?
        try drawing(into: &copy) { cr in result = try body(cairo_get_target(cr)) }
        guard let result else { throw MapDocument.WriteError.cairo(.png, "frame not read") }
        return result
    }
}

/// One thread of a series: its text shaper (Pango objects never cross threads) and the basemap
/// cut to the page stay warm from one map to the next. Serves one theatre.
public final class RenderWorker {
    let shaper = TextShaper()
    /// The basemap part of the last scene (one theatre per run).
    var base: BaseScene?
    public init() {}
}
