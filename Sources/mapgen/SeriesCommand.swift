import ArgumentParser
import Foundation
import Geo
import Render
import Situation
import Synchronization

struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Maps of many dates in one run, a contact sheet and an animation.",
        discussion: """
        Draws --from, then every --every days up to --to (which is drawn when the step lands on it). \
        Loads the data once, sweeps the control log forward date by date (control areas are \
        recomputed only on days when a place changes side) and draws the maps over all cores. \
        Writes OUT/series-FROM_TO/map-DATE.svg and .png (byte-identical to what 'mapgen map' writes \
        for the same date and window), contact-sheet.png (every date as a thumbnail), and with \
        --animate gif or webp, animation.gif or .webp (same view and furniture in every frame, the date stamped on each).

        Examples:
          mapgen series --from 2020-01-05 --to 2020-03-05
          mapgen series --from 2020-02-01 --to 2020-02-29 --every 2 --animate gif --format png
        """)

    @OptionGroup var range: DateRangeOptions
    var from: Day { range.from }
    var to: Day { range.to }

    @Option(help: ArgumentHelp("Days between maps (1–366).", valueName: "days"))
    var every: Int = 1

    @OptionGroup var windowOptions: WindowOptions

    @Option(help: ArgumentHelp("Comma-separated formats of the maps: svg, png, pdf; \"\" for only the contact sheet and animation.", valueName: "list"))
    var format: String = "svg,png"

    @Option(help: ArgumentHelp("Also write an animation: gif (256 colours, plays everywhere) or webp (full colour, smaller).", valueName: "kind"))
    var animate: String?

    @Option(help: ArgumentHelp("Width of the animation frames in px (200–1600).", valueName: "px"))
    var frameWidth: Int = 800

    @Option(help: ArgumentHelp("How long each frame shows, in hundredths of a second (2–1000).", valueName: "cs"))
    var delay: Int = 50

    @Option(help: ArgumentHelp("Image size as WIDTHxHEIGHT or a preset (web, hd, social, square, slide).", valueName: "WxH|preset"))
    var size: String = "1600x1200"

    @Option(help: ArgumentHelp("Output folder; the series goes into a folder series-FROM_TO inside it.", valueName: "dir"))
    var out: String = "Output"

    @Option(help: ArgumentHelp("Maps drawn at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var dataOptions: DataOptions

    static let thumbnailWidth = 240

    var formats: [MapFormat] { get throws { try parseFormats(format) } }

    var days: [Day] { range.days(every: every) }

    /// The series' folder name: never a name `map` writes.
    var folderName: String { every == 1 ? "series-\(from)_\(to)" : "series-\(from)_\(to)-every-\(every)" }

    func validate() throws {
        guard (1...Limits.reportDays).contains(every) else { throw ValidationError("--every \(every): give between 1 and \(Limits.reportDays) days") }
        if let animate, !["gif", "webp"].contains(animate) {
            throw ValidationError("--animate \"\(animate)\": the animation formats are gif and webp")
        }
        guard (200...1600).contains(frameWidth) else { throw ValidationError("--frame-width \(frameWidth): give between 200 and 1600 px") }
        guard (2...1000).contains(delay) else { throw ValidationError("--delay \(delay): give between 2 and 1000 hundredths of a second") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs \(jobs): give between 1 and 64") }
        _ = try parseSize(size)
        _ = try formats
    }

    func run() throws {
        let (w, h) = try parseSize(size)
        let formats = try formats
        let days = days
        let animate = animate != nil
        try reportingErrors {
            var clock = Stopwatch()
            let dir = try prepareOutputFolder(out).appendingPathComponent(folderName, isDirectory: true)
            let mapFiles = days.map { d in formats.map { f in (f, dir.appendingPathComponent("map-\(d).\(f.rawValue)")) } }
            let sheetURL = dir.appendingPathComponent("contact-sheet.png"), gifURL = dir.appendingPathComponent("animation.\(self.animate ?? "gif")")
            try checkOutputs(mapFiles.flatMap { $0.map(\.1) } + [sheetURL] + (animate ? [gifURL] : []), option: "--out")
            // Every date's window: from the first date's window to the last date.
            let description = try dataOptions.description()
            let theatre = try Theatre.load(description, showing: DayWindow(last: to, days: to.days(since: from) + windowOptions.days(description)))
            clock.lap("load theatre")
            if let first = theatre.control.firstDay, from < first {
                throw ValidationError("--from \(from): the shipped reports and control data start on \(first); choose a later --from")
            }
            theatre.warnIfAfterData(to, option: "--to")
            var timeline = ControlTimeline(theatre: theatre)
            let states = try timeline.states(for: days, jobs: jobs)
            clock.lap("control of \(days.count) dates: geometry computed for \(timeline.geometryComputed)")

            let progress = Progress(total: days.count, what: "map")
            let thumbnails = Mutex([Frame?](repeating: nil, count: days.count))
            let animation = Mutex(AnimationQueue(delay: delay, last: days.count - 1, webp: self.animate == "webp"))
            let (window, frameWidth, thumbWidth) = (windowOptions.days(theatre.description), self.frameWidth, Self.thumbnailWidth)
            try Parallel.forEach(count: days.count, jobs: jobs, worker: { RenderWorker() }) { i, worker in
                let day = days[i]
                let situation = try Situation(at: day, in: theatre, windowDays: window, control: states[i])
                let doc = try MapDocument(situation: situation, width: w, height: h)
                let r = try doc.render(formats, frameWidth: animate ? frameWidth : thumbWidth, worker: worker)
                try AtomicFile.write(mapFiles[i].map { f, url in (url, r.files[f] ?? Data()) })
                guard let frame = r.frame else { return }
                let thumb = animate ? try frame.scaled(toWidth: thumbWidth) : frame
                thumbnails.withLock { $0[i] = thumb }
                if animate {
                    let stamped = try frame.stamped(day.longDescription, worker: worker)
                    try animation.withLock { try $0.add(stamped, at: i) }
                }
                progress.step(day.description)
            }
            clock.lap("\(days.count) maps")
            let sheet = try ContactSheet.png(
                title: "Situation maps, \(from.longDescription) – \(to.longDescription)\(every > 1 ? ", every \(every) days" : "")",
                thumbnails: zip(days, thumbnails.withLock { $0 }).compactMap { d, t in t.map { (d.shortDescription, $0) } },
                worker: RenderWorker())
            var extra = [(sheetURL, sheet)]
            if animate { extra.append((gifURL, try animation.withLock { try $0.finish() })) }
            try AtomicFile.write(extra)
            clock.lap("contact sheet\(animate ? ", animation" : "")")
            let formatNames = formats.map { $0.rawValue.uppercased() }.joined(separator: " + ")
            if formats.isEmpty {
                print("drew \(days.count) dates (no map files: --format is empty)")
            } else {
                print("wrote \(days.count) maps (\(formatNames)) in \(dir.relativeDisplay)/")
            }
            for (url, _) in extra { print("wrote \(url.relativeDisplay)") }
        }
    }
}

/// Frames arrive from the drawing threads out of order; the animation takes them in date order, so
/// each waits here only until the frames before it have come.
struct AnimationQueue: ~Copyable {
    let delay: Int
    /// The index of the last frame, shown longer so the loop pauses on it.
    let last: Int
    private var waiting: [Int: Frame] = [:]
    private var next = 0
    private let encoder: any AnimationEncoder

    init(delay: Int, last: Int, webp: Bool) {
        self.delay = delay; self.last = last
        encoder = webp ? WebPAnimation() : GIFAnimation()
    }

    mutating func add(_ frame: Frame, at index: Int) throws {
        waiting[index] = frame
        while let f = waiting.removeValue(forKey: next) {
            try encoder.add(f, delay: next == last ? max(delay, 200) : delay)
            next += 1
        }
    }

    func finish() throws -> Data { try encoder.finish() }
}
