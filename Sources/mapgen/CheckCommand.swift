import ArgumentParser
import Foundation
import Geo
import Render
import Situation

/// `mapgen check`: loads everything a map needs and says whether it is sound, in one line.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the data: load the gazetteer, reports, control claims and basemap, and say what is wrong.",
        discussion: """
        Reads every file a map needs (Gazetteer/places.tsv, arabic.tsv, sites.tsv, highways.tsv, \
        basemap/*.geojson, Reports/events.yaml, control.tsv, areas.tsv, the style and event kinds \
        files, the layer lists) with the same checks a map run applies, and prints one line: what was loaded, or the first problem with its file, \
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
            print("ok: \(count(t.gazetteer.places.count)) places, \(count(t.posts.count)) posts, "
                + "\(count(t.events.count)) events, \(count(t.controlClaimRows)) control claims, "
                + "\(count(t.areaClaimRows)) area claims, basemap \(t.basemapFiles) layers")
        }
    }
}
