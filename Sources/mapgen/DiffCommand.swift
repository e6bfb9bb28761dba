import ArgumentParser
import Foundation
import Geo
import Render
import Situation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two dates: a change map and a change list.",
        discussion: """
        Writes OUT/FROM_TO-diff.svg and .png (the TO state faded, ground that changed hands hatched, \
        new posts, convoys and strikes of the interval highlighted) and prints the change list: \
        territory gained and lost per side in km² (GEOS differences of the control areas), towns that \
        changed hands with dates and sources, posts set up, newly encircled or relieved, what was \
        reported in between, and claims that conflict. Markdown by default, --json for machines.

        Example:
          mapgen diff 2020-02-06 2020-02-09
        """)

    @Argument(help: ArgumentHelp("The earlier date, YYYY-MM-DD.", valueName: "from"))
    var from: Day

    @Argument(help: ArgumentHelp("The later date, YYYY-MM-DD.", valueName: "to"))
    var to: Day

    @Flag(help: "Print the change list as JSON instead of Markdown.")
    var json = false

    @Option(help: ArgumentHelp("Output folder for the change map.", valueName: "dir"))
    var out: String = "Output"

    @Option(help: ArgumentHelp("Comma-separated map formats: svg, png (empty: no map).", valueName: "list"))
    var format: String = "svg,png"

    @Option(help: ArgumentHelp("Image size as WIDTHxHEIGHT or a preset (web, hd, social, square, slide).", valueName: "WxH|preset"))
    var size: String = "1600x1200"

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if from > to {
            throw ValidationError("FROM (\(from)) is after TO (\(to)); write the earlier date first: mapgen diff \(to) \(from)")
        }
        _ = try parseFormats(format)
        _ = try parseSize(size)
    }

    func run() throws {
        let formats = try parseFormats(format)
        let px = try parseSize(size)
        try reportingErrors {
            var outputs: [(MapFormat, URL)] = []
            if !formats.isEmpty {
                let dir = try prepareOutputFolder(out)
                outputs = formats.map { f in (f, dir.appendingPathComponent("\(from)_\(to)-diff.\(f.rawValue)")) }
                try checkOutputs(outputs.map(\.1), option: "--out")
            }
            // Only what the two dates show: the claims that decide FROM's holders and everything dated up to TO.
            let theatre = try Theatre.load(from: dataOptions.root, showing: DayWindow(last: to, days: to.days(since: from) + 1))
            theatre.warnIfAfterData(to, option: "TO")
            let diff = try SituationDiff(from: from, to: to, in: theatre)
            if !outputs.isEmpty {
                try naming("--out") { try MapDocument(diff: diff, width: px.0, height: px.1).write(outputs) }
                for (_, url) in outputs { FileHandle.standardError.write(Data("wrote \(url.relativeDisplay)\n".utf8)) }
            }
            print(json ? diff.json.encoded(indent: 2) : diff.markdown, terminator: json ? "\n" : "")
        }
    }
}
