import Foundation

/// What kind of thing a gazetteer entry is, from its GeoNames feature class and code.
public enum PlaceKind: String, Sendable, CaseIterable {
    case city, town, village, hill, airbase, crossing, base, camp, site
    /// From `regions.tsv` and the other name tables: they are read by the geoparser and never drawn.
    case province, country, capital, road

    init(featureClass: Substring, code: Substring, rank: Int) {
        switch (featureClass, code) {
        case ("A", "PCLI"), ("A", "PCL"), ("A", "PCLD"): self = .country
        case ("A", "ADM1"), ("A", "ADM2"), ("A", "ADMD"): self = .province
        case ("P", "PPLC"): self = .capital
        case ("S", "AIRB"), ("S", "AIRF"), ("S", "AIRP"), ("S", "AIRH"): self = .airbase
        case ("S", "PSTB"): self = .crossing
        case ("S", "MILB"), ("S", "INSM"): self = .base
        case ("S", "CMP"), ("S", "CMPRF"), ("S", "CMPQ"): self = .camp
        case ("T", _): self = .hill
        case ("P", _): self = rank >= 5 ? .city : rank >= 3 ? .town : .village
        default: self = .site
        }
    }
}

/// One named place: a town, village, hill, airbase, border crossing…
public struct Place: Hashable, Sendable {
    public let id: Int
    public let name: String
    public let variants: [String]
    public let arabic: String?
    public let location: LonLat
    public let kind: PlaceKind
    public let country: String
    public let population: Int
    /// Label priority, 5 (city) … 1 (minor site).
    public let rank: Int
    public let source: String

    public init(id: Int, name: String, variants: [String], arabic: String?, location: LonLat, kind: PlaceKind,
                country: String, population: Int, rank: Int, source: String) {
        self.id = id; self.name = name; self.variants = variants; self.arabic = arabic; self.location = location
        self.kind = kind; self.country = country; self.population = population; self.rank = rank; self.source = source
    }
}

/// Resolves the place names that reports use to coordinates.
///
/// Reads a GeoNames-format TSV (19 columns; this project's files add `source` and `rank`),
/// so a full GeoNames country dump can be dropped in beside the curated file.
public struct Gazetteer: Sendable {
    public let places: [Place]
    /// Place indices by name key (`key(_:)`), in `places` order, each place once per key.
    let byKey: [String: [Int]]
    private let byID: [Int: Int]

    public init(places: [Place]) {
        var keys = [String: [Int]]()
        var ids = [Int: Int]()
        for (i, p) in places.enumerated() {
            ids[p.id] = i
            Self.index(p, at: i, into: &keys)
        }
        self.init(places: places, byKey: keys, byID: ids)
    }

    /// A gazetteer whose name index is known (read back from `GazetteerCache`).
    init(places: [Place], byKey: [String: [Int]]) {
        var ids = [Int: Int](minimumCapacity: places.count)
        for (i, p) in places.enumerated() { ids[p.id] = i }
        self.init(places: places, byKey: byKey, byID: ids)
    }

    private init(places: [Place], byKey: [String: [Int]], byID: [Int: Int]) {
        self.places = places
        self.byKey = byKey
        self.byID = byID
    }

    private static func index(_ p: Place, at i: Int, into keys: inout [String: [Int]]) {
        // A place has a handful of names: a linear check of the keys already indexed is cheaper
        // than a set, and no array of all its names is built.
        var seen: [String] = []
        func add(_ n: String) {
            let k = key(n)
            if !k.isEmpty, !seen.contains(k) { seen.append(k); keys[k, default: []].append(i) }
        }
        add(p.name)
        for v in p.variants { add(v) }
        if let ar = p.arabic { add(ar) }
    }

    /// This gazetteer with Arabic names added to some places (indexed too, so they resolve).
    func addingArabic(_ names: [Int: String]) -> Gazetteer {
        var places = places
        var keys = byKey
        for (i, ar) in names {
            let p = places[i]
            places[i] = Place(id: p.id, name: p.name, variants: p.variants, arabic: ar, location: p.location,
                              kind: p.kind, country: p.country, population: p.population, rank: p.rank, source: p.source)
            let k = Self.key(ar)
            if !(keys[k]?.contains(i) ?? false) { keys[k, default: []].append(i) }
        }
        return Gazetteer(places: places, byKey: keys, byID: byID)
    }

    /// `regions.tsv` beside `places.tsv` (countries, provinces, capitals and cities outside the map's box),
    /// or no rows when the file is absent. Kept apart from the map's gazetteer so the map does not change.
    public static func loadRegions(directory: URL) throws -> [Place] {
        let file = directory.appendingPathComponent("regions.tsv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try parsePlaces(readText(file), file: file.relativeDisplay)
    }

    /// As `load(directory:)`, through a compiled copy kept in `cacheFolder` (a theatre's
    /// `.mapgen-cache`): read when it was made from these very files, else parsed and kept.
    public static func load(directory: URL, cacheFolder: URL) throws -> Gazetteer {
        try GazetteerCache.load(directory: directory, cacheFolder: cacheFolder) { try load(directory: directory) }
    }

    /// Loads `places.tsv` (GeoNames columns) and, when present, `arabic.tsv` beside it.
    public static func load(directory: URL) throws -> Gazetteer {
        let file = directory.appendingPathComponent("places.tsv")
        let gazetteer = Gazetteer(places: try parsePlaces(readText(file), file: file.relativeDisplay))
        let arabicFile = directory.appendingPathComponent("arabic.tsv")
        guard FileManager.default.fileExists(atPath: arabicFile.path) else { return gazetteer }
        return try gazetteer.mergingArabic(readText(arabicFile), file: arabicFile.relativeDisplay)
    }

    public static func parsePlaces(_ text: String, file: String) throws -> [Place] {
        var out: [Place] = []
        var seenIDs = Set<Int>()
        for (line, f) in tsvRows(text) {
            guard f.count >= 19 else {
                throw DataError(file: file, line: line, "expected 19 GeoNames columns (or 21 with source and rank), found \(f.count)",
                                fix: "separate columns with tabs; see Gazetteer/README.md")
            }
            let field = DataField(file: file, line: line)
            let id = try field.int(f[0], "geonameid (column 1)", in: 1...Int.max, example: "170063")
            let lat = try field.double(f[4], "latitude (column 5)", in: -90...90, example: "35.93")
            let lon = try field.double(f[5], "longitude (column 6)", in: -180...180, example: "36.63")
            guard seenIDs.insert(id).inserted else {
                throw DataError(file: file, line: line, "duplicate place id \(id)", fix: "give each row its own id")
            }
            // Empty means unknown (GeoNames leaves population empty or 0); anything else must be a number
            // (up to a country's: regions.tsv holds whole countries, the largest among them).
            let population = try field.optionalInt(f[14], "population (column 15)", in: 0...2_000_000_000, example: "30000") ?? 0
            let rank = try (f.count > 20 ? field.optionalInt(f[20], "rank (column 21)", in: 1...5, example: "3") : nil)
                ?? Self.rank(population: population, code: f[7])
            let source = f.count > 19 && !f[19].isEmpty ? String(f[19]) : "GeoNames \(id)"
            let alternates = f[3].split(separator: ",").map(Self.trimmingWhitespace).filter { !$0.isEmpty }
            let arabic = alternates.first(where: Self.isArabic)
            out.append(Place(id: id, name: String(f[1]), variants: alternates.filter { !Self.isArabic($0) } + [String(f[2])],
                             arabic: arabic, location: LonLat(lon: lon, lat: lat),
                             kind: PlaceKind(featureClass: f[6], code: f[7], rank: rank),
                             country: String(f[8]), population: population, rank: rank, source: source))
        }
        return out
    }

    /// Label priority from population and GeoNames feature code; the GeoNames import uses it too,
    /// so imported places rank exactly as loaded ones.
    public static func rank(population: Int, code: Substring) -> Int {
        if code == "PPLC" || code == "PPLA" || population >= 200_000 { return 5 }
        if population >= 20_000 || code == "PPLA2" { return 4 }
        if population >= 5_000 { return 3 }
        return code.hasPrefix("PPL") ? 2 : 1
    }

    static func trimmingWhitespace(_ s: Substring) -> String { s.trimmingWhitespace }

    static func isArabic(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
    }

    /// `arabic.tsv`: name, lat, lon, arabic, source_title, source_url. The row applies to the
    /// place of that name nearest to lat/lon (names repeat across the theatre).
    func mergingArabic(_ text: String, file: String) throws -> Gazetteer {
        var names = [Int: String]()
        for (line, f) in tsvRows(text).dropFirst() {
            guard f.count >= 4 else {
                throw DataError(file: file, line: line, "expected name, lat, lon, arabic, source_title, source_url",
                                fix: "separate the columns with tabs")
            }
            let field = DataField(file: file, line: line)
            let lat = try field.double(f[1], "lat", in: -90...90, example: "35.93")
            let lon = try field.double(f[2], "lon", in: -180...180, example: "36.63")
            let near = LonLat(lon: lon, lat: lat)
            guard let i = candidates(String(f[0])).min(by: {
                Geodesic.distanceKm(places[$0].location, near) < Geodesic.distanceKm(places[$1].location, near)
            }), Geodesic.distanceKm(places[i].location, near) < 10 else {
                throw DataError(file: file, line: line, "no place named \"\(f[0])\" within 10 km of \(lat), \(lon)",
                                fix: "use a name or variant from Gazetteer/places.tsv and that place's coordinates")
            }
            names[i] = String(f[3])
        }
        return addingArabic(names)
    }

    // MARK: lookup

    /// The normalised form names are compared by: case and diacritics folded, Arabic
    /// transliteration marks (‘ ’ ʿ ʾ ') dropped, hyphens as spaces, a leading article removed.
    public static func key(_ name: String) -> String {
        // Byte-level fast path for plain ASCII names (most of them); the general path folds
        // Latin diacritics (ā → a, ḩ → h) and keeps other scripts (Arabic) as they are.
        name.utf8.allSatisfy({ $0 < 0x80 }) ? asciiKey(name) : unicodeKey(name)
    }

    /// `key` for any text (the ASCII path must give the same answer; a test compares them).
    static func unicodeKey(_ name: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(name.utf8.count)
        for c in name.unicodeScalars {
            switch c {
            case "'", "‘", "’", "ʿ", "ʾ", "`", "´", ".", "(", ")": continue
            case "-", "_", ",", "/", "\t": scalars.append(" ")
            case "A"..."Z": scalars.append(Unicode.Scalar(UInt8(c.value) | 0x20))
            case _ where c.isASCII: scalars.append(c)
            case _ where arabicBlock.contains(c.value):
                scalars.append(contentsOf: arabicFolds[Int(c.value - arabicBlock.lowerBound)])
            default:
                scalars.append(contentsOf: fold(c))
            }
        }
        // Collapse spaces and drop a leading Arabic article ("al", "el", "as"…).
        var words: [ArraySlice<Unicode.Scalar>] = scalars.split(separator: " ")
        if words.count > 1, let first = words.first, articles.contains(String(String.UnicodeScalarView(first))) {
            words.removeFirst()
        }
        var out = String.UnicodeScalarView()
        for (i, w) in words.enumerated() {
            if i > 0 { out.append(" ") }
            out.append(contentsOf: w)
        }
        return String(out)
    }

    /// One non-ASCII scalar folded: the first scalar of its canonical decomposition (ā → a),
    /// lower-cased.
    static func fold(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? c
        if base.isASCII {
            return [base.properties.isUppercase ? Unicode.Scalar(UInt8(base.value) | 0x20) : base]
        }
        return Array(base.properties.lowercaseMapping.unicodeScalars)
    }

    /// `fold` of every scalar of the Arabic block, computed once: most non-ASCII names are
    /// Arabic, and Foundation's decomposition per scalar was most of the gazetteer's load time.
    private static let arabicBlock: ClosedRange<UInt32> = 0x0600...0x06FF
    private static let arabicFolds: [[Unicode.Scalar]] = arabicBlock.map { v in
        Unicode.Scalar(v).map(fold) ?? []
    }

    /// `key` for ASCII text, on bytes: the same folding, without building scalars and strings per word.
    static func asciiKey(_ name: String) -> String {
        // One pass: marks dropped, separators collapsed into one space between words, upper case
        // lowered; where the first word ends is noted, to drop it if it is an article.
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var firstWordEnd: Int?
        var pendingSpace = false
        for b in name.utf8 {
            var c = b
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "\t"), 0x20:
                pendingSpace = true
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): c = b | 0x20
            default: break
            }
            if pendingSpace, !out.isEmpty {
                if firstWordEnd == nil { firstWordEnd = out.count }
                out.append(0x20)
            }
            pendingSpace = false
            out.append(c)
        }
        if let end = firstWordEnd, asciiArticles.contains(Array(out[..<end])) { out.removeSubrange(...end) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let asciiArticles: Set<[UInt8]> = Set(articles.map { Array($0.utf8) })

    private static let articles: Set<String> = ["al", "el", "ad", "ar", "as", "at", "an", "az", "ash"]

    func candidates(_ name: String) -> [Int] { byKey[Self.key(name)] ?? [] }

    public func place(id: Int) -> Place? { byID[id].map { places[$0] } }

    /// Where the place with this id is in `places`.
    public func index(id: Int) -> Int? { byID[id] }

    /// Every place a name can mean, most important first.
    public func matches(_ name: String) -> [Place] {
        candidates(name).map { places[$0] }.sorted { ($0.rank, $0.population, -$0.id) > ($1.rank, $1.population, -$1.id) }
    }

    /// The place a name means: the most important of its matches.
    public func resolve(_ name: String) -> Place? { matches(name).first }

    /// The place a name means near a point (for names that repeat across the theatre).
    public func resolve(_ name: String, near: LonLat) -> Place? {
        matches(name).min { Geodesic.distanceKm($0.location, near) < Geodesic.distanceKm($1.location, near) }
    }

    /// The place a data file names, or an error naming the file and line with the nearest names.
    public func resolve(_ name: String, file: String, line: Int?) throws -> Place {
        if let p = resolve(name) { return p }
        throw DataError(file: file, line: line, "unknown place \"\(name)\"" + didYouMean(name),
                        fix: "use a name or variant from Gazetteer/places.tsv, or add the place there")
    }

    /// ` (did you mean "Town"?)`, or nothing when no name is close.
    public func didYouMean(_ name: String) -> String {
        suggestions(for: name).first.map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Names close to an unknown one, for "did you mean …".
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        let k = Array(Self.key(name))
        guard !k.isEmpty else { return [] }
        var scored: [(Int, Int, String)] = []
        for (key, idx) in byKey {
            let d = editDistance(k, Array(key), bound: max(2, k.count / 3))
            guard d <= max(2, k.count / 3) else { continue }
            for i in idx { scored.append((d, -places[i].rank, places[i].name)) }
        }
        var out: [String] = []
        for s in scored.sorted(by: { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }) where !out.contains(s.2) {
            out.append(s.2)
            if out.count == limit { break }
        }
        return out
    }
}

/// Levenshtein distance, giving up (returning bound + 1) once it must exceed `bound`.
func editDistance(_ a: [Character], _ b: [Character], bound: Int) -> Int {
    if abs(a.count - b.count) > bound { return bound + 1 }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(1, a.count) where !a.isEmpty {
        cur[0] = i
        var rowMin = cur[0]
        for j in 1...max(1, b.count) where !b.isEmpty {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > bound { return bound + 1 }
        swap(&prev, &cur)
    }
    return a.isEmpty ? b.count : prev[b.count]
}
