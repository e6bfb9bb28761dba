import ArgumentParser
import Foundation
import Geo
import Render
import Situation

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Render the situation as of a date (the default command).",
        discussion: "Writes OUT/DATE.svg and OUT/DATE.png. Nothing dated after DATE is used.")

    @Option(help: DefaultDateHelp.text("The map's date: the situation as of the end of that day"))
    var date: Day?

    @OptionGroup var windowOptions: WindowOptions

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "Output"

    @Option(help: ArgumentHelp("Image width in px.", valueName: "px"))
    var width: Int = 1600

    @Option(help: ArgumentHelp("Image height in px.", valueName: "px"))
    var height: Int = 1200

    @Option(help: ArgumentHelp("Image size as WIDTHxHEIGHT or a preset: web (1600x1200), hd (1920x1080), social (1200x675), square (1080x1080), slide (1920x1080). Overrides --width/--height.", valueName: "WxH|preset"))
    var size: String?

    @Option(help: ArgumentHelp("Paper for print: a4, a3, letter (landscape), or a4-portrait…. Sets the PDF page and, with --dpi (default 150), the PNG/SVG pixel size.", valueName: "paper"))
    var paper: String?

    @Option(help: ArgumentHelp("PNG resolution in dots per inch, written into the file; with --paper it also sets the pixel size.", valueName: "dpi"))
    var dpi: Double?

    @Option(help: ArgumentHelp("Comma-separated formats: svg, png, pdf.", valueName: "list"))
    var format: String = "svg,png"

    @Option(help: ArgumentHelp("Draw a distance ring: PLACE:KM (repeatable, KM 0.1–200), e.g. \"Town name:10\".", valueName: "place:km"))
    var buffer: [String] = []

    @OptionGroup var dataOptions: DataOptions

    var formats: [MapFormat] {
        get throws {
            let f = try parseFormats(format)
            if f.isEmpty { throw ValidationError("--format \"\(format)\" names no format: give one or more of svg, png, pdf, e.g. --format svg,png") }
            return f
        }
    }

    var rings: [BufferRequest] { get throws { try buffer.map(BufferRequest.init) } }

    var paperMM: (width: Double, height: Double)? {
        get throws {
            guard let paper else { return nil }
            guard let mm = PageSize.paper(paper) else {
                throw ValidationError("--paper: unknown paper \"\(paper)\"; choose from \(PageSize.paperNames.joined(separator: ", "))")
            }
            return mm
        }
    }

    var pixelSize: (Int, Int) {
        get throws {
            if let size { return try parseSize(size) }
            if let mm = try paperMM {
                let d = dpi ?? 150
                return (Int((mm.width / 25.4 * d).rounded()), Int((mm.height / 25.4 * d).rounded()))
            }
            return (width, height)
        }
    }

    func validate() throws {
        if let dpi, !(36...1200).contains(dpi) { throw ValidationError("--dpi \(dpi): give between 36 and 1200 dots per inch") }
        _ = try rings
        _ = try paperMM
        try checkSize(try pixelSize)
        _ = try formats
    }

    func run() throws {
        let (w, h) = try pixelSize
        let formats = try formats
        let rings = try rings
        try reportingErrors {
            var clock = Stopwatch()
            let description = try dataOptions.description()
            let date = self.date ?? description.dates.default
            let window = windowOptions.days(description)
            // Where the files go is checked before anything is computed.
            let dir = try prepareOutputFolder(out)
            let outputs = formats.map { f in (f, dir.appendingPathComponent("\(date).\(f.rawValue)")) }
            try checkOutputs(outputs.map(\.1), option: "--out")
            let theatre = try Theatre.load(description, showing: DayWindow(last: date, days: window))
            clock.lap("load theatre")
            theatre.warnIfAfterData(date, option: "--date")
            FontWarmUp.start()
            let situation = try Situation(at: date, in: theatre, windowDays: window)
            clock.lap("situation")
            var doc = try MapDocument(situation: situation, width: w, height: h)
            doc.dpi = dpi
            doc.pdfPage = try paperMM.map { ($0.width / 25.4 * 72, $0.height / 25.4 * 72) }
            doc.rings = try rings.map { b in
                let (place, km) = try b.resolve(in: theatre.gazetteer)
                let area = try Geometry.point(theatre.projection.project(place.location)).buffer(km * 1000, quadrantSegments: 32)
                return Ring(label: b.label(round: place.name), area: area)
            }
            try naming("--out") { try doc.write(outputs) }
            clock.lap("write \(formats.map(\.rawValue).joined(separator: " + "))")
            for (_, url) in outputs { print("wrote \(url.relativeDisplay)") }
        }
    }
}

