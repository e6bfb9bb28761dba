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
    /// The layers, bottom first (the theatre's `layers:` or the standard order).
    var layers: [any MapLayer] = MapLayers.standard
    /// Distance rings to draw (from --buffer).
    public var rings: [Ring] = []
    /// Set for a change map: the TO state faded, with the changes since FROM highlighted.
    public private(set) var diff: SituationDiff?
    /// PNG resolution written into the file (pHYs), dots per inch.
    public var dpi: Double?
    /// PDF page size in points; nil: the pixel size at 96 dpi.
    public var pdfPage: (width: Double, height: Double)?

    public var metadata: MapMetadata { MapMetadata(situation: situation, diffFrom: diff?.from.date) }

    public init(diff: SituationDiff, width: Int = 1600, height: Int = 1200) throws {
        try self.init(situation: diff.to, width: width, height: height)
        self.diff = diff
    }

    /// A map in the theatre's style (its style files, then its sides' colours); a bad style value throws.
    public init(situation: Situation, width: Int = 1600, height: Int = 1200) throws {
        try self.init(situation: situation, width: width, height: height, catalogue: MapLayers.standard)
    }

    /// The same, choosing the theatre's layers from `catalogue` (tests add a layer of their own).
    init(situation: Situation, width: Int = 1600, height: Int = 1200, catalogue: [any MapLayer]) throws {
        self.situation = situation; self.width = width; self.height = height
        let t = situation.theatre
        style = try MapStyle(theatre: t.description, sheets: t.styleSheets)
        layers = try MapLayers.named(t.description.layers, theatre: t.description, catalogue: catalogue)
        try MapLayers.checkLegendOrder(t.description.legend, theatre: t.description, catalogue: catalogue)
        try Self.check(t.description.eventKinds, style: style)
    }

    /// What drawing a map of `theatre` would refuse, checked without drawing (for `mapgen check`):
    /// its style files, its `layers:` and `legend:` lists, its event kinds' symbols and colours.
    public static func validate(_ theatre: Theatre) throws {
        let d = theatre.description
        let style = try MapStyle(theatre: d, sheets: theatre.styleSheets)
        _ = try MapLayers.named(d.layers, theatre: d)
        try MapLayers.checkLegendOrder(d.legend, theatre: d)
        try check(d.eventKinds, style: style)
    }

    /// Every event kind names a symbol and a colour the renderer knows (an error names the kinds file).
    static func check(_ kinds: EventKinds, style: MapStyle) throws {
        for k in kinds.kinds {
            if let c = k.colour, style.colour(key: c) == nil {
                throw DataError(file: kinds.file, line: k.line, "event kind \"\(k.id)\": colour \"\(c)\" is not a style colour key",
                                fix: "one of: \(MapStyle.colourKeys.keys.sorted().joined(separator: ", "))")
            }
            let fits = ["movement": "arrow", "strike": "star"][k.draws.rawValue]
            if let s = k.symbol, s != fits {
                throw DataError(file: kinds.file, line: k.line, "event kind \"\(k.id)\": symbol \"\(s)\" cannot draw draws: \(k.draws.rawValue)",
                                fix: fits.map { "symbol: \($0) (or none)" } ?? "leave symbol out for draws: none")
            }
        }
    }

    public enum WriteError: Error, CustomStringConvertible {
        case cairo(MapFormat, String)
        public var description: String {
            switch self { case let .cairo(format, msg): return "could not draw the \(format.rawValue.uppercased()) map (\(msg))" }
        }
    }

    /// The page size of a format: the pixel size, or the PDF page in points.
    func pageSize(_ format: MapFormat) -> (width: Double, height: Double) {
        format == .pdf ? pdfPage ?? (Double(width) * 0.75, Double(height) * 0.75) : (Double(width), Double(height))
    }

    /// The map drawn once for a page size: every placement decided and every text measured.
    func drawing(width: Double, height: Double, scene: MapScene, shaper: TextShaper = TextShaper()) -> Drawing {
        let layout = PageLayout(width: width, height: height, view: situation.theatre.view)
        let canvas = Canvas(unit: layout.unit, shaper: shaper)
        let renderer = MapRenderer(situation: situation, style: style, layout: layout, canvas: canvas, scene: scene, layers: layers)
        let legend = renderer.draw()
        var clock = Stopwatch()
        let furniture = Furniture(style: style, layout: layout, canvas: canvas)
        furniture.drawTitle(situation, changesSince: scene.diffFrom)
        furniture.drawLegend(legend)
        furniture.drawCredits(situation)
        clock.lap("    title, legend, credits")
        return canvas.drawing(width: width, height: height)
    }

    /// What the drawing needs from GEOS, cut to the ground any of these pages shows. A worker
    /// keeps the date-independent part from one map of a series to the next.
    func scene(for formats: [MapFormat], worker: RenderWorker? = nil) throws -> MapScene {
        let worlds = formats.map(pageSize).map { PageLayout(width: $0.width, height: $0.height, view: situation.theatre.view).world }
        let visible = worlds.dropFirst().reduce(worlds.first ?? situation.theatre.view) { r, w in
            Rect(minX: min(r.minX, w.minX), minY: min(r.minY, w.minY), maxX: max(r.maxX, w.maxX), maxY: max(r.maxY, w.maxY))
        }
        var base = worker?.base.flatMap { $0.visible == visible ? $0 : nil }
        if let worker, base == nil {
            base = try BaseScene(situation.theatre, visible: visible)
            worker.base = base
        }
        return try MapScene(situation, rings: rings, diff: diff, visible: visible, base: base)
    }

    /// The drawing the SVG and PNG share (the PDF's too when its page has the same size).
    public func drawing() throws -> Drawing {
        try drawing(width: Double(width), height: Double(height), scene: scene(for: [.svg]))
    }

    /// Writes the map to `url` in `format`, whole or not at all.
    public func write(_ format: MapFormat, to url: URL) throws {
        try write([(format, url)])
    }

    /// Writes several formats; the files are renamed into place only when every one is drawn,
    /// so a failure leaves the earlier files as they were.
    public func write(_ outputs: [(MapFormat, URL)]) throws {
        let bytes = try render(outputs.map(\.0))
        try AtomicFile.write(outputs.map { ($0.1, bytes[$0.0] ?? Data()) })
    }

    /// Draws the map in each format and returns the files' bytes.
    ///
    /// Each page size is drawn once (labels placed, text measured) on this thread; the surfaces
    /// are then created here and the drawing is replayed on them in parallel.
    public func render(_ formats: [MapFormat]) throws -> [MapFormat: Data] {
        try render(formats, frameWidth: nil, worker: nil).files
    }

    /// What one rendering gives: the files, and when asked a small copy of the pixels.
    public struct Rendered: Sendable {
        public let files: [MapFormat: Data]
        public let frame: Frame?
    }

    /// Draws the map in each format; with `frameWidth`, also a copy of the raster scaled to
    /// that width (rasterised even when PNG is not asked for). With a `worker` (one thread of a
    /// series) everything happens on the calling thread with the worker's warm shaper; without,
    /// the formats are replayed on several cores.
    public func render(_ formats: [MapFormat], frameWidth: Int?, worker: RenderWorker?) throws -> Rendered {
        var unique: [MapFormat] = []
        for f in formats where !unique.contains(f) { unique.append(f) }
        var clock = Stopwatch()
        let needsRaster = frameWidth != nil && !unique.contains(.png)
        let scene = try scene(for: needsRaster ? unique + [.png] : unique, worker: worker)
        clock.lap("    scene")
        let shaper = worker?.shaper ?? TextShaper()
        var drawings: [MapFormat: Drawing] = [:]
        var bySize: [String: Drawing] = [:]
        for f in unique + (needsRaster ? [.png] : []) {
            let (w, h) = pageSize(f)
            let key = "\(w)x\(h)"
            let d = bySize[key] ?? drawing(width: w, height: h, scene: scene, shaper: shaper)
            bySize[key] = d
            drawings[f] = d
        }
        clock.lap("    drawn once")
        let m = metadata
        // Cairo numbers surfaces with a process-wide counter that would end up in the SVG's root
        // id; CairoTarget writes a fixed id instead, so the order surfaces are made in (and how
        // many maps the process drew before) does not change the bytes.
        var targets = try unique.map { try CairoTarget(format: $0, page: pageSize($0), metadata: m, dpi: dpi) }
        if needsRaster { targets.append(try CairoTarget(format: .png, page: pageSize(.png), metadata: m, dpi: dpi, encodes: false)) }
        var jobs = targets.compactMap { t in drawings[t.format].map { (t, $0) } }
        // The raster takes longest (rasterising, then encoding): it goes first, so that it runs
        // here with the shaper whose fonts are loaded, while the vector formats go to other cores.
        if let raster = jobs.firstIndex(where: { $0.0.format == .png }) { jobs.insert(jobs.remove(at: raster), at: 0) }
        if worker != nil {
            for (target, drawing) in jobs {
                target.produce(drawing, shaper: shaper)
                clock.lap("    \(target.format.rawValue)\(target.encodes ? "" : " raster")")
            }
        } else {
            // The first job is replayed here, with the shaper whose fonts are already loaded;
            // the others on other cores, each with a shaper of its own (the first of them with
            // the one the font warm-up made, when there was one).
            let group = DispatchGroup()
            for (target, drawing) in jobs.dropFirst() {
                DispatchQueue.global(qos: .userInitiated).async(group: group) { target.produce(drawing, shaper: FontWarmUp.takeShaper()) }
            }
            if let (target, drawing) = jobs.first { target.produce(drawing, shaper: shaper) }
            group.wait()
        }
        clock.lap("    replayed and encoded: \(unique.map(\.rawValue).joined(separator: ", "))")
        var out: [MapFormat: Data] = [:]
        for t in targets where t.encodes { out[t.format] = try t.bytes() }
        let frame = try frameWidth.map { w in
            guard let raster = targets.last(where: { $0.format == .png }) else { throw WriteError.cairo(.png, "no raster to scale") }
            return try raster.frame(width: w)
        }
        return Rendered(files: out, frame: frame)
    }
}

extension String {
    /// Safe as XML/HTML text or attribute value.
    var xmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
