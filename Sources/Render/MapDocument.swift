import CCairo
import Foundation
import Geo
import Situation

/// An output format mapgen can write.
public enum MapFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
}

/// A situation map of a given pixel size, ready to be written in any format.
public struct MapDocument {
    public let situation: Situation
    public let width: Int
    public let height: Int
    public var style = MapStyle()
    /// Distance rings to draw (from --buffer).
    public var rings: [Ring] = []
    /// Set for a change map: the TO state faded, with the changes since FROM highlighted.
    public private(set) var diff: SituationDiff?
    /// PNG resolution written into the file (pHYs), dots per inch.
    public var dpi: Double?
    /// PDF page size in points; nil: the pixel size at 96 dpi.
    public var pdfPage: (width: Double, height: Double)?

    public var metadata: MapMetadata { MapMetadata(situation: situation, diffFrom: diff?.from.date) }

    public init(diff: SituationDiff, width: Int = 1600, height: Int = 1200) {
        self.init(situation: diff.to, width: width, height: height)
        self.diff = diff
    }

    public init(situation: Situation, width: Int = 1600, height: Int = 1200) {
        self.situation = situation; self.width = width; self.height = height
    }

    public enum WriteError: Error, CustomStringConvertible {
        case cairo(String, String)
        public var description: String {
            switch self { case let .cairo(path, msg): return "\(path): could not write (\(msg))" }
        }
    }

    func draw(on cr: OpaquePointer, scene: MapScene, width: Double? = nil, height: Double? = nil) {
        let layout = PageLayout(width: width ?? Double(self.width), height: height ?? Double(self.height),
                                view: situation.theatre.view)
        let canvas = Canvas(cairo: cr, unit: layout.unit)
        let renderer = MapRenderer(situation: situation, style: style, layout: layout, canvas: canvas, scene: scene)
        let used = renderer.draw()
        var clock = Stopwatch()
        let furniture = Furniture(style: style, layout: layout, canvas: canvas)
        furniture.drawTitle(situation, changesSince: scene.diffFrom)
        furniture.drawLegend(situation, used: used)
        furniture.drawCredits(situation)
        clock.lap("    title, legend, credits")
    }

    /// Writes the map to `url` in `format`. The file appears whole or not at all: it is drawn
    /// to a temporary file beside the target and renamed into place.
    public func write(_ format: MapFormat, to url: URL) throws {
        try write([(format, url)])
    }

    /// Writes several formats at once, each on its own thread: the drawing reads only the
    /// precomputed scene, and each thread has its own Cairo surface and Pango font map.
    public func write(_ outputs: [(MapFormat, URL)]) throws {
        // Only what can show matters: geometry is cut to the ground any of the outputs displays.
        var pages = [(Double(width), Double(height))]
        if outputs.contains(where: { $0.0 == .pdf }) { pages.append(pdfPage ?? (Double(width) * 0.75, Double(height) * 0.75)) }
        let worlds = pages.map { PageLayout(width: $0.0, height: $0.1, view: situation.theatre.view).world }
        let visible = Rect(minX: worlds.map(\.minX).min()!, minY: worlds.map(\.minY).min()!,
                           maxX: worlds.map(\.maxX).max()!, maxY: worlds.map(\.maxY).max()!)
        let scene = try MapScene(situation, rings: rings, diff: diff, visible: visible)
        var failures = [Error?](repeating: nil, count: outputs.count)
        failures.withUnsafeMutableBufferPointer { results in
            let results = results
            DispatchQueue.concurrentPerform(iterations: outputs.count) { i in
                do { try write(outputs[i].0, to: outputs[i].1, scene: scene) } catch { results[i] = error }
            }
        }
        if let e = failures.compactMap({ $0 }).first { throw e }
    }

    func write(_ format: MapFormat, to url: URL, scene: MapScene) throws {
        let tmp = AtomicFile.temporary(for: url)
        defer { try? FileManager.default.removeItem(at: tmp) }
        switch format {
        case .svg:
            let surface = cairo_svg_surface_create(tmp.path, Double(width), Double(height))!
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            let cr = cairo_create(surface)!
            draw(on: cr, scene: scene)
            cairo_destroy(cr)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw WriteError.cairo(url.path, String(cString: cairo_status_to_string(status))) }
            try describeSVG(at: tmp)
        case .pdf:
            let (w, h) = pdfPage ?? (Double(width) * 0.75, Double(height) * 0.75)
            let surface = cairo_pdf_surface_create(tmp.path, w, h)!
            let m = metadata
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, m.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m.description)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, m.source)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, m.software)
            // The map's date, not the clock: the same inputs give the same bytes.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, m.creationTime)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, m.creationTime)
            let cr = cairo_create(surface)!
            draw(on: cr, scene: scene, width: w, height: h)
            cairo_destroy(cr)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw WriteError.cairo(url.path, String(cString: cairo_status_to_string(status))) }
        case .png:
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
            let cr = cairo_create(surface)!
            draw(on: cr, scene: scene)
            cairo_destroy(cr)
            var clock = Stopwatch()
            defer { cairo_surface_destroy(surface) }
            let m = metadata
            let text = [("Title", m.title), ("Description", m.description), ("Source", m.source),
                        ("Creation Time", m.creationTime), ("Software", m.software)]
            do { try PNGWriter.write(surface, to: tmp.path, text: text, dpi: dpi) } catch { throw WriteError.cairo(url.path, "\(error)") }
            clock.lap("    png encode")
        }
        try AtomicFile.commit(tmp, to: url)
    }

    /// Adds <title> and <desc> to the SVG Cairo wrote, so that it embeds and reads well.
    func describeSVG(at url: URL) throws {
        var svg = try String(contentsOf: url, encoding: .utf8)
        guard let open = svg.range(of: "version=\"1.1\">") else { return }
        let m = metadata
        svg.insert(contentsOf: "\n<title>\(m.title.xmlEscaped)</title>\n<desc>\(m.description.xmlEscaped) \(m.source.xmlEscaped) Made with \(m.software).</desc>",
                   at: open.upperBound)
        try Data(svg.utf8).write(to: url)
    }
}

extension String {
    /// Safe as XML/HTML text or attribute value.
    var xmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
