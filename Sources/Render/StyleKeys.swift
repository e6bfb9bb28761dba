import Geo
import Situation

/// The keys a style file may set, and where each goes in `MapStyle`. An unknown key is an
/// error (a typo would otherwise be silently ignored).
extension MapStyle {
    static var colourKeys: [String: WritableKeyPath<MapStyle, Color>] { [
        "sea": \.sea, "foreign_land": \.foreignLand, "home_land": \.homeLand, "inset_highlight": \.insetHighlight,
        "river": \.river, "border": \.border, "province": \.province, "highway": \.highway,
        "front_line": \.frontLine, "town": \.town, "post": \.post, "post_encircled": \.postEncircled,
        "post_new": \.postNew, "convoy": \.convoy, "strike": \.strike, "changed": \.changed, "text": \.text,
        "muted_text": \.mutedText, "halo": \.halo, "panel": \.panel, "frame": \.frame, "zone": \.zone,
        "uncertainty": \.uncertainty, "ring": \.ring, "inset_box": \.insetBox,
    ] }
    static var numberKeys: [String: WritableKeyPath<MapStyle, Double>] { [
        "front_line_width": \.frontLineWidth, "border_width": \.borderWidth, "province_width": \.provinceWidth,
        "river_width": \.riverWidth, "coast_width": \.coastWidth, "highway_width": \.highwayWidth,
        "zone_width": \.zoneWidth, "gain_width": \.gainWidth, "diff_fade": \.diffFade,
        "title_size": \.titleSize, "subtitle_size": \.subtitleSize, "city_size": \.citySize, "town_size": \.townSize,
        "village_size": \.villageSize, "post_size": \.postSize, "post_label_size": \.postLabelSize,
        "note_size": \.noteSize, "legend_head_size": \.legendHeadSize, "legend_size": \.legendSize, "small_size": \.smallSize,
    ] }
    static var dashKeys: [String: WritableKeyPath<MapStyle, [Double]>] { [
        "border_dash": \.borderDash, "province_dash": \.provinceDash, "highway_dash": \.highwayDash, "zone_dash": \.zoneDash,
    ] }
    static var rankKeys: [String: WritableKeyPath<MapStyle, Int>] { ["min_town_rank": \.minTownRank, "city_rank": \.cityRank] }
    /// `label_priority_<name>` keys, one per priority the standard layers use.
    static let labelPriorityNames = ["city", "place_in_the_news", "movement", "site", "strike", "town", "village"]

    /// The colour a style key names (an event kind's `colour:`), nil for an unknown key.
    func colour(key: String) -> Color? { Self.colourKeys[key].map { self[keyPath: $0] } }

    /// Every key a style file may hold.
    public static var styleKeys: Set<String> {
        Set(colourKeys.keys).union(numberKeys.keys).union(dashKeys.keys).union(rankKeys.keys)
            .union(["font_family"]).union((1...5).map { "town_dot_\($0)" })
            .union(labelPriorityNames.map { "label_priority_\($0)" })
    }

    /// Sets every value the sheet gives; a wrong key or type is a `DataError` at its line.
    public mutating func apply(_ sheet: StyleSheet) throws {
        for key in sheet.values.keys.sorted() {
            guard let value = sheet.values[key] else { continue }
            let line = sheet.lines[key]
            func bad(_ what: String) -> DataError {
                DataError(file: sheet.file, line: line, "\(key): \(what)", fix: "see Styles/README.md for the keys and their values")
            }
            if let kp = Self.colourKeys[key] {
                guard case let .colour(hex, alpha) = value else { throw bad("expected a colour \"#rrggbb\"") }
                self[keyPath: kp] = try Self.color(hex, key, file: sheet.file).alpha(alpha)
            } else if let kp = Self.numberKeys[key] {
                guard case let .number(n) = value, n >= 0, n <= 500 else { throw bad("expected a number from 0 to 500") }
                self[keyPath: kp] = n
            } else if let kp = Self.dashKeys[key] {
                guard case let .numbers(d) = value else { throw bad("expected a list of dash lengths, e.g. [5, 3]") }
                self[keyPath: kp] = d
            } else if let kp = Self.rankKeys[key] {
                guard case let .number(n) = value, n == n.rounded(), (1...5).contains(n) else { throw bad("expected a rank from 1 to 5") }
                self[keyPath: kp] = Int(n)
            } else if key == "font_family" {
                guard case let .text(t) = value else { throw bad("expected a font family name") }
                family = t
            } else if key.hasPrefix("label_priority_"), Self.labelPriorityNames.contains(String(key.dropFirst(15))) {
                guard case let .number(n) = value, n == n.rounded(), (0...1000).contains(n) else { throw bad("expected a whole number from 0 to 1000") }
                labelPriority[String(key.dropFirst(15))] = Int(n)
            } else if key.hasPrefix("town_dot_"), let rank = Int(key.dropFirst(9)), (1...5).contains(rank) {
                guard case let .number(n) = value, n <= 50 else { throw bad("expected a radius in px") }
                townDot[rank] = n
            } else {
                throw bad("unknown style key")
            }
        }
    }
}
