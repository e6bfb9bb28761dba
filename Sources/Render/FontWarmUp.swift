import Dispatch
import Synchronization

/// Loads the font configuration and the map's fonts on a spare core while the situation is
/// being computed, so the drawing finds them ready (fontconfig's caches are process-wide).
/// Touches no GEOS or PROJ object, and creates no Cairo surface: surfaces are numbered by a
/// process-wide counter that ends up in the SVG (`id="surface2"`), so a surface made here at
/// an unpredictable moment changed the SVG's bytes about one run in ten.
///
/// The warmed shaper is then kept for the drawing's second thread (the SVG's), which otherwise
/// built a font map of its own from cold (~10–20 ms of fontconfig matching and shaping).
public enum FontWarmUp {
    public static func start(style: MapStyle = MapStyle()) {
        DispatchQueue.global(qos: .userInitiated).async {
            let shaper = TextShaper()
            warm(shaper, style: style)
            spare.withLock { $0 = HandedShaper(shaper: shaper) }
        }
    }

    /// The warmed shaper, once; a new one when the warm-up has not finished (or never ran).
    static func takeShaper() -> TextShaper {
        spare.withLock { slot in
            defer { slot = nil }
            return slot?.shaper
        } ?? TextShaper()
    }

    private static let spare = Mutex<HandedShaper?>(nil)

    /// The warm-up itself, on the calling thread.
    static func warm(_ shaper: TextShaper = TextShaper(), style: MapStyle = MapStyle()) {
        for font in [style.townFont, style.cityFont, style.noteFont] { _ = shaper.extents("Town بلدة 0123", font, width: nil) }
    }
}

/// A shaper passed from the thread that warmed it to the one that draws with it. Pango objects
/// may be used by one thread at a time: the warming thread stores it under the lock and never
/// touches it again, and `takeShaper` gives it out once.
private struct HandedShaper: @unchecked Sendable {
    let shaper: TextShaper
}
