import ArgumentParser
import Foundation
import Geo
import Ingest
import Render
import Situation

extension IngestCommand {
    func runApply(_ file: String) throws {
        try reportingErrors {
            let text = try readText(URL(fileURLWithPath: file))
            let candidates = try CandidateReader.read(text, file: file)
            let result = try ReportsMerge.apply(candidates, dataRoot: dataOptions.root, dryRun: dryRun, candidatesFile: file)
            for line in result.log { print(line) }
            if result.log.isEmpty { print("nothing to add: no candidate kept in \(file)") }
            if dryRun { print("dry run: Reports/ unchanged") }
        }
    }

    /// The review page, with a map of Reports/ as it would be with every candidate applied
    /// (drawn by the map renderer: convoys as arrows, strikes, posts, control).
    func writeReview(_ path: String, articles: [IngestedArticle], candidates: Candidates) throws {
        var png: Data?
        do { png = try reviewMap(candidates) } catch {
            FileHandle.standardError.write(Data("ingest: review page without a map (\(error))\n".utf8))
        }
        let html = ReviewPage.html(articles: articles, mapPNG: png)
        try AtomicFile.write(Data(html.utf8), to: URL(fileURLWithPath: path))
        FileHandle.standardError.write(Data("wrote review page \(path)\n".utf8))
    }

    func reviewMap(_ candidates: Candidates) throws -> Data? {
        guard let last = candidates.events.map(\.date).max() else { return nil }
        let first = candidates.events.map(\.date).filter { last.days(since: $0) <= 6 }.min() ?? last
        let merged = try ReportsMerge.apply(candidates, dataRoot: dataOptions.root, dryRun: true)
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("mapgen-review-\(getpid())")
        defer { try? fm.removeItem(at: scratch) }
        try? fm.removeItem(at: scratch)
        let reports = scratch.appendingPathComponent("Reports")
        try fm.createDirectory(at: reports, withIntermediateDirectories: true)
        let root = dataOptions.root
        try fm.createSymbolicLink(at: scratch.appendingPathComponent("Gazetteer"),
                                  withDestinationURL: root.appendingPathComponent("Gazetteer").standardizedFileURL)
        try fm.createSymbolicLink(at: reports.appendingPathComponent("areas.tsv"),
                                  withDestinationURL: root.appendingPathComponent("Reports/areas.tsv").standardizedFileURL)
        try Data(merged.eventsText.utf8).write(to: reports.appendingPathComponent("events.yaml"))
        try Data(merged.controlText.utf8).write(to: reports.appendingPathComponent("control.tsv"))
        let theatre = try Theatre.load(TheatreDescription.load(folder: root).relocated(to: scratch))
        let situation = try Situation(at: last, in: theatre, windowDays: last.days(since: first) + 1)
        let doc = try MapDocument(situation: situation, width: 1200, height: 900)
        let tmp = scratch.appendingPathComponent("map.png")
        try doc.write(.png, to: tmp)
        return try Data(contentsOf: tmp)
    }
}
