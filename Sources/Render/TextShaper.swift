import CCairo
import Geo

/// Lays text out with Pango independently of any drawing surface, so a text measures the same
/// for the label placement and on every format it is later drawn to.
///
/// `pango_cairo_create_layout(cr)` takes the target surface's font options: an image surface
/// hints metrics (advances rounded to whole pixels), an SVG surface does not, so the same label
/// had different widths in the PNG and the SVG and was placed differently. Here the context
/// has fixed options (unhinted metrics and outlines, grey antialiasing, 96 dpi) and its own
/// font map. Shaping is deterministic, so two shapers built this way give identical layouts:
/// each drawing thread owns one (Pango objects must not cross threads).
final class TextShaper {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    /// One shaped layout per text: label placement measures a text, then the replay on this
    /// thread draws it, and shaping it again for the drawing cost ~10 ms a map.
    private var layouts: [TextKey: OpaquePointer] = [:]
    private var measured: [TextKey: (ink: Rect, logical: Rect)] = [:]
    /// A series keeps one shaper for many maps: beyond this many texts, start afresh.
    private static let layoutLimit = 4000

    private struct TextKey: Hashable {
        let text: String
        let font: Font
        let width: Double?
    }

    init() {
        // GObject constructors never return NULL (GLib aborts when memory runs out).
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 96)
    }

    deinit {
        for l in layouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The layout of `text` in `font` (size already in pixels), wrapped at `width` when given,
    /// shaped once and kept (owned by the shaper).
    func layout(_ text: String, _ font: Font, width: Double?) -> OpaquePointer {
        let key = TextKey(text: text, font: font, width: width)
        if let known = layouts[key] { return known }
        if layouts.count >= Self.layoutLimit {
            for l in layouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
            layouts.removeAll(keepingCapacity: true)
        }
        let l = newLayout(font)
        pango_layout_set_text(l, text, -1)
        if let width {
            pango_layout_set_width(l, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(l, -1)
        }
        layouts[key] = l
        return l
    }

    /// Ink and logical extents of a text, in pixels relative to its top-left.
    func extents(_ text: String, _ font: Font, width: Double?) -> (ink: Rect, logical: Rect) {
        let key = TextKey(text: text, font: font, width: width)
        if let known = measured[key] { return known }
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout(text, font, width: width), &ink, &logical)
        func px(_ r: PangoRectangle) -> Rect {
            let s = Double(PANGO_SCALE)
            return Rect(x: Double(r.x) / s, y: Double(r.y) / s, width: Double(r.width) / s, height: Double(r.height) / s)
        }
        let result = (px(ink), px(logical))
        measured[key] = result
        return result
    }

    /// Draws a text with its top-left at the current point of `cr`.
    func show(_ text: String, _ font: Font, width: Double?, on cr: OpaquePointer) {
        pango_cairo_show_layout(cr, layout(text, font, width: width))
    }

    private func newLayout(_ font: Font) -> OpaquePointer {
        let l: OpaquePointer = pango_layout_new(context)
        let desc = pango_font_description_new()
        pango_font_description_set_family(desc, font.family)
        pango_font_description_set_absolute_size(desc, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(desc, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(l, desc)
        pango_font_description_free(desc)
        return l
    }
}
