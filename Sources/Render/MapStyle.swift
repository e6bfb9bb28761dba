import Geo
import Situation

/// Colours, widths, fonts and symbol sizes of the map. The values come from style files
/// (`Styles/default.yaml`, then a theatre's own), read by `Situation.StyleSheet` and applied
/// here; the initial values below are only a neutral fallback. Side colours and patterns come
/// from the theatre's sides. Sizes are px at the 1600×1200 reference layout and scale with the
/// output size.
public struct MapStyle: Sendable {
    public var sea = Color(0xc6dbea)
    public var foreignLand = Color(0xe9e6e0)
    /// The land of the theatre's country (where control areas may lie).
    public var homeLand = Color(0xf7f4ec)
    public var insetHighlight = Color(0xf3e3c3)
    public var sideFill: [Side: Color] = [:]
    public var sideLine: [Side: Color] = [:]
    public var sidePattern: [Side: Hatch] = [:]
    public var river = Color(0x6c9dc4)
    public var border = Color(0x333333)
    public var province = Color(0x8a8a8a)
    public var highway = Color(0x8c6d46)
    public var frontLine = Color(0x7a1712)
    public var town = Color(0x222222)
    public var post = Color(0x1f4e9c)
    public var postEncircled = Color(0xc0261d)
    public var postNew = Color(0xf2b705)
    public var convoy = Color(0x1f4e9c)
    public var strike = Color(0xd62d20)
    public var changed = Color(0x7a1712)
    public var text = Color(0x1a1a1a)
    public var mutedText = Color(0x555555)
    public var halo = Color(0xffffff, alpha: 0.72)
    public var panel = Color(0xffffff)
    public var frame = Color(0x444444)
    public var zone = Color(0x5b3f8c)
    public var uncertainty = Color(0x1f4e9c, alpha: 0.13)
    public var ring = Color(0x0b6e6e)
    public var insetBox = Color(0xd62d20)

    /// Line widths (px) and dashes.
    public var frontLineWidth = 2.8
    public var borderWidth = 1.8
    public var borderDash: [Double] = [9, 3, 2, 3]
    public var provinceWidth = 0.9
    public var provinceDash: [Double] = [5, 3]
    public var riverWidth = 1.3
    public var coastWidth = 0.8
    public var highwayWidth = 2.2
    public var highwayDash: [Double] = [7, 4]
    public var zoneWidth = 2.0
    public var zoneDash: [Double] = [10, 5]
    public var gainWidth = 1.4
    /// A change map fades the later state to this opacity, so that the changes stand out.
    public var diffFade = 0.45

    public var family = "Noto Sans"
    public var titleSize = 30.0, subtitleSize = 15.0, citySize = 17.0, townSize = 13.5, villageSize = 11.0
    public var postSize = 9.0, postLabelSize = 11.5, noteSize = 11.5, legendHeadSize = 14.0, legendSize = 12.5, smallSize = 10.5
    public var titleFont: Font { Font(family, titleSize, bold: true) }
    public var subtitleFont: Font { Font(family, subtitleSize) }
    public var cityFont: Font { Font(family, citySize, bold: true) }
    public var townFont: Font { Font(family, townSize) }
    public var villageFont: Font { Font(family, villageSize) }
    public var postFont: Font { Font(family, postLabelSize, bold: true) }
    public var noteFont: Font { Font(family, noteSize, italic: true) }
    public var legendHeadFont: Font { Font(family, legendHeadSize, bold: true) }
    public var legendFont: Font { Font(family, legendSize) }
    public var smallFont: Font { Font(family, smallSize) }

    /// Places of at least this rank are drawn; of at least `cityRank`, drawn as cities.
    public var minTownRank = 3
    public var cityRank = 5

    /// A side's fill and line colour; a side missing from a customised style gets a neutral grey.
    public func fill(_ side: Side) -> Color { sideFill[side] ?? Color(0x888888, alpha: 0.3) }
    public func line(_ side: Side) -> Color { sideLine[side] ?? Color(0x444444) }

    public var townDot: [Int: Double] = [5: 5, 4: 3.8, 3: 3, 2: 2.2, 1: 1.8]

    /// Label priorities by name (`label_priority_<name>`): lower is placed first and wins a
    /// crowded spot; equal priorities go in layer order.
    public var labelPriority: [String: Int] = [
        "city": 10, "place_in_the_news": 20, "movement": 30, "site": 40, "strike": 50, "town": 60, "village": 70,
    ]
    /// A named label priority (unknown names last).
    func priority(_ name: String) -> Int { labelPriority[name] ?? 1000 }

    /// Parallel lines drawn over a side's tint: sides then differ without hue.
    public struct Hatch: Sendable, Equatable {
        public var color: Color
        public var angle: Double      // degrees, counter-clockwise from east
        public var spacing: Double    // px
        public var width: Double      // px
    }

    public init() {}

    /// The style of a theatre: its style sheets applied in order, then its sides' colours.
    public init(theatre: TheatreDescription, sheets: [StyleSheet]) throws {
        self.init()
        for sheet in sheets { try apply(sheet) }
        for side in theatre.sides {
            guard let s = theatre.sideStyles[side.id] else { continue }
            let file = theatre.folder.appendingPathComponent(TheatreDescription.fileName).relativeDisplay
            let fill = try Self.color(s.fill, "sides.\(side.id).fill", file: file)
            sideFill[side] = fill.alpha(s.fillAlpha)
            sideLine[side] = try Self.color(s.line, "sides.\(side.id).line", file: file)
            if let p = s.pattern, p.kind == "hatch" {
                sidePattern[side] = Hatch(color: try p.colour.map { try Self.color($0, "sides.\(side.id).pattern.colour", file: file) } ?? line(side),
                                          angle: p.angle ?? 45, spacing: p.spacing ?? 7, width: p.width ?? 1.2)
            }
        }
    }

    /// `#rrggbb` (or `#rrggbbaa`) as a colour.
    static func color(_ text: String, _ key: String, file: String) throws -> Color {
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6 || hex.count == 8, let v = UInt32(hex, radix: 16) else {
            throw DataError(file: file, "\(key): \"\(text)\" is not a colour", fix: "write #rrggbb, e.g. \"#d9544d\"")
        }
        return hex.count == 6 ? Color(v) : Color(v >> 8, alpha: Double(v & 0xff) / 255)
    }
}
