import ArgumentParser
import Foundation
import Geo
import Situation

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Show what the gazetteer resolves place names to.",
        discussion: """
        Spelling variants listed in places.tsv, case and diacritics do not matter. \
        An unknown name gets the nearest candidates and the command exits with status 1.
        """)

    @Argument(help: "Place names as reports write them.")
    var names: [String]

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let gazetteer = try reportingErrors {
            try Gazetteer.load(directory: dataOptions.root.appendingPathComponent("Gazetteer"))
        }
        var unknown = 0
        var rows: [[String: Any]] = []
        for name in names {
            let matches = gazetteer.matches(name)
            guard let p = matches.first else {
                unknown += 1
                let s = gazetteer.suggestions(for: name)
                rows.append(["query": name, "found": false, "did_you_mean": s])
                if !json {
                    print("\(name): not in the gazetteer" + (s.isEmpty ? "" : " (did you mean \(s.map { "\"\($0)\"" }.joined(separator: ", "))?)"))
                }
                continue
            }
            var row: [String: Any] = ["query": name, "found": true, "name": p.name, "id": p.id,
                                      "lat": p.location.lat, "lon": p.location.lon, "kind": p.kind.rawValue,
                                      "country": p.country, "source": p.source]
            if let ar = p.arabic { row["arabic"] = ar }
            if matches.count > 1 { row["also"] = matches.dropFirst().map { "\($0.name) (\($0.id))" } }
            rows.append(row)
            if !json {
                let also = matches.count > 1 ? "  [\(matches.count - 1) other place(s) share this name]" : ""
                print(String(format: "%@ → %@%@  %.5f N %.5f E  %@  id %d  source: %@%@", name, p.name,
                             p.arabic.map { " (\($0))" } ?? "", p.location.lat, p.location.lon, p.kind.rawValue,
                             p.id, p.source, also))
            }
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        if unknown > 0 { throw ExitCode(1) }
    }
}
