import Foundation
import Geo

/// `mapgen gazetteer import FILE`: a GeoNames dump (a country file such as SY.txt, or
/// cities1000.txt; 19 tab-separated columns) and optionally alternateNamesV2.txt into
/// `Gazetteer/places.tsv`. The theatre's own rows win: a place already there keeps its name,
/// coordinates, source and rank (the project's corrections) and only gains the dump's spelling
/// variants; places not there are appended. Filtered by feature class and a view box. All or
/// nothing: a bad row refuses the whole import with file:line.
public enum GeoNamesImport {
    public struct Filter: Sendable {
        /// GeoNames feature classes to keep (P populated places, A admin areas, S spots, T hypsography, …); empty keeps all.
        public var classes: Set<String>
        /// west, south, east, north in degrees; nil keeps all.
        public var box: (west: Double, south: Double, east: Double, north: Double)?

        public init(classes: Set<String> = [], box: (west: Double, south: Double, east: Double, north: Double)? = nil) {
            self.classes = classes; self.box = box
        }

        func keeps(featureClass: Substring, lat: Double, lon: Double) -> Bool {
            if !classes.isEmpty && !classes.contains(String(featureClass)) { return false }
            if let b = box, !(lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north) { return false }
            return true
        }
    }

    public struct Summary: Equatable, Sendable {
        public let read: Int, kept: Int, added: Int, variantsAdded: Int
        public init(read: Int, kept: Int, added: Int, variantsAdded: Int) {
            self.read = read; self.kept = kept; self.added = added; self.variantsAdded = variantsAdded
        }
    }

    /// Alternate names that are codes or links, not names.
    static let notNames: Set<String> = ["link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "fr_1793"]

    /// Names by geonameid from alternateNamesV2.txt, for the ids asked for.
    static func alternateNames(_ text: String, file: String, ids: Set<Int>) throws -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        for (line, f) in tsvRows(text) {
            guard f.count >= 4, let id = Int(f[1]) else {
                throw DataError(file: file, line: line, "expected alternateNameId, geonameid, isolanguage, name, …",
                                fix: "use GeoNames' alternateNamesV2.txt (tab-separated)")
            }
            guard ids.contains(id), !notNames.contains(String(f[2])) else { continue }
            let historic = f.count > 7 && f[7] == "1"
            if historic { continue }
            out[id, default: []].append(String(f[3]))
        }
        return out
    }

    /// Merges names into a comma-separated alternatenames field, keeping the existing order and
    /// adding only new ones (commas in names would split them, so those are left out).
    static func merge(_ field: Substring, adding names: [String]) -> (String, Int) {
        var list = field.split(separator: ",").map(String.init)
        var seen = Set(list)
        var added = 0
        for n in names where !n.isEmpty && !n.contains(",") && !n.contains("\t") && seen.insert(n).inserted {
            list.append(n)
            added += 1
        }
        return (list.joined(separator: ","), added)
    }

    public static func run(dump: URL, alternates: URL?, filter: Filter, gazetteerDirectory: URL) throws -> Summary {
        let dumpFile = dump.relativeDisplay
        let dumpRows = tsvRows(try readText(dump))
        var incoming: [Int: [Substring]] = [:]
        var order: [Int] = []
        for (line, f) in dumpRows {
            guard f.count >= 19 else {
                throw DataError(file: dumpFile, line: line, "expected 19 GeoNames columns, found \(f.count)",
                                fix: "use a GeoNames dump (SY.txt, cities1000.txt), tab-separated")
            }
            guard let id = Int(f[0]) else {
                throw DataError(file: dumpFile, line: line, "column 1 (geonameid): \"\(f[0])\" is not a number", fix: "a GeoNames id")
            }
            guard let lat = Double(f[4]), (-90...90).contains(lat) else {
                throw DataError(file: dumpFile, line: line, "column 5 (latitude): \"\(f[4])\" is out of range", fix: "degrees, -90 to 90")
            }
            guard let lon = Double(f[5]), (-180...180).contains(lon) else {
                throw DataError(file: dumpFile, line: line, "column 6 (longitude): \"\(f[5])\" is out of range", fix: "degrees, -180 to 180")
            }
            guard filter.keeps(featureClass: f[6], lat: lat, lon: lon) else { continue }
            if incoming.updateValue(f, forKey: id) == nil { order.append(id) }
        }
        var names: [Int: [String]] = [:]
        if let alternates {
            names = try alternateNames(readText(alternates), file: alternates.relativeDisplay, ids: Set(order))
        }

        let placesURL = gazetteerDirectory.appendingPathComponent("places.tsv")
        let existingText = try readText(placesURL)
        var lines = existingText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var variantsAdded = 0
        var present = Set<Int>()
        for (i, l) in lines.enumerated() where !l.hasPrefix("#") && !l.isEmpty {
            var f = l.split(separator: "\t", omittingEmptySubsequences: false)
            guard let id = Int(f[0]) else { continue }
            present.insert(id)
            guard let g = incoming[id], f.count > 3 else { continue }
            // The theatre's row stays; it gains the dump's spellings (its name, ascii name, variants).
            // (The row's own name and ASCII name are not variants of it.)
            let own: Set<String> = [String(f[1]), String(f[2])]
            let (merged, n) = merge(f[3], adding: ([String(g[1]), String(g[2])] + g[3].split(separator: ",").map(String.init)
                                        + (names[id] ?? [])).filter { !own.contains($0) })
            if n > 0 {
                f[3] = Substring(merged)
                lines[i] = f.joined(separator: "\t")
                variantsAdded += n
            }
        }
        var added = 0
        for id in order.sorted() where !present.contains(id) {
            guard var f = incoming[id] else { continue }
            let (merged, _) = merge(f[3], adding: names[id] ?? [])
            f[3] = Substring(merged)
            let population = Int(f[14]) ?? 0
            lines.append((f.prefix(19).map(String.init) + ["GeoNames \(id)", String(Gazetteer.rank(population: population, code: f[7]))])
                .joined(separator: "\t"))
            added += 1
        }
        let text = lines.joined(separator: "\n") + "\n"
        // Check the result loads before replacing the gazetteer.
        _ = try Gazetteer.parsePlaces(text, file: placesURL.relativeDisplay)
        if text != existingText { try AtomicFile.write(Data(text.utf8), to: placesURL) }
        return Summary(read: dumpRows.count, kept: order.count, added: added, variantsAdded: variantsAdded)
    }
}
