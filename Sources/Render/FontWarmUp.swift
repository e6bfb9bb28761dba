import Dispatch

/// Loads the font configuration and the map's fonts on a spare core while the situation is
/// being computed, so the drawing finds them ready (fontconfig's caches are process-wide).
/// Touches no GEOS or PROJ object, and creates no Cairo surface: surfaces are numbered by a
/// process-wide counter that ends up in the SVG (`id="surface2"`), so a surface made here at
/// an unpredictable moment changed the SVG's bytes about one run in ten.
public enum FontWarmUp {
    public static func start(style: MapStyle = MapStyle()) {
        DispatchQueue.global(qos: .userInitiated).async { warm(style: style) }
    }

    /// The warm-up itself, on the calling thread.
    static func warm(style: MapStyle = MapStyle()) {
        let shaper = TextShaper()
        for font in [style.townFont, style.cityFont, style.noteFont] { _ = shaper.extents("Town بلدة 0123", font, width: nil) }
    }
}
