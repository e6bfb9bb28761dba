import CCairo
import Foundation
import Geo

/// One output surface (SVG, PNG or PDF) and the bytes it produces.
///
/// Owns its Cairo surface and context. It is created on the calling thread, in the order the
/// formats were asked for, then handed to exactly one drawing thread, and read back on the
/// calling thread only after that thread has finished (the dispatch group is waited for): the
/// C handles are never used by two threads at once, hence `@unchecked Sendable`.
final class CairoTarget: @unchecked Sendable {
    let format: MapFormat
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    /// SVG and PDF are streamed here instead of to a file: the caller writes the file atomically.
    private let sink = ByteSink()
    private let metadata: MapMetadata
    private let dpi: Double?
    /// False for a raster drawn only to be scaled into a frame: no PNG is encoded.
    let encodes: Bool

    init(format: MapFormat, page: (width: Double, height: Double), metadata: MapMetadata, dpi: Double?, encodes: Bool = true) throws {
        self.format = format
        self.encodes = encodes
        self.metadata = metadata
        self.dpi = dpi
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let append: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        let made: OpaquePointer?
        switch format {
        case .svg:
            made = cairo_svg_surface_create_for_stream(append, closure, page.width, page.height)
            if let made { cairo_svg_surface_set_document_unit(made, CAIRO_SVG_UNIT_PX) }
        case .pdf:
            made = cairo_pdf_surface_create_for_stream(append, closure, page.width, page.height)
            if let made {
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_TITLE, metadata.title)
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_SUBJECT, metadata.description)
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_KEYWORDS, metadata.source)
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_CREATOR, metadata.software)
                // The map's date, not the clock: the same inputs give the same bytes.
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationTime)
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_MOD_DATE, metadata.creationTime)
            }
        case .png:
            made = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(page.width), Int32(page.height))
        }
        // Cairo returns an "error surface" rather than NULL; check both.
        guard let made, cairo_surface_status(made) == CAIRO_STATUS_SUCCESS, let context = cairo_create(made),
              cairo_status(context) == CAIRO_STATUS_SUCCESS else {
            throw MapDocument.WriteError.cairo(format, "Cairo could not create the surface")
        }
        surface = made
        cr = context
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    private var result: Result<Data, Error> = .failure(MapDocument.WriteError.cairo(.svg, "nothing was drawn"))

    /// Replays the drawing and finishes the file, on the calling thread; `shaper` must belong
    /// to that thread.
    func produce(_ drawing: Drawing, shaper: TextShaper) {
        var clock = Stopwatch()
        drawing.replay(on: cr, shaper: shaper)
        clock.lap("      replay \(format.rawValue)")
        result = Result { try finish() }
        clock.lap("      finished \(format.rawValue)")
    }

    /// The finished file's bytes (after `produce`).
    func bytes() throws -> Data { try result.get() }

    private func finish() throws -> Data {
        switch format {
        case .svg, .pdf:
            var clock = Stopwatch()
            cairo_surface_finish(surface)
            clock.lap("        cairo finish \(format.rawValue)")
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw MapDocument.WriteError.cairo(format, String(cString: cairo_status_to_string(status))) }
            return format == .svg ? described(sink.data) : sink.data
        case .png:
            guard encodes else { return Data() }
            let m = metadata
            let text = [("Title", m.title), ("Description", m.description), ("Source", m.source),
                        ("Creation Time", m.creationTime), ("Software", m.software)]
            do { return try PNGWriter.encode(surface, text: text, dpi: dpi) } catch { throw MapDocument.WriteError.cairo(format, "\(error)") }
        }
    }

    /// The raster scaled to `width` px (the height keeps the aspect), after `produce`.
    func frame(width: Int) throws -> Frame {
        guard format == .png else { throw MapDocument.WriteError.cairo(format, "only a raster scales into a frame") }
        return try Frame.scaled(from: surface, width: width)
    }

    /// Adds <title> and <desc> to the SVG Cairo wrote, so that it embeds and reads well; and
    /// fixes the root group's id, which is the surface's number in Cairo's process-wide counter:
    /// it says how many surfaces this process made before, not anything about the map.
    /// Works on the bytes (the SVG is about 1 MB; a String round trip cost ~30 ms).
    private func described(_ data: Data) -> Data {
        var svg = data
        if let root = svg.range(of: Data("<g id=\"surface".utf8)) {
            var end = root.upperBound
            while end < svg.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) { end += 1 }
            if end > root.upperBound, end < svg.endIndex, svg[end] == UInt8(ascii: "\"") {
                svg.replaceSubrange(root.upperBound..<end, with: Data("1".utf8))
            }
        }
        guard let open = svg.range(of: Data("version=\"1.1\">".utf8)) else { return svg }
        let m = metadata
        let head = "\n<title>\(m.title.xmlEscaped)</title>\n<desc>\(m.description.xmlEscaped) \(m.source.xmlEscaped) Made with \(m.software).</desc>"
        svg.insert(contentsOf: Data(head.utf8), at: open.upperBound)
        return svg
    }
}

/// Bytes a Cairo stream surface writes.
final class ByteSink {
    var data = Data()
}
