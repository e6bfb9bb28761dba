import ArgumentParser
import Foundation
import Geo
import Situation

/// `--buffer PLACE:KM`, e.g. `Idlib:10` or `"Kafr Lusin:15"`.
struct BufferRequest: ExpressibleByArgument {
    let place: String
    let km: Double

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let km = Double(argument[argument.index(after: colon)...]), km > 0
        else { return nil }
        place = String(argument[..<colon]).trimmingCharacters(in: .whitespaces)
        self.km = km
        if place.isEmpty { return nil }
    }

    static var defaultCompletionKind: CompletionKind { .default }

    func resolve(in gazetteer: Gazetteer) throws -> (Place, Double) {
        guard let p = gazetteer.resolve(place) else {
            throw ValidationError("--buffer: unknown place \"\(place)\"" + gazetteer.didYouMean(place))
        }
        return (p, km)
    }
}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Zones and proximity on a date: control areas, front line, posts, rings.",
        discussion: """
        Computes with GEOS in a metric projection: each side's area (km²), the front line (km), \
        the 2018 de-escalation zone (approximate: convex hull of the twelve original posts), and for \
        every post active on the date its distance to the government-held area and to the front \
        line, whether it is encircled by computation (inside the government area, or cut off from \
        the Turkish border) beside what sources report, and the towns within 5 km.

        Examples:
          mapgen analyze --date 2020-02-08
          mapgen analyze --date 2020-02-08 --json
          mapgen analyze --date 2020-02-08 --geojson Output/2020-02-08.geojson --buffer Idlib:10
        """)

    @Option(help: ArgumentHelp("The date, YYYY-MM-DD.", valueName: "date"))
    var date: Day

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Also write every geometry as GeoJSON (RFC 7946, lon/lat) to this file.", valueName: "file"))
    var geojson: String?

    @Option(help: ArgumentHelp("A ring to report: PLACE:KM (repeatable), e.g. Idlib:10.", valueName: "place:km"))
    var buffer: [BufferRequest] = []

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        try reportingErrors {
            let theatre = try Theatre.load(from: dataOptions.root)
            let rings = try buffer.map { try $0.resolve(in: theatre.gazetteer) }
            let situation = try Situation(at: date, in: theatre)
            let analysis = try Analysis(situation: situation, rings: rings)
            if let geojson {
                let url = URL(fileURLWithPath: geojson)
                try AtomicFile.write(Data(analysis.geoJSON().utf8), to: url)
                FileHandle.standardError.write(Data("wrote \(url.relativeDisplay)\n".utf8))
            }
            print(json ? analysis.json.encoded(indent: 2) : analysis.table, terminator: json ? "\n" : "")
        }
    }
}

