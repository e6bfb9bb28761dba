import Foundation
import Geo
import Synchronization

/// The fixed geography of a theatre: basemap layers in map metres, Syria's land (where
/// control areas may lie), the highways. Built once per run.
public struct Basemap: Sendable {
    public let land: Geometry
    public let sea: Geometry
    public let border: Geometry
    public let coast: Geometry
    public let rivers: Geometry
    public let lakes: Geometry
    public let provinces: Geometry
    /// Syrian land inside the basemap box: control areas are clipped to it, so Turkey and the
    /// sea are nobody's control area.
    public let syria: Geometry
    /// Ground within 2 km of the border: opposition ground touching it has a way out to Turkey.
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
    public let highways: [Highway]
    public let basemap: Basemap
    public let projection: MapProjection
    /// The area the map shows, in map metres.
    public let view: Rect

    /// The first theatre: northwest Syria, centred between Idlib and Saraqib.
    public static let idlibCenter = LonLat(lon: 36.72, lat: 35.86)
    public static let idlibView = (west: 36.08, south: 35.33, east: 37.36, north: 36.42)

    /// Loads the theatre from a data root holding `Gazetteer/` and `Reports/`.
    public static func load(from root: URL) throws -> Theatre {
        let gazDir = root.appendingPathComponent("Gazetteer")
        let repDir = root.appendingPathComponent("Reports")
        var clock = Stopwatch()
        // The basemap (GEOS and PROJ work) loads on a second core while this thread parses the
        // text files. Each thread has its own GEOS context and each side its own PROJ object;
        // the result comes back through a mutex, and `wait()` orders it before its use here.
        let basemapResult = BasemapSlot()
        let basemapDone = DispatchGroup()
        DispatchQueue.global().async(group: basemapDone) {
            let result = Result {
                try loadBasemap(gazDir.appendingPathComponent("basemap"), projection: MapProjection(center: idlibCenter),
                                syriaSeed: idlibCenter)
            }
            basemapResult.value.withLock { $0 = result }
        }
        // Also on an early error: the process must not exit while the other thread is inside GEOS.
        defer { basemapDone.wait() }
        let gazetteer = try Gazetteer.load(directory: gazDir)
        clock.lap("  gazetteer")
        let projection = try MapProjection(center: idlibCenter)
        // Every place must have a position on the map (PROJ can refuse one, e.g. near the
        // antipode), so that later steps never meet a place they cannot draw.
        for p in gazetteer.places {
            do { _ = try projection.project(p.location) } catch let e as ProjectionError {
                throw DataError(file: gazDir.appendingPathComponent("places.tsv").relativeDisplay,
                                "place \(p.id) \"\(p.name)\" at \(p.location) has no position on the map (\(e.message))",
                                fix: "check its latitude and longitude (columns 5 and 6)")
            }
        }

        func text(_ dir: URL, _ name: String) throws -> (String, String) {
            let url = dir.appendingPathComponent(name)
            return (try readText(url), url.relativeDisplay)
        }
        let (sitesText, sitesFile) = try text(gazDir, "sites.tsv")
        let posts = try PostTable.parse(sitesText, file: sitesFile, gazetteer: gazetteer)
        clock.lap("  posts")
        let (eventsText, eventsFile) = try text(repDir, "events.yaml")
        let events = try EventFile.parse(eventsText, file: eventsFile, gazetteer: gazetteer)
        clock.lap("  events")
        let (controlText, controlFile) = try text(repDir, "control.tsv")
        var control = try ControlLog.parse(controlText, file: controlFile, gazetteer: gazetteer)
        let controlRows = control.claims.count
        let (hwText, hwFile) = try text(gazDir, "highways.tsv")
        let highways = try parseHighways(hwText, file: hwFile, gazetteer: gazetteer)
        basemapDone.wait()
        guard let basemap = try basemapResult.value.withLock({ $0 })?.get() else {
            throw DataError(file: gazDir.appendingPathComponent("basemap").relativeDisplay, "the basemap did not load")
        }
        clock.lap("  control, highways; basemap joined")
        let areasURL = repDir.appendingPathComponent("areas.tsv")
        var areaRows = 0
        if FileManager.default.fileExists(atPath: areasURL.path) {
            let areas = try ControlLog.parseAreas(readText(areasURL), file: areasURL.relativeDisplay,
                                                  gazetteer: gazetteer, projection: projection)
            control = ControlLog(claims: control.claims + areas.claims)
            areaRows = areas.rows
        }
        clock.lap("  areas")
        let v = idlibView
        let corners = try [LonLat(lon: v.west, lat: v.south), LonLat(lon: v.east, lat: v.south),
                           LonLat(lon: v.west, lat: v.north), LonLat(lon: v.east, lat: v.north)].map(projection.project)
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let view = Rect(minX: xs.min() ?? 0, minY: ys.min() ?? 0, maxX: xs.max() ?? 0, maxY: ys.max() ?? 0)
        return Theatre(gazetteer: gazetteer, posts: posts, events: events, control: control, controlClaimRows: controlRows, areaClaimRows: areaRows,
                       highways: highways, basemap: basemap, projection: projection, view: view)
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

    static func loadBasemap(_ dir: URL, projection: MapProjection, syriaSeed: LonLat) throws -> Basemap {
        let land = try BasemapLayer(dir, "land.geojson", .polygons)
        let border = try BasemapLayer(dir, "border.geojson", .lines)
        let syriaLL = try border.checking { try syrianLand(land: land.lonLat, border: border.lonLat, seed: syriaSeed) }
        let borderMetres = try border.projected(projection)
        return Basemap(land: try land.projected(projection),
                       sea: try BasemapLayer(dir, "sea.geojson", .polygons).projected(projection),
                       border: borderMetres,
                       coast: try BasemapLayer(dir, "coast.geojson", .lines).projected(projection),
                       rivers: try BasemapLayer(dir, "rivers.geojson", .lines).projected(projection),
                       lakes: try BasemapLayer(dir, "lakes.geojson", .polygons).projected(projection),
                       provinces: try BasemapLayer(dir, "admin1.geojson", .lines).projected(projection),
                       syria: try land.checking { try projection.project(syriaLL) },
                       borderReach: try border.checking { try borderMetres.buffer(2_000, quadrantSegments: 4) },
                       insetCountries: try BasemapLayer(dir, "inset_countries_ne110m.geojson", .polygons).lonLat)
    }

    /// How many GeoJSON files the basemap is made of.
    public static let basemapFiles = 8

    /// Syrian land in the basemap box: the box is cut in two by the border (carried on due west
    /// from its coastal end, through the sea, to the box edge), and the land on the side of a
    /// known Syrian town is kept.
    static func syrianLand(land: Geometry, border: Geometry, seed: LonLat) throws -> Geometry {
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
        // whole box would count as Syria (Turkey included), a wrong map rather than an error.
        guard let side = try faces.first(where: { try $0.contains(seedPoint) }), side.area < box.width * box.height * 0.99 else {
            throw BasemapLayer.Problem("the border does not cut the land box in two around \(seed)",
                                       fix: "the border must be a line running across the land from the sea inland (GSHHG); restore the file from git")
        }
        let syria = try land.intersection(side).polygonal
        guard !syria.isEmpty else {
            throw BasemapLayer.Problem("no land lies on the Syrian side of the border", fix: "restore the file from git")
        }
        return syria
    }
}
