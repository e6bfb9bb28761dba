import Geo
import Situation

/// Colours, widths, fonts and symbol sizes of the map: data, not drawing code. Sizes are px
/// at the 1600×1200 reference layout and scale with the output size.
public struct MapStyle: Sendable {
    public var sea = Color(0xc6dbea)
    public var foreignLand = Color(0xe9e6e0)
    public var syriaLand = Color(0xf7f4ec)
    public var sideFill: [Side: Color] = [
        .government: Color(0xd9544d, alpha: 0.28),
        .opposition: Color(0x3f9b5b, alpha: 0.26),
        .sdf: Color(0xe8c547, alpha: 0.35),
        .isis: Color(0x555555, alpha: 0.30),
        .contested: Color(0xe08a2e, alpha: 0.35),
    ]
    public var sideLine: [Side: Color] = [
        .government: Color(0xb8322b), .opposition: Color(0x2e7d46), .sdf: Color(0xb8962a),
        .isis: Color(0x333333), .contested: Color(0xc46d12),
    ]
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

    public var family = "Noto Sans"
    public var titleFont: Font { Font(family, 30, bold: true) }
    public var subtitleFont: Font { Font(family, 15) }
    public var cityFont: Font { Font(family, 17, bold: true) }
    public var townFont: Font { Font(family, 13.5) }
    public var villageFont: Font { Font(family, 11) }
    public var postFont: Font { Font(family, 11.5, bold: true) }
    public var noteFont: Font { Font(family, 11.5, italic: true) }
    public var legendHeadFont: Font { Font(family, 14, bold: true) }
    public var legendFont: Font { Font(family, 12.5) }
    public var smallFont: Font { Font(family, 10.5) }

    /// A side's fill and line colour; a side missing from a customised style gets a neutral grey.
    public func fill(_ side: Side) -> Color { sideFill[side] ?? Color(0x888888, alpha: 0.3) }
    public func line(_ side: Side) -> Color { sideLine[side] ?? Color(0x444444) }

    public var postSize = 9.0
    public var townDot: [Int: Double] = [5: 5, 4: 3.8, 3: 3, 2: 2.2, 1: 1.8]

    public init() {}
}
