import ArgumentParser
import Foundation
import Geo
import Geoparse
import Situation

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Show what the gazetteer resolves place names to.",
        discussion: """
        Uses the geoparser's matcher: spelling variants listed in places.tsv, case, diacritics, \
        articles, names in the other scripts and languages the gazetteer holds; also provinces, \
        countries, sites and roads. An unknown name gets the nearest candidates and the command \
        exits with status 1. With - as a name, names are read from standard input, one per line, and \
        --json prints one JSON object per line (for batch use, e.g. tools/build_control.py).
        """)

    @Argument(help: "Place names as reports write them (- reads them from standard input).")
    var names: [String]

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// For tools/build_control.py: also answer spellings up to 1 beyond the usual distance,
    /// marked "close": false, for the caller to check against dates and neighbouring places.
    @Flag(name: .customLong("near-misses"), help: .hidden)
    var nearMisses = false

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let parser = try reportingErrors { try Geoparser.load(dataRoot: dataOptions.root) }
        let batch = names.contains("-")
        var queries: [String] = []
        for n in names {
            if n == "-" {
                let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                queries += input.split(whereSeparator: \.isNewline).map(String.init)
            } else {
                queries.append(n)
            }
        }
        var unknown = 0
        var rows: [[String: Any]] = []
        for name in queries {
            var row: [String: Any]
            if let r = parser.resolve(name: name, slack: nearMisses ? 1 : 0), r.close || nearMisses {
                let p = r.place
                row = ["query": name, "found": true, "name": p.name, "id": Int(p.id) ?? p.id as Any,
                       "lat": p.lat, "lon": p.lon, "kind": p.kind, "country": r.country, "source": r.source,
                       "match": r.match.rawValue, "confidence": r.confidence, "close": r.close]
                if r.match == .spelling { row["distance"] = r.distance; row["key_consonants"] = r.keyConsonants }
                if let ar = r.arabic { row["arabic"] = ar }
                if !r.alternatives.isEmpty {
                    row["also"] = r.alternatives.map { "\($0.name) (\($0.id))" }
                    row["candidates"] = ([p] + r.alternatives).map {
                        ["id": Int($0.id) ?? $0.id as Any, "name": $0.name, "kind": $0.kind, "lat": $0.lat, "lon": $0.lon]
                    }
                }
                if !json {
                    let also = r.alternatives.isEmpty ? "" : "  [\(r.alternatives.count) other place(s) share this name]"
                    let how = r.match == .exact ? "" : "  (\(r.match.rawValue) match\(r.match == .spelling ? String(format: ", distance %.2f", r.distance) : ""))"
                    print(String(format: "%@ → %@%@  %.5f N %.5f E  %@  id %@  source: %@%@%@", name, p.name,
                                 r.arabic.map { " (\($0))" } ?? "", p.lat, p.lon, p.kind, p.id, r.source, also, how))
                }
            } else {
                unknown += 1
                let s = parser.suggestions(for: name)
                row = ["query": name, "found": false, "did_you_mean": s]
                if !json {
                    print("\(name): not in the gazetteer" + (s.isEmpty ? "" : " (did you mean \(s.map { "\"\($0)\"" }.joined(separator: ", "))?)"))
                }
            }
            if json && batch {
                let data = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            } else {
                rows.append(row)
            }
        }
        if json && !batch {
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        // In batch mode unknown names are answers, not errors.
        if unknown > 0 && !batch { throw ExitCode(1) }
    }
}
