import Foundation
import Geo
import Yams

/// What a theatre's `theatre.yaml` says: everything about one conflict that is not a data
/// table (names, view, projection, sides, the way-out rule, site kinds, inset, texts, credits,
/// dates). Nothing in `Sources/` knows a particular theatre; it reads one of these.
public struct TheatreDescription: Sendable {
    public struct Box: Sendable, Decodable, Equatable {
        public let west, south, east, north: Double
        public var centre: LonLat { LonLat(lon: (west + east) / 2, lat: (south + north) / 2) }
    }
    public struct Point: Sendable, Decodable, Equatable {
        public let lon, lat: Double
        public var lonLat: LonLat { LonLat(lon: lon, lat: lat) }
    }
    /// `aeqd` (azimuthal equidistant on `centre`), `utm` (zone, hemisphere) or `auto`.
    public struct Projection: Sendable, Decodable {
        public let kind: String
        public let centre: Point?
        public let zone: Int?
        public let hemisphere: String?
    }
    /// Where control areas may lie. Either the land of `file`, or the basemap land split by the
    /// border, keeping the side of `seed`. Only places of `country` hold ground.
    public struct ControlLand: Sendable, Decodable {
        public let country: String
        public let file: String?
        public let seed: Point
    }
    /// A fill pattern drawn over a side's tint, so that sides differ without hue.
    public struct Pattern: Sendable, Decodable, Equatable {
        public let kind: String          // hatch, none
        public let angle: Double?
        public let spacing: Double?      // px at the reference size
        public let colour: String?
        public let width: Double?
    }
    public struct SideEntry: Sendable, Decodable {
        public let id: String
        public let label: String
        public let fill: String
        public let fillAlpha: Double
        public let line: String
        public let pattern: Pattern?
        /// Ground nobody clearly holds: its towns say "contested", not "taken by".
        public let contested: Bool?
    }
    /// A side's way out: ground of `side` that reaches within `reachKm` of the border has one;
    /// a site in any other part of that side's ground is cut off.
    public struct WayOut: Sendable, Decodable {
        public let side: String
        public let reachKm: Double
        public let to: String            // names the border, for texts
    }
    /// Sites (e.g. observation posts): file, kinds, and the sides that decide their status.
    public struct SiteKind: Sendable, Decodable {
        public let id: String
        public let label: String
        /// The hull of this kind's sites is drawn as a zone (e.g. a de-escalation zone).
        public let zoneHull: Bool?
    }
    public struct Sites: Sendable, Decodable {
        public let file: String
        public let kinds: [SiteKind]
        /// A site inside this side's ground is encircled.
        public let threatSide: String
        /// A site inside this side's ground with no way out is cut off.
        public let hostSide: String
        public let legendHead: String
        public let labelReported: String
        public let labelComputed: String
        public let labelOther: String
        public let labelNew: String
        public let zoneLabel: String?
        public let zoneMethod: String?
        public let zoneMethodShort: String?
        public let tableZone: String?
    }
    public struct Highways: Sendable, Decodable {
        public let file: String
        public let legend: String
    }
    public struct InsetLabel: Sendable, Decodable {
        public let text: String
        public let lon, lat: Double
    }
    public struct Inset: Sendable, Decodable {
        public let extent: Box
        public let file: String
        /// A point inside the country the inset highlights.
        public let highlightAt: Point
        /// The latitude whose cosine scales longitudes (default: the extent's middle).
        public let aspectLat: Double?
        public let labels: [InsetLabel]?
    }
    /// Basemap files, relative to `dir`; a layer left out is not drawn.
    public struct Basemap: Sendable, Decodable {
        public let dir: String
        public let land: String
        /// The international border (needed to split the land when `control_land` has no file).
        public let border: String?
        public let sea: String?
        public let coast: String?
        public let rivers: String?
        public let lakes: String?
        public let provinces: String?
    }
    public struct Dates: Sendable, Decodable {
        public let `default`: Day
        public let windowDays: Int
        public let from: Day
        public let to: Day
    }
    /// Words of the map that name the theatre's actors or places.
    public struct Texts: Sendable, Decodable {
        /// Subtitle's opening: what the map shows ("Control, observation posts and reported movements").
        public let shows: String
        /// Movement arrows' name ("convoy").
        public let convoy: String
        /// The movements' legend line (nil: the event kind's own `legend`).
        public let convoyLegend: String?
        public let provincesLegend: String
        /// How control areas are made, for analyze's JSON.
        public let controlMethod: String
        /// What is approximate, for the footer.
        public let approximate: String
        /// Event figures that count deaths, in the order a strike label prefers them.
        public let killedFigures: [String]?
        /// The theatre named in file metadata ("the X region").
        public let metadataName: String
        /// What the map shows, for file metadata.
        public let metadataShows: String
        /// The credits in file metadata (default: the credit lines).
        public let metadataCredits: String?
    }

    public let id: String
    public let title: String
    public let languages: [String]
    public let view: Box
    public let projection: Projection
    public let controlLand: ControlLand
    public let sides: [Side]
    public let sideStyles: [String: SideEntry]
    public let frontLines: [[Side]]
    public let wayOut: WayOut?
    public let sites: Sites?
    public let highways: Highways?
    public let inset: Inset
    public let basemap: Basemap
    public let dates: Dates
    public let credits: [String]
    public let texts: Texts
    /// Style files (relative to the theatre folder), applied in order: the shared default, then
    /// the theatre's own overrides.
    public let styles: [String]
    /// The kinds of event the reports may use (the file `event_kinds:` names).
    public let eventKinds: EventKinds
    /// The map's layers by name, bottom first (nil: the renderer's standard order).
    public let layers: [String]?
    /// The legend's order by layer name (nil: the renderer's standard order); layers it does not
    /// name follow in drawing order.
    public let legend: [String]?
    /// The folder holding `theatre.yaml`, `Gazetteer/` and `Reports/`.
    public private(set) var folder: URL
    /// The folder the style paths are relative to (where theatre.yaml was read).
    public let stylesBase: URL

    /// The same theatre with its data read from another folder (e.g. a scratch copy to validate
    /// merged reports); style files are still found from where theatre.yaml was read.
    public func relocated(to other: URL) -> TheatreDescription {
        var copy = self
        copy.folder = other
        return copy
    }

    /// The raw file's shape (keys in snake_case).
    private struct File: Decodable {
        let id: String
        let title: String
        let languages: [String]
        let view: Box
        let projection: Projection
        let controlLand: ControlLand
        let sides: [SideEntry]
        let frontLines: [[String]]
        let wayOut: WayOut?
        let sites: Sites?
        let highways: Highways?
        let inset: Inset
        let basemap: Basemap
        let dates: Dates
        let credits: [String]
        let texts: Texts
        let styles: [String]?
        let layers: [String]?
        let legend: [String]?
        let eventKinds: String?
    }

    public static let fileName = "theatre.yaml"

    /// Reads `folder/theatre.yaml`; every mistake is a `DataError` naming the file and the key.
    public static func load(folder: URL) throws -> TheatreDescription {
        let url = folder.appendingPathComponent(fileName)
        let name = url.relativeDisplay
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(file: name, "no theatre description here",
                            fix: "a theatre folder holds theatre.yaml beside Gazetteer/ and Reports/ (see Theatres/README.md)")
        }
        let text = try readText(url)
        if let line = YAMLNesting.firstLineTooDeep(in: text) {
            throw DataError(file: name, line: line, "nested too deeply", fix: "see Theatres/README.md for the keys of theatre.yaml")
        }
        let f: File
        do {
            // YAML → JSON → Codable with snake_case keys: the file is small (about 5 ms in a debug build).
            let node = try Yams.compose(yaml: text, Resolver.basic)
            let json = try JSONSerialization.data(withJSONObject: Self.plain(node) ?? [String: Any](), options: [.fragmentsAllowed])
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            f = try decoder.decode(File.self, from: json)
        } catch let e as DecodingError {
            throw DataError(file: name, Self.describe(e), fix: "see Theatres/README.md for the keys of theatre.yaml")
        } catch {
            throw DataError(file: name, "not valid YAML (\(error))", fix: "see Theatres/README.md for the keys of theatre.yaml")
        }
        return try TheatreDescription(f, folder: folder, file: name)
    }

    private init(_ f: File, folder: URL, file: String) throws {
        func bad(_ what: String, _ fix: String) -> DataError { DataError(file: file, what, fix: fix) }
        guard f.view.west < f.view.east, f.view.south < f.view.north,
              abs(f.view.south) <= 90, abs(f.view.north) <= 90, abs(f.view.west) <= 180, abs(f.view.east) <= 180 else {
            throw bad("view \(f.view) is not a box west < east, south < north in degrees", "e.g. view: {west: 36.08, south: 35.33, east: 37.36, north: 36.42}")
        }
        guard !f.sides.isEmpty else { throw bad("no sides", "list the sides under sides: (id, label, fill, fill_alpha, line)") }
        var sides: [Side] = []
        var entries: [String: SideEntry] = [:]
        for (i, s) in f.sides.enumerated() {
            guard entries[s.id] == nil else { throw bad("side \"\(s.id)\" is listed twice", "give each side one entry") }
            sides.append(Side(id: s.id, label: s.label, order: i, contested: s.contested ?? false))
            entries[s.id] = s
        }
        func side(_ id: String, _ key: String) throws -> Side {
            guard let s = sides.first(where: { $0.id == id }) else {
                throw bad("\(key): unknown side \"\(id)\"", "one of: \(sides.map(\.id).joined(separator: ", "))")
            }
            return s
        }
        frontLines = try f.frontLines.map { pair in
            guard pair.count == 2 else { throw bad("front_lines: each entry is a pair of sides, found \(pair)", "e.g. front_lines: [[a, b]]") }
            return try pair.map { try side($0, "front_lines") }
        }
        if let w = f.wayOut { _ = try side(w.side, "way_out.side") }
        if let s = f.sites { _ = try side(s.threatSide, "sites.threat_side"); _ = try side(s.hostSide, "sites.host_side") }
        guard f.dates.from <= f.dates.to, (1...31).contains(f.dates.windowDays) else {
            throw bad("dates: from \(f.dates.from) must not be after to \(f.dates.to), window_days 1–31", "fix the dates: block")
        }
        id = f.id; title = f.title; languages = f.languages; view = f.view; projection = f.projection
        controlLand = f.controlLand; self.sides = sides; sideStyles = entries; wayOut = f.wayOut; sites = f.sites
        highways = f.highways; inset = f.inset; basemap = f.basemap; dates = f.dates; credits = f.credits
        texts = f.texts; styles = f.styles ?? []; layers = f.layers; legend = f.legend;
        guard let kindsFile = f.eventKinds else {
            throw bad("no event_kinds: file", "add event_kinds: Styles/event-kinds.yaml (a path relative to this folder; Theatres/README.md)")
        }
        let kindsURL = folder.appendingPathComponent(kindsFile)
        guard FileManager.default.fileExists(atPath: kindsURL.path) else {
            throw bad("event_kinds: \(kindsFile): event kinds file not found", "a path relative to this folder, e.g. Styles/event-kinds.yaml")
        }
        eventKinds = try EventKinds.load(kindsURL); self.folder = folder; stylesBase = folder
    }

    /// The side with this id, if the theatre has one.
    public func side(id: String) -> Side? { sides.first { $0.id == id } }

    /// The map projection: as given, or chosen from the view (a local azimuthal equidistant
    /// projection on its centre keeps distances within 1 % up to ~1,000 km from it).
    public func makeProjection() throws -> MapProjection {
        switch projection.kind {
        case "aeqd": return try MapProjection(center: (projection.centre ?? Point(lon: view.centre.lon, lat: view.centre.lat)).lonLat)
        case "utm":
            guard let zone = projection.zone, (1...60).contains(zone) else {
                throw DataError(file: folder.appendingPathComponent(Self.fileName).relativeDisplay,
                                "projection: utm needs a zone from 1 to 60", fix: "e.g. projection: {kind: utm, zone: 37, hemisphere: north}")
            }
            return try MapProjection(utmZone: zone, south: projection.hemisphere == "south", center: view.centre)
        case "auto": return try MapProjection(center: view.centre)
        default:
            throw DataError(file: folder.appendingPathComponent(Self.fileName).relativeDisplay,
                            "projection kind \"\(projection.kind)\" is unknown", fix: "aeqd, utm or auto")
        }
    }

    /// A YAML node as plain JSON values: unquoted numbers and booleans as such, the rest strings.
    static func plain(_ node: Node?) -> Any? {
        guard let node else { return nil }
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                if s.string == "true" || s.string == "false" { return s.string == "true" }
                if s.string == "~" || s.string == "null" || s.string.isEmpty { return NSNull() }
                if let d = Double(s.string), d.isFinite, s.string.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
                    return d
                }
            }
            return s.string
        case .mapping(let m):
            var out = [String: Any]()
            for (k, v) in m { out[k.string ?? ""] = plain(v) ?? NSNull() }
            return out
        case .sequence(let seq):
            return seq.map { plain($0) ?? NSNull() }
        }
    }

    /// A decoding error as one line: the key path and what is wrong.
    static func describe(_ e: DecodingError) -> String {
        func path(_ p: [any CodingKey]) -> String {
            p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case let .keyNotFound(key, ctx): return "missing key \(path(ctx.codingPath + [key]))"
        case let .typeMismatch(_, ctx): return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        case let .valueNotFound(_, ctx): return "\(path(ctx.codingPath)): no value"
        case let .dataCorrupted(ctx): return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}

extension Day: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "\"\(s)\" is not a YYYY-MM-DD date")
        }
        self = d
    }
}
