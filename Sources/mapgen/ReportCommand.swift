import ArgumentParser
import Foundation
import Geo
import Render
import Situation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained report over a date range (HTML or Markdown).",
        discussion: """
        Writes OUT/report-FROM_TO.html (maps inlined, opens anywhere) or .md (maps as PNG files beside \
        it): a map per day (ranges of up to \(Report.mapsPerDayLimit) days) and the range's change map, \
        the events of each day with outlets and whom they cite, the posts' proximity table, and the \
        claims that conflict.

        Example:
          mapgen report --from 2020-02-06 --to 2020-02-09
        """)

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD.", valueName: "date"))
    var to: Day

    @Option(help: ArgumentHelp("html or md.", valueName: "format"))
    var format: String = "html"

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "Output"

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard Report.Format(rawValue: format) != nil else { throw ValidationError("--format is html or md") }
        if from > to { throw ValidationError("--from (\(from)) is after --to (\(to))") }
    }

    func run() throws {
        try reportingErrors {
            let theatre = try Theatre.load(from: dataOptions.root)
            let url = try Report(theatre: theatre, from: from, to: to)
                .write(Report.Format(rawValue: format)!, into: URL(fileURLWithPath: out, isDirectory: true)) { step in
                    FileHandle.standardError.write(Data("\(step)\n".utf8))
                }
            print("wrote \(url.relativeDisplay)")
        }
    }
}
