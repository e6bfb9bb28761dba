import ArgumentParser
import Foundation
import Geo
import Geoparse
import Ingest
import Render
import Situation

/// `mapgen check`: loads everything a map needs and says whether it is sound, in one line.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the data: load the gazetteer, reports, control claims and basemap, and say what is wrong.",
        discussion: """
        Reads every file a map needs (Gazetteer/places.tsv, arabic.tsv, sites.tsv, highways.tsv, \
        basemap/*.geojson, Reports/events.yaml, control.tsv, areas.tsv, the style and event kinds files, the layer lists) with the same checks a map \
        run applies, and, when the theatre has a Reading/ folder, what geoparse and ingest read (the \
        gazetteer's name tables, Lexicon/ with the theatre's Reading/ files; every party in \
        Reading/parties.tsv must hold for a side of theatre.yaml); prints one line: what was loaded, or the first problem with its file, \
        line and fix (exit status 1). Run it after editing the data.

        Example:
          mapgen check
          mapgen check --data ../my-theatre
        """)

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        try reportingErrors {
            let t = try Theatre.load(from: dataOptions.root)
            try MapDocument.validate(t)
            let count = { (n: Int) in n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }
            let reading = try checkReading(sides: t.sides.map(\.id))
            print("ok: \(count(t.gazetteer.places.count)) places, \(count(t.posts.count)) posts, "
                + "\(count(t.events.count)) events, \(count(t.controlClaimRows)) control claims, "
                + "\(count(t.areaClaimRows)) area claims, basemap \(t.basemapFiles) layers" + reading)
        }
    }

    /// What reading text needs, when the theatre has a Reading/ folder: "" when it has none.
    func checkReading(sides: [String]) throws -> String {
        let reading = dataOptions.root.appendingPathComponent("Reading")
        guard FileManager.default.fileExists(atPath: reading.path) else { return "" }
        let lexicon = try Lexicon.load(directory: dataOptions.base.appendingPathComponent("Lexicon"), theatre: reading)
        _ = try Provinces.load(directory: reading)
        for p in lexicon.parties.parties {
            if let h = p.holds, !sides.contains(h) {
                throw DataError(file: reading.appendingPathComponent("parties.tsv").relativeDisplay,
                                "party \(p.id) holds for \"\(h)\", which is not a side of theatre.yaml",
                                fix: "use one of: \(sides.joined(separator: ", ")), or leave holds empty")
            }
        }
        _ = try Geoparser.load(dataRoot: dataOptions.root)
        return ", reading: \(lexicon.parties.parties.count) parties"
    }
}
