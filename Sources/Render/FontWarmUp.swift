import CCairo
import Dispatch

/// Loads the font configuration and the map's fonts on a spare core while the situation is
/// being computed, so the drawing threads find them ready (fontconfig and Cairo's font-face
/// cache are process-wide). Touches no GEOS or PROJ object.
public enum FontWarmUp {
    public static func start(style: MapStyle = MapStyle()) {
        DispatchQueue.global(qos: .userInitiated).async {
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8)!
            let cr = cairo_create(surface)!
            let canvas = Canvas(cairo: cr, unit: 1)
            for font in [style.townFont, style.cityFont, style.noteFont] {
                _ = canvas.measure("Saraqib سراقب 0123", font)
            }
            withExtendedLifetime(canvas) {}
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
    }
}
