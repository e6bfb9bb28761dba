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
        it, named report-FROM_TO-DAY.png and report-FROM_TO-changes.png): a map per day (ranges of up to \(Report.mapsPerDayLimit) days) and the range's change map, \
        the events of each day with outlets and whom they cite, the posts' proximity table, and the \
        claims that conflict. A range covers at most \(Limits.reportDays) days.

        Example:
          mapgen report --from 2020-02-06 --to 2020-02-09
        """)

    @OptionGroup var range: DateRangeOptions
    var from: Day { range.from }
    var to: Day { range.to }

    @Option(help: ArgumentHelp("html or md.", valueName: "format"))
    var format: String = "html"

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "Output"

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        _ = try reportFormat
    }

    var reportFormat: Report.Format {
        get throws {
            guard let f = Report.Format(rawValue: format) else { throw ValidationError("--format \"\(format)\": a report is html or md") }
            return f
        }
    }

    func run() throws {
        let format = try reportFormat
        try reportingErrors {
            let dir = try prepareOutputFolder(out)
            // The report's days (one-day windows) and the diff over them: the store's slice of the range.
            let range = DayWindow(last: to, days: to.days(since: from) + 1)
            let report = Report(theatre: try Theatre.load(from: dataOptions.root, showing: range), from: from, to: to)
            try checkOutputs(report.fileNames(format).map { dir.appendingPathComponent($0) }, option: "--out")
            if let last = report.theatre.lastReportedDay, from > last {
                throw ValidationError("--from \(from) is after the last reported day (\(last)): choose a range that ends by then")
            }
            report.theatre.warnIfAfterData(to, option: "--to")
            let url = try naming("--out") {
                try report.write(format, into: dir) { step in FileHandle.standardError.write(Data("\(step)\n".utf8)) }
            }
            print("wrote \(url.relativeDisplay)")
        }
    }
}
