import Dispatch

/// Loads the font configuration and the map's fonts on a spare core while the situation is
/// being computed, so the drawing finds them ready (fontconfig's caches are process-wide).
/// Touches no GEOS or PROJ object, and creates no Cairo surface: surfaces are numbered by a
/// process-wide counter that ends up in the SVG, so they are only made in a fixed order.
public enum FontWarmUp {
    public static func start(style: MapStyle = MapStyle()) {
        let fonts = [style.townFont, style.cityFont, style.noteFont]
        DispatchQueue.global(qos: .userInitiated).async {
            let shaper = TextShaper()
            for font in fonts { _ = shaper.extents("Town بلدة 0123", font, width: nil) }
        }
    }
}
