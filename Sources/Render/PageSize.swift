/// Named output sizes: paper for print (mm) and pixel presets for the web.
public enum PageSize {
    /// Paper sizes in millimetres, landscape first; "-portrait" swaps them.
    static let papers: [String: (Double, Double)] = ["a4": (297, 210), "a3": (420, 297), "letter": (279.4, 215.9)]
    /// Pixel presets.
    public static let presets: [String: (Int, Int)] = [
        "web": (1600, 1200), "hd": (1920, 1080), "social": (1200, 675), "square": (1080, 1080), "slide": (1920, 1080),
    ]

    /// A paper name such as `a4`, `a4-landscape`, `letter-portrait` → (width, height) in mm.
    public static func paper(_ name: String) -> (width: Double, height: Double)? {
        var n = name.lowercased()
        var portrait = false
        if n.hasSuffix("-portrait") { portrait = true; n.removeLast("-portrait".count) }
        if n.hasSuffix("-landscape") { n.removeLast("-landscape".count) }
        guard let (w, h) = papers[n] else { return nil }
        return portrait ? (h, w) : (w, h)
    }

    public static var paperNames: [String] { papers.keys.sorted().flatMap { [$0, "\($0)-portrait"] } }
}
