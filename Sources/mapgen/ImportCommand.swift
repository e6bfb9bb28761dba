import ArgumentParser
import Exchange
import Foundation
import Geo

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a dataset into the data folder (ACLED events).",
        subcommands: [ImportACLED.self])
}

struct ImportACLED: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acled",
        abstract: "Import an ACLED CSV export into Reports/acled.tsv (all or nothing; re-imports replace by event_id_cnty).",
        discussion: """
        Reads ACLED's export columns (event_id_cnty, event_date, …, fatalities, tags, timestamp). \
        Event types are mapped to mapgen's (Battles → clash, Shelling/artillery → shelling, other \
        Explosions/Remote violence → strike, Violence against civilians → casualties, …); \
        geo_precision 2 and 3 become uncertainty areas of 10 and 25 km; each name in `source` becomes \
        a source; fatalities become a figure. A missing column, a bad date or a coordinate out of \
        range refuses the whole file with file:line:column. Themed theatres (--theatre) are not \
        there yet: --data names the data folder.

        Example:
          mapgen import acled acled-export.csv --data /tmp/mapgen-data
        """)

    @Argument(help: ArgumentHelp("ACLED CSV export.", valueName: "file.csv"))
    var file: String

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        try reportingErrors {
            var clock = Stopwatch()
            let s = try ACLEDImport.run(csv: URL(fileURLWithPath: file), root: dataOptions.root)
            clock.lap("import acled")
            print("\(file): \(s.read) events read; \(s.added) added, \(s.replaced) replaced, \(s.unchanged) unchanged "
                  + "→ \(dataOptions.root.appendingPathComponent("Reports/acled.tsv").relativeDisplay)")
        }
    }
}
