import ArgumentParser
import Foundation
import Geo
import Situation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Zones and proximity on a date: control areas, front line, posts, rings.",
        discussion: """
        Computes with GEOS in a metric projection: each side's area (km²), the front line (km), \
        the 2018 de-escalation zone (approximate: convex hull of the twelve original posts), and for \
        every site (e.g. observation post) active on the date its distance to the ground of the side \
        that threatens it and to the front line, whether it is encircled by computation (inside that \
        side's area, or cut off from the theatre's way out) beside what sources report, and the towns \
        within 5 km. The sides and rules come from the theatre's theatre.yaml.

        Examples:
          mapgen analyze --date 2020-02-08
          mapgen analyze --date 2020-02-08 --json
          mapgen analyze --date 2020-02-08 --geojson Output/2020-02-08.geojson --buffer "Town name:10"
          mapgen analyze --date 2020-02-08 --geojson - > zones.geojson

        The GeoJSON's control areas and front line are cut to the map view, the same ground their \
        area_km2_in_view and length_km_in_view figures measure.
        """)

    @Option(help: DefaultDateHelp.text("The date"))
    var date: Day?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Also write every geometry as GeoJSON (RFC 7946, lon/lat) to this file; - for standard output (instead of the table).", valueName: "file"))
    var geojson: String?

    @Option(help: ArgumentHelp("A ring to report: PLACE:KM (repeatable, KM 0.1–200), e.g. \"Town name:10\".", valueName: "place:km"))
    var buffer: [String] = []

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        _ = try buffer.map(BufferRequest.init)
        if let geojson {
            if geojson.isEmpty { throw ValidationError("--geojson needs a file name, or - for standard output") }
            if geojson == "-" && json { throw ValidationError("--geojson - and --json both want standard output: write the GeoJSON to a file instead") }
            if geojson.hasSuffix("/") { throw ValidationError("--geojson \(geojson) names a folder: give a file name, e.g. \(geojson)\(date.map { "\($0)" } ?? "zones").geojson") }
        }
    }

    func run() throws {
        let requests = try buffer.map(BufferRequest.init)
        try reportingErrors {
            let file = try geojson.flatMap { g -> URL? in
                guard g != "-" else { return nil }
                let url = URL(fileURLWithPath: g)
                try checkOutputs([url], option: "--geojson")
                return url
            }
            let description = try dataOptions.description()
            let date = self.date ?? description.dates.default
            let theatre = try Theatre.load(description, showing: DayWindow(last: date, days: 3))
            theatre.warnIfAfterData(date, option: "--date")
            let rings = try requests.map { try $0.resolve(in: theatre.gazetteer) }
            let situation = try Situation(at: date, in: theatre, windowDays: 3)
            let analysis = try Analysis(situation: situation, rings: rings)
            if geojson == "-" {
                print(try analysis.geoJSON(), terminator: "")
                return
            }
            if let file {
                let text = try analysis.geoJSON()
                try naming("--geojson") { try AtomicFile.write(Data(text.utf8), to: file) }
                FileHandle.standardError.write(Data("wrote \(file.relativeDisplay)\n".utf8))
            }
            print(json ? analysis.json.encoded(indent: 2) : analysis.table, terminator: json ? "\n" : "")
        }
    }
}

