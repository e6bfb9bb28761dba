import ArgumentParser
import Foundation
import Geo
import Situation

/// `--from`/`--to` of the commands that cover a range of dates (series, web, report): one
/// declaration, one help text, one validation.
struct DateRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First date, YYYY-MM-DD.", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("Last date, YYYY-MM-DD.", valueName: "date"))
    var to: Day

    /// Every date of the range, or every `every`-th from --from.
    func days(every: Int = 1) -> [Day] { stride(from: 0, through: to.days(since: from), by: every).map { from.adding(days: $0) } }

    func validate() throws {
        if from > to { throw ValidationError("--from (\(from)) is after --to (\(to)): give the earlier day to --from") }
        let span = to.days(since: from) + 1
        if span > Limits.reportDays {
            throw ValidationError("--from \(from) --to \(to) spans \(span) days: a range covers at most \(Limits.reportDays); split it into shorter ranges")
        }
    }
}

/// `--window`: the days of reports, ending on a map's date, whose events are drawn (map, series,
/// web, export). Without it, the theatre's `dates: window_days`.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Days of reports, ending on each map's date, whose movements and strikes are drawn (1–31; default: the theatre's window_days).", valueName: "days"))
    var window: Int?

    func validate() throws {
        if let window, !Limits.windowDays.contains(window) {
            throw ValidationError("--window \(window): give between \(Limits.windowDays.lowerBound) and \(Limits.windowDays.upperBound) days")
        }
    }

    func days(_ theatre: TheatreDescription) -> Int { window ?? theatre.dates.windowDays }
}

/// The help of `--date` where it may be left out: the theatre's default date, read from the
/// default theatre's theatre.yaml in the current folder when there is one (help is printed
/// before any option is read, so another --data or --theatre cannot be known here).
enum DefaultDateHelp {
    static func text(_ what: String) -> ArgumentHelp {
        var note = "default: the theatre's default date"
        if let d = rootDefault {
            let id = TheatreCatalog(base: URL(fileURLWithPath: ".")).rootID.map { " for \($0)" } ?? ""
            note += " (\(d)\(id), the theatre in this folder)"
        } else {
            note += " (theatre.yaml dates: default)"
        }
        return ArgumentHelp("\(what), YYYY-MM-DD; \(note).", valueName: "date")
    }

    static var rootDefault: String? {
        guard let text = try? String(contentsOfFile: TheatreDescription.fileName, encoding: .utf8) else { return nil }
        var inDates = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("dates:") { inDates = true; continue }
            if inDates, let r = line.range(of: "default:") {
                return line[r.upperBound...].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
            }
            if inDates, let c = line.first, c != " ", c != "#" { inDates = false }
        }
        return nil
    }
}

extension DataOptions {
    /// The chosen theatre's description, for the defaults of options left out.
    func description() throws -> TheatreDescription { try TheatreDescription.load(folder: root) }
}
