import Foundation
import Geo
import VectorIO

/// One GeoJSON FeatureCollection whose features have different geometry types (areas, lines,
/// points), written by OGR's GeoJSON driver with RFC7946=YES: lon/lat, exterior rings
/// counter-clockwise, no `crs`. QGIS opens such a file as one source and splits it by geometry
/// type; a `layer` property says what each feature is.
public struct MixedFeatureCollection {
    public let name: String
    private var features: [Feature] = []
    private var types: [String: FieldType] = [:]

    public init(name: String) { self.name = name }

    /// Adds a feature for a lon/lat geometry (x = lon, y = lat); an empty geometry adds nothing.
    /// A property a feature lacks is left out of it, not written as null.
    public mutating func add(_ geometry: Geometry, properties: [String: JSONValue]) {
        let shapes = geometry.shapes
        guard !shapes.isEmpty else { return }
        var values: [String: FieldValue] = [:]
        for (key, json) in properties {
            let (type, value) = Self.field(json)
            values[key] = value
            guard let type else { continue }
            switch (types[key], type) {
            case (nil, _), (.integer?, .real): types[key] = type
            case let (old?, new) where old != new && !(old == .real && new == .integer): types[key] = .string
            default: break
            }
        }
        features.append(Feature(shapes: shapes, values: values))
    }

    /// The features as one OGR layer of mixed geometry, fields in name order (so the output is
    /// byte-stable); a field that is only ever null is text.
    public var layer: VectorLayer {
        let keys = Set(features.flatMap(\.values.keys)).sorted()
        return VectorLayer(name: name, geometry: .mixed, fields: keys.map { FieldDefinition($0, types[$0] ?? .string) },
                           features: features)
    }

    /// The GeoJSON text, through OGR, coordinates to 5 decimals (about 1 m, as the data is).
    public func geoJSON() throws -> String {
        String(decoding: try VectorDataset(layers: [layer], coordinatePrecision: 5).encoded(.geojson), as: UTF8.self)
    }

    /// A JSON property as an OGR field type and value. Arrays and objects go in as their JSON
    /// text, which OGR's GeoJSON driver writes back as JSON (AUTODETECT_JSON_STRINGS, on by
    /// default): `sources` stays an array of objects for the web page's popups.
    static func field(_ v: JSONValue) -> (FieldType?, FieldValue) {
        switch v {
        case .string(let s): return (.string, .string(s))
        case .number(let d): return (.real, .real(d))
        case .integer(let i): return (.integer, .integer(i))
        case .bool(let b): return (.boolean, .boolean(b))
        case .null: return (nil, .null)
        case .array, .object: return (.string, .string(v.encoded()))
        }
    }
}
