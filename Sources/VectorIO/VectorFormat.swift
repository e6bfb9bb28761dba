/// The vector formats mapgen writes, each through one OGR driver.
public enum VectorFormat: String, CaseIterable, Sendable {
    case gpkg, geojson, kml, fgb, csv

    /// OGR drivers to try, best first. KML goes through OGR's own KML driver, not LIBKML: LIBKML
    /// took 10 s for the 1,938 town placemarks (time grows with the square of the count), the
    /// KML driver 0.1 s, with the same placemarks, names, descriptions and ExtendedData.
    var drivers: [String] {
        switch self {
        case .gpkg: return ["GPKG"]
        case .geojson: return ["GeoJSON"]
        case .kml: return ["KML"]
        case .fgb: return ["FlatGeobuf"]
        case .csv: return ["CSV"]
        }
    }

    public var fileExtension: String { rawValue }

    /// GeoPackage and KML hold many layers in one file; GeoJSON, FlatGeobuf and CSV hold one.
    public var holdsManyLayers: Bool { self == .gpkg || self == .kml }

    /// KML's ExtendedData and CSV have no date type: dates go in as ISO text (YYYY-MM-DD), which
    /// spreadsheets and Google Earth read, rather than OGR's YYYY/MM/DD.
    var hasDateType: Bool { !(self == .kml || self == .csv) }

    /// Text formats can go to standard output.
    public var isText: Bool { self == .geojson || self == .kml || self == .csv }
}
