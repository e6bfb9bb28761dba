import Foundation
import Geo
@testable import Geoparse

/// Scores the geoparser against gold annotations (file, place_as_written, canonical_name, kind,
/// offset, lat, lon): a gold mention is *found* when a reported mention overlaps it and names
/// the right place (within 3 km; the right province or country; the right road), *wrong* when
/// the overlapping mention names another place; a reported mention overlapping no gold one is
/// *false*. Article texts are not in the repository: missing texts are skipped and counted.
struct DevSetScore {
    struct Gold { let file: String; let written: String; let canonical: String; let kind: String; let start: Int; let end: Int; let lat: Double?; let lon: Double? }
    struct Tally: CustomStringConvertible {
        var gold = 0, found = 0, wrong = 0, reported = 0, falseMentions = 0, files = 0
        var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
        var wrongRate: Double { gold == 0 ? 0 : Double(wrong) / Double(gold) }
        var falseRate: Double { reported == 0 ? 0 : Double(falseMentions) / Double(reported) }
        var description: String {
            String(format: "%2d files, %4d gold: found+right %5.1f %%, wrong place %4.1f %%, false mentions %4.1f %% (%d of %d reported)",
                   files, gold, recall * 100, wrongRate * 100, falseRate * 100, falseMentions, reported)
        }
        mutating func add(_ o: Tally) {
            gold += o.gold; found += o.found; wrong += o.wrong; reported += o.reported; falseMentions += o.falseMentions; files += o.files
        }
    }

    var perLanguage: [String: Tally] = [:]
    var skipped: [String] = []
    var failures: [String] = []

    static func readGold(_ url: URL) throws -> [Gold] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [Gold] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 7, let off = Int(f[4]) else { continue }
            out.append(Gold(file: f[0], written: f[1], canonical: f[2], kind: f[3], start: off,
                            end: off + f[1].unicodeScalars.count, lat: Double(f[5]), lon: Double(f[6])))
        }
        return out
    }

    static func isRight(_ m: PlaceMention, _ g: Gold) -> Bool {
        if g.kind == "road" { return m.place.id == g.canonical || m.place.name == g.canonical }
        if let lat = g.lat, let lon = g.lon,
           Geodesic.distanceKm(LonLat(lon: lon, lat: lat), LonLat(lon: m.place.lon, lat: m.place.lat)) <= 3 {
            return true
        }
        // A capital or country by its name (sources differ on a capital's coordinates by a few km).
        if ["capital", "country"].contains(g.kind), Fold.nameKey(m.place.name) == Fold.nameKey(g.canonical) { return true }
        if ["country", "province", "region"].contains(g.kind), ["country", "province"].contains(m.place.kind) {
            return Fold.nameKey(m.place.name).hasPrefix(Fold.nameKey(g.canonical))
        }
        return false
    }

    /// `texts` finds an article's text by file name; `lang` its language.
    mutating func score(gold: [Gold], parser: Geoparser, texts: (String) -> String?, lang: (String) -> String) {
        let byFile = Dictionary(grouping: gold, by: \.file)
        for file in byFile.keys.sorted() {
            guard let text = texts(file) else { skipped.append(file); continue }
            let golds = byFile[file] ?? []
            let l = lang(file)
            let mentions = parser.mentions(in: text, language: TextLanguage(rawValue: l))
            var t = Tally(files: 1)
            t.gold = golds.count
            t.reported = mentions.count
            for g in golds {
                let over = mentions.filter { $0.start < g.end && g.start < $0.end }
                if over.contains(where: { Self.isRight($0, g) }) { t.found += 1 } else if let m = over.first {
                    t.wrong += 1
                    failures.append("\(file)@\(g.start) \(g.written) [\(g.canonical)]: WRONG → \(m.place.name) (\(m.place.id), \(m.place.kind))")
                } else {
                    failures.append("\(file)@\(g.start) \(g.written) [\(g.canonical), \(g.kind)]: missed")
                }
            }
            for m in mentions where !golds.contains(where: { m.start < $0.end && $0.start < m.end }) {
                t.falseMentions += 1
                failures.append("\(file)@\(m.start) \(m.text): FALSE → \(m.place.name) (\(m.place.id), \(m.place.kind))")
            }
            perLanguage[l, default: Tally()].add(t)
        }
    }
}
