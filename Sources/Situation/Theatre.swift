import Foundation
import Geo

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
        // text files, which touch neither library. Each side has its own PROJ object.
        final class Slot: @unchecked Sendable { var result: Result<Basemap, Error>! }
        let basemapResult = Slot()
        let basemapDone = DispatchGroup()
        DispatchQueue.global().async(group: basemapDone) {
            basemapResult.result = Result {
                try loadBasemap(gazDir.appendingPathComponent("basemap"), projection: MapProjection(center: idlibCenter),
                                syriaSeed: idlibCenter)
            }
        }
        let gazetteer = try Gazetteer.load(directory: gazDir)
        clock.lap("  gazetteer")
        let projection = MapProjection(center: idlibCenter)

        func text(_ dir: URL, _ name: String) throws -> (String, String) {
            let url = dir.appendingPathComponent(name)
            return (try readText(url), url.relativeDisplay)
        }
        let (sitesText, sitesFile) = try text(gazDir, "sites.tsv")
        let posts = try PostTable.parse(sitesText, file: sitesFile, gazetteer: gazetteer)
        clock.lap("  posts")
        let (eventsText, eventsFile) = try text(repDir, "events.yaml")
        var events = try EventFile.parse(eventsText, file: eventsFile, gazetteer: gazetteer)
        // Events imported from ACLED (`mapgen import acled`), when there are any.
        let importedURL = repDir.appendingPathComponent(ImportedEventTable.fileName)
        if FileManager.default.fileExists(atPath: importedURL.path) {
            events = (events + (try ImportedEventTable.parse(readText(importedURL), file: importedURL.relativeDisplay)))
                .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        }
        clock.lap("  events")
        let (controlText, controlFile) = try text(repDir, "control.tsv")
        var control = try ControlLog.parse(controlText, file: controlFile, gazetteer: gazetteer)
        let (hwText, hwFile) = try text(gazDir, "highways.tsv")
        let highways = try parseHighways(hwText, file: hwFile, gazetteer: gazetteer)
        basemapDone.wait()
        let basemap = try basemapResult.result.get()
        clock.lap("  control, highways; basemap joined")
        let areasURL = repDir.appendingPathComponent("areas.tsv")
        if FileManager.default.fileExists(atPath: areasURL.path) {
            let areaClaims = try ControlLog.parseAreas(readText(areasURL), file: areasURL.relativeDisplay,
                                                       gazetteer: gazetteer, projection: projection)
            control = ControlLog(claims: control.claims + areaClaims)
        }
        clock.lap("  areas")
        let v = idlibView
        let corners = [LonLat(lon: v.west, lat: v.south), LonLat(lon: v.east, lat: v.south),
                       LonLat(lon: v.west, lat: v.north), LonLat(lon: v.east, lat: v.north)].map(projection.project)
        let view = Rect(minX: corners.map(\.x).min()!, minY: corners.map(\.y).min()!,
                        maxX: corners.map(\.x).max()!, maxY: corners.map(\.y).max()!)
        return Theatre(gazetteer: gazetteer, posts: posts, events: events, control: control, highways: highways,
                       basemap: basemap, projection: projection, view: view)
    }

    static func parseHighways(_ text: String, file: String, gazetteer: Gazetteer) throws -> [Highway] {
        var roads: [String: [(Int, Place)]] = [:]
        var order: [String] = []
        for (line, f) in tsvRows(text).dropFirst() {
            guard f.count >= 3, let seq = Int(f[1]) else {
                throw DataError(file: file, line: line, "expected road, seq (a number), place", fix: "tab-separate the columns")
            }
            let p = try gazetteer.resolve(String(f[2]), file: file, line: line)
            let road = String(f[0])
            if roads[road] == nil { order.append(road) }
            roads[road, default: []].append((seq, p))
        }
        return order.map { r in Highway(name: r, towns: roads[r]!.sorted { $0.0 < $1.0 }.map(\.1)) }
    }

    static func loadBasemap(_ dir: URL, projection: MapProjection, syriaSeed: LonLat) throws -> Basemap {
        // Layers the theatre declares from other sources (any format OGR reads).
        let sourcesURL = dir.appendingPathComponent(BasemapSources.fileName)
        let declared = FileManager.default.fileExists(atPath: sourcesURL.path)
            ? try BasemapSources.parse(readText(sourcesURL), file: sourcesURL.relativeDisplay, directory: dir) : [:]
        func lonLat(_ name: String) throws -> Geometry {
            if let d = declared[(name as NSString).deletingPathExtension] { return try BasemapSources.geometry(d) }
            let url = dir.appendingPathComponent(name)
            do { return try Geometry.fromGeoJSON(try readText(url)) } catch let e as GeometryError {
                throw DataError(file: url.relativeDisplay, "\(e)", fix: "the file must be RFC 7946 GeoJSON")
            }
        }
        func layer(_ name: String) throws -> Geometry { try projection.project(lonLat(name)) }
        let landLL = try lonLat("land.geojson").makeValid().polygonal
        let borderLL = try lonLat("border.geojson")
        let syria = try projection.project(syrianLand(land: landLL, border: borderLL, seed: syriaSeed))
        let land = try projection.project(landLL)
        let border = try projection.project(borderLL)
        let insetURL = dir.appendingPathComponent("inset_countries_ne110m.geojson")
        return Basemap(land: land, sea: try layer("sea.geojson"), border: border, coast: try layer("coast.geojson"),
                       rivers: try layer("rivers.geojson"), lakes: try layer("lakes.geojson"),
                       provinces: try layer("admin1.geojson"), syria: syria, borderReach: try border.buffer(2_000, quadrantSegments: 4),
                       insetCountries: try lonLat(insetURL.lastPathComponent))
    }

    /// Syrian land in the basemap box: the box is cut in two by the border (carried on due west
    /// from its coastal end, through the sea, to the box edge), and the land on the side of a
    /// known Syrian town is kept.
    static func syrianLand(land: Geometry, border: Geometry, seed: LonLat) throws -> Geometry {
        guard let box = land.envelope else { return land }
        var lines = [try Geometry.rectangle(box).boundary(), border]
        for case .line(let pts) in border.shapes {
            for end in [pts.first!, pts.last!] where end.x > box.minX + 1e-6 && end.x < box.maxX - 1e-6
                && end.y > box.minY + 1e-6 && end.y < box.maxY - 1e-6 {
                lines.append(try Geometry.lineString([end, XY(box.minX, end.y)]))
            }
        }
        let faces = try Geometry.polygonize(Geometry.collection(lines))
        let seedPoint = Geometry.point(XY(seed.lon, seed.lat))
        guard let side = faces.first(where: { $0.contains(seedPoint) }) else { return land }
        return try land.intersection(side).polygonal
    }
}
