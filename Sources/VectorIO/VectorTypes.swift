import Geo

/// The geometry every feature of a layer has: one type per layer, as GeoPackage and
/// Shapefile want.
public enum GeometryKind: String, Sendable, CaseIterable {
    case none, point, lineString, polygon, multiPoint, multiLineString, multiPolygon
}

public enum FieldType: String, Sendable {
    case string, integer, real, date, boolean
}

public struct FieldDefinition: Sendable, Equatable {
    public let name: String
    public let type: FieldType
    public init(_ name: String, _ type: FieldType) { self.name = name; self.type = type }
}

/// A calendar date without time or zone: written as a date field, not text.
public struct CalendarDate: Sendable, Hashable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// From "YYYY-MM-DD".
    public init?(iso text: some StringProtocol) {
        let p = text.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        let pad = { (v: Int, n: Int) in String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

public enum FieldValue: Sendable, Equatable {
    case string(String), integer(Int), real(Double), date(CalendarDate), boolean(Bool), null

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var integer: Int? { if case .integer(let i) = self { return i } else { return nil } }
    public var real: Double? {
        switch self { case .real(let d): return d; case .integer(let i): return Double(i); default: return nil }
    }
    public var date: CalendarDate? { if case .date(let d) = self { return d } else { return nil } }
}

/// One feature: its geometry as plain lon/lat shapes (x = lon, y = lat) and its attributes.
public struct Feature: Sendable {
    public var shapes: [Shape]
    public var values: [String: FieldValue]
    public init(shapes: [Shape] = [], values: [String: FieldValue]) { self.shapes = shapes; self.values = values }

    public subscript(_ field: String) -> FieldValue { values[field] ?? .null }
}

/// A typed layer: a name, one geometry kind, its fields and features, in EPSG:4326.
public struct VectorLayer: Sendable {
    public let name: String
    public let geometry: GeometryKind
    public let fields: [FieldDefinition]
    public var features: [Feature]

    public init(name: String, geometry: GeometryKind, fields: [FieldDefinition], features: [Feature] = []) {
        self.name = name; self.geometry = geometry; self.fields = fields; self.features = features
    }

    public func field(_ name: String) -> FieldDefinition? { fields.first { $0.name == name } }

    /// The same layer with date fields as ISO text, for formats without a date type.
    var datesAsText: VectorLayer {
        guard fields.contains(where: { $0.type == .date }) else { return self }
        let dateFields = fields.filter { $0.type == .date }.map(\.name)
        return VectorLayer(name: name, geometry: geometry,
                           fields: fields.map { $0.type == .date ? FieldDefinition($0.name, .string) : $0 },
                           features: features.map { f in
                               var f = f
                               for n in dateFields { if case .date(let d) = f[n] { f.values[n] = .string(d.description) } }
                               return f
                           })
    }
}

extension FieldValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
