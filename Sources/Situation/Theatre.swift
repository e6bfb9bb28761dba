import Foundation
import Geo
import Synchronization

/// The fixed geography of a theatre: basemap layers in map metres, the country's land (where
/// control areas may lie), the highways. Built once per run.
public struct Basemap: Sendable {
    public let land: Geometry
    public let sea: Geometry
    public let border: Geometry
    public let coast: Geometry
    public let rivers: Geometry
    public let lakes: Geometry
    public let provinces: Geometry
    /// The theatre country's land inside the basemap box: control areas are clipped to it, so
    /// neighbouring countries and the sea are nobody's control area.
    public let controlLand: Geometry
    /// Ground near the border (the theatre's way-out reach): a side's ground touching it has a way out.
    public let borderReach: Geometry
    /// Natural Earth 110m countries in lon/lat, for the locator inset.
    public let insetCountries: Geometry
}

/// A highway drawn schematically through the towns it is reported to pass.
public struct Highway: Sendable {
    public let name: String
    public let towns: [Place]
}

/// Everything known about a theatre: places, posts, events, control claims and basemap.
public struct Theatre: Sendable {
    public let gazetteer: Gazetteer
    public let posts: [ObservationPost]
    public let events: [Event]
    public let control: ControlLog
    /// How many rows of `control.tsv` and of `areas.tsv` (each expanded to the places in its area) `control` holds.
    public internal(set) var controlClaimRows = 0
    public internal(set) var areaClaimRows = 0
    /// The last day any event or control claim is dated (over the whole history, also when
    /// `events` and `control` hold only what one window shows).
    public internal(set) var lastReportedDay: Day?
    public let highways: [Highway]
    public let basemap: Basemap
    public let projection: MapProjection
    /// The area the map shows, in map metres.
    public let view: Rect

    /// What `theatre.yaml` says: names, sides, rules, texts.
    public let description: TheatreDescription
    /// The style files the theatre names, in order (applied by the renderer).
    public let styleSheets: [StyleSheet]
    /// Each gazetteer place's position in map metres, in `gazetteer.places` order (empty for a
    /// theatre made by hand: `point(of:)` projects then).
    var placePoints: [XY] = []

    /// Places of this country hold ground (others are drawn for orientation only).
    public var country: String { description.controlLand.country }
    /// The theatre's sides, in legend order.
    public var sides: [Side] { description.sides }

    /// Loads the theatre whose folder (holding `theatre.yaml`, `Gazetteer/` and `Reports/`) is `root`.
    /// With `window`, `events` and `control` hold only what a map of that window shows (read from
    /// the report store when it can be: see `ReportSource`); without, everything.
    public static func load(from root: URL, showing window: DayWindow? = nil) throws -> Theatre {
        var clock = Stopwatch()
        let description = try TheatreDescription.load(folder: root)
        clock.lap("  theatre.yaml")
        return try load(description, showing: window)
    }

    /// Loads the theatre a description names (all reports, or what `window` shows).
    public static func load(_ d: TheatreDescription, showing window: DayWindow? = nil) throws -> Theatre {
        let root = d.folder
        let gazDir = root.appendingPathComponent("Gazetteer")
        var clock = Stopwatch()
        let projection = try d.makeProjection()
        // The basemap (GEOS and PROJ work) loads on a second core while this thread parses the
        // text files. Each thread has its own GEOS context and each side its own PROJ object;
        // the result comes back through a mutex, and `wait()` orders it before its use here.
        let basemapResult = BasemapSlot()
        let basemapDone = DispatchGroup()
        DispatchQueue.global().async(group: basemapDone) {
            let result = Result {
                let projection = try d.makeProjection()
                return try BasemapCache.load(d, projection: projection) { try loadBasemap(d, projection: projection) }
            }
            basemapResult.value.withLock { $0 = result }
        }
        // Also on an early error: the process must not exit while the other thread is inside GEOS.
        defer { basemapDone.wait() }
        let gazetteer = ProcessInfo.processInfo.environment["MAPGEN_NO_STORE"] == nil
            ? try Gazetteer.load(directory: gazDir, cacheFolder: root.appendingPathComponent(".mapgen-cache"))
            : try Gazetteer.load(directory: gazDir)
        clock.lap("  gazetteer")
        // Every place must have a position on the map (PROJ can refuse one, e.g. near the
        // antipode), so that later steps never meet a place they cannot draw.
        // The positions are kept: every date's control areas need those of the places held.
        var placePoints: [XY] = []
        placePoints.reserveCapacity(gazetteer.places.count)
        for p in gazetteer.places {
            do { placePoints.append(try projection.project(p.location)) } catch let e as ProjectionError {
                throw DataError(file: gazDir.appendingPathComponent("places.tsv").relativeDisplay,
                                "place \(p.id) \"\(p.name)\" at \(p.location) has no position on the map (\(e.message))",
                                fix: "check its latitude and longitude (columns 5 and 6)")
            }
        }

        func text(_ dir: URL, _ name: String) throws -> (String, String) {
            let url = dir.appendingPathComponent(name)
            return (try readText(url), url.relativeDisplay)
        }
        var posts: [ObservationPost] = []
        if let sites = d.sites {
            let (sitesText, sitesFile) = try text(root, sites.file)
            posts = try PostTable.parse(sitesText, file: sitesFile, gazetteer: gazetteer, kinds: sites.kinds.map(\.id))
        }
        clock.lap("  posts")
        // Report store hook (branch `store`): events and control claims, all or one window's.
        let reports = try ReportSource.load(root: root, gazetteer: gazetteer, projection: projection, sides: d.sides,
                                            country: d.controlLand.country, kinds: d.eventKinds, showing: window)
        clock.lap("  reports")
        var highways: [Highway] = []
        if let hw = d.highways {
            let (hwText, hwFile) = try text(root, hw.file)
            highways = try parseHighways(hwText, file: hwFile, gazetteer: gazetteer)
        }
        basemapDone.wait()
        guard let basemap = try basemapResult.value.withLock({ $0 })?.get() else {
            throw DataError(file: gazDir.appendingPathComponent("basemap").relativeDisplay, "the basemap did not load")
        }
        clock.lap("  highways; basemap joined")
        let sheets = try d.styles.map { try StyleSheet.load(d.stylesBase.appendingPathComponent($0)) }
        let v = d.view
        let corners = try [LonLat(lon: v.west, lat: v.south), LonLat(lon: v.east, lat: v.south),
                           LonLat(lon: v.west, lat: v.north), LonLat(lon: v.east, lat: v.north)].map(projection.project)
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let view = Rect(minX: xs.min() ?? 0, minY: ys.min() ?? 0, maxX: xs.max() ?? 0, maxY: ys.max() ?? 0)
        return Theatre(gazetteer: gazetteer, posts: posts, events: reports.events, control: reports.control,
                       controlClaimRows: reports.controlRows, areaClaimRows: reports.areaRows, lastReportedDay: reports.lastDay,
                       highways: highways, basemap: basemap, projection: projection, view: view, description: d, styleSheets: sheets,
                       placePoints: placePoints)
    }

    /// A gazetteer place's position in map metres (projected once at load).
    public func point(of place: Place) throws -> XY {
        if let i = gazetteer.index(id: place.id), i < placePoints.count, gazetteer.places[i].location == place.location {
            return placePoints[i]
        }
        return try projection.project(place.location)
    }

    /// Where the basemap thread leaves its result.
    private final class BasemapSlot: Sendable {
        let value = Mutex<Result<Basemap, any Error>?>(nil)
    }

    static func parseHighways(_ text: String, file: String, gazetteer: Gazetteer) throws -> [Highway] {
        var roads: [String: [(Int, Place)]] = [:]
        var order: [String] = []
        for (line, f) in tsvRows(text).dropFirst() {
            guard f.count >= 3 else {
                throw DataError(file: file, line: line, "expected road, seq (a number), place", fix: "tab-separate the columns")
            }
            let seq = try DataField(file: file, line: line).int(f[1], "seq", in: 1...10_000, example: "3")
            let p = try gazetteer.resolve(String(f[2]), file: file, line: line)
            let road = String(f[0])
            if roads[road] == nil { order.append(road) }
            roads[road, default: []].append((seq, p))
        }
        return order.map { r in Highway(name: r, towns: (roads[r] ?? []).sorted { $0.0 < $1.0 }.map(\.1)) }
    }

    static func loadBasemap(_ d: TheatreDescription, projection: MapProjection) throws -> Basemap {
        let m = d.basemap
        let dir = d.folder.appendingPathComponent(m.dir)
        // Layers the theatre declares from other sources (any format OGR reads), else the GeoJSON files.
        let sourcesURL = dir.appendingPathComponent(BasemapSources.fileName)
        let declared = FileManager.default.fileExists(atPath: sourcesURL.path)
            ? try BasemapSources.parse(readText(sourcesURL), file: sourcesURL.relativeDisplay, directory: dir) : [:]
        func layer(_ name: String, _ kind: BasemapLayer.Kind) throws -> BasemapLayer {
            guard let s = declared[(name as NSString).deletingPathExtension] else { return try BasemapLayer(dir, name, kind) }
            return try BasemapLayer(file: "\(s.file):\(s.line)", name: name, kind: kind) { try BasemapSources.geometry(s) }
        }
        /// A file named relative to the theatre's folder: a basemap layer when it lies in the basemap folder.
        func layer(path: String, _ kind: BasemapLayer.Kind) throws -> BasemapLayer {
            let url = d.folder.appendingPathComponent(path)
            if url.deletingLastPathComponent().standardizedFileURL == dir.standardizedFileURL {
                return try layer(url.lastPathComponent, kind)
            }
            return try BasemapLayer(d.folder, path, kind)
        }
        /// A layer the theatre leaves out is empty: not drawn.
        func optional(_ name: String?, _ kind: BasemapLayer.Kind) throws -> Geometry {
            guard let name else { return try .empty }
            return try layer(name, kind).projected(projection)
        }
        let land = try layer(m.land, .polygons)
        let border = try m.border.map { try layer($0, .lines) }
        let seed = d.controlLand.seed.lonLat
        let controlLL: Geometry
        if let file = d.controlLand.file {
            // A polygon of the ground control areas may cover, cut to the land.
            let given = try layer(path: file, .polygons)
            controlLL = try given.checking { try land.lonLat.intersection(given.lonLat).polygonal }
        } else if let border {
            controlLL = try border.checking { try controlledLand(land: land.lonLat, border: border.lonLat, seed: seed) }
        } else {
            throw DataError(file: d.folder.appendingPathComponent(TheatreDescription.fileName).relativeDisplay,
                            "control_land has no file and basemap has no border to split the land with",
                            fix: "give control_land a file (a polygon of the country) or basemap a border")
        }
        let borderMetres = try border?.projected(projection) ?? .empty
        let reachKm = d.wayOut?.reachKm ?? 2
        return Basemap(land: try land.projected(projection),
                       sea: try optional(m.sea, .polygons),
                       border: borderMetres,
                       coast: try optional(m.coast, .lines),
                       rivers: try optional(m.rivers, .lines),
                       lakes: try optional(m.lakes, .polygons),
                       provinces: try optional(m.provinces, .lines),
                       controlLand: try land.checking { try projection.project(controlLL) },
                       borderReach: try border.map { b in try b.checking { try borderMetres.buffer(reachKm * 1000, quadrantSegments: 4) } } ?? .empty,
                       insetCountries: try layer(path: d.inset.file, .polygons).lonLat)
    }

    /// How many GeoJSON files the basemap is made of.
    public var basemapFiles: Int {
        let m = description.basemap
        return 2 + [m.border, m.sea, m.coast, m.rivers, m.lakes, m.provinces].compactMap { $0 }.count
            + (description.controlLand.file == nil ? 0 : 1)
    }

    /// The theatre's country in the basemap box: the box is cut in two by the border (carried on
    /// due west from its coastal end, through the sea, to the box edge), and the land on the side
    /// of the seed (a town known to be inside) is kept.
    static func controlledLand(land: Geometry, border: Geometry, seed: LonLat) throws -> Geometry {
        guard let box = try land.envelope else { return land }
        var lines = [try Geometry.rectangle(box).boundary(), border]
        for case .line(let pts) in border.shapes {
            guard let first = pts.first, let last = pts.last else { continue }
            for end in [first, last] where end.x > box.minX + 1e-6 && end.x < box.maxX - 1e-6
                && end.y > box.minY + 1e-6 && end.y < box.maxY - 1e-6 {
                lines.append(try Geometry.lineString([end, XY(box.minX, end.y)]))
            }
        }
        let faces = try Geometry.polygonize(Geometry.collection(lines))
        let seedPoint = try Geometry.point(XY(seed.lon, seed.lat))
        // The seed's face must be a part of the box: if the border does not cross the land, the
        // whole box would count as the country (its neighbour included), a wrong map rather than an error.
        guard let side = try faces.first(where: { try $0.contains(seedPoint) }), side.area < box.width * box.height * 0.99 else {
            throw BasemapLayer.Problem("the border does not cut the land box in two around \(seed)",
                                       fix: "the border must be a line running across the land from the sea inland (GSHHG); restore the file from git")
        }
        let controlLand = try land.intersection(side).polygonal
        guard !controlLand.isEmpty else {
            throw BasemapLayer.Problem("no land lies on the seed's side of the border", fix: "restore the file from git")
        }
        return controlLand
    }
}
