import CGDAL
import Foundation
import Geo

/// A set of typed layers, read from or written to any format OGR knows. A plain value: the
/// GDAL dataset is opened, used and closed inside `read` and `write`, so no handle escapes.
public struct VectorDataset: Sendable {
    public var layers: [VectorLayer]
    /// Decimals of GeoJSON coordinates; nil keeps OGR's RFC 7946 default (7). 5 is about 1 m.
    public var coordinatePrecision: Int?

    public init(layers: [VectorLayer], coordinatePrecision: Int? = nil) {
        self.layers = layers
        self.coordinatePrecision = coordinatePrecision
    }

    public func layer(_ name: String) -> VectorLayer? { layers.first { $0.name == name } }

    // MARK: writing

    /// Writes every layer to `url` as `format`, atomically: OGR writes a temporary file beside
    /// the target (same extension, so the driver accepts it), which is renamed over the target
    /// when complete. A directory in the target's place is refused, never replaced.
    public func write(_ format: VectorFormat, to url: URL, date: CalendarDate? = nil) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw VectorError(path: url.path, operation: "writing", message: "is a directory; give a file name")
        }
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = url.deletingPathExtension().lastPathComponent
        let tmp = folder.appendingPathComponent(".\(stem).\(getpid()).tmp.\(format.fileExtension)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try writeFile(format, path: tmp.path, shownAs: url.path, date: date)
        guard rename(tmp.path, url.path) == 0 else {
            throw VectorError(path: url.path, operation: "renaming the finished file into place",
                              message: String(cString: strerror(errno)))
        }
    }

    /// The bytes `format` gives for these layers (text formats, for standard output). Written
    /// through GDAL's in-memory file system.
    public func encoded(_ format: VectorFormat, date: CalendarDate? = nil) throws -> Data {
        let gdal = try GDALRuntime.begin()
        let path = "/vsimem/mapgen-\(getpid())-\(UUID().uuidString).\(format.fileExtension)"
        defer { _ = gdal.VSIUnlink(path) }
        try writeFile(format, path: path, shownAs: "standard output", date: date)
        var size: vsi_l_offset = 0
        guard let bytes = gdal.VSIGetMemFileBuffer(path, &size, 0) else {
            throw GDALRuntime.error(gdal, "standard output", "reading the in-memory result")
        }
        return Data(bytes: bytes, count: Int(size))
    }

    func writeFile(_ format: VectorFormat, path: String, shownAs shown: String, date: CalendarDate?) throws {
        // GeoPackage stamps its tables with the current time unless told a date (the map's date
        // keeps the file byte-stable). Read while writing, per thread.
        let gdal = try GDALRuntime.begin()
        try GDALRuntime.withThreadConfig(gdal, "OGR_CURRENT_DATE", date.map { "\($0)T00:00:00Z" }) {
            try writeFileBody(gdal, format, path: path, shownAs: shown)
        }
    }

    private func writeFileBody(_ gdal: GDALFunctions, _ format: VectorFormat, path: String, shownAs shown: String) throws {
        gdal.CPLErrorReset()
        if !format.holdsManyLayers && layers.count != 1 {
            throw VectorError(path: shown, operation: "writing \(format.rawValue)",
                              message: "the format holds one layer, \(layers.count) given")
        }
        guard let driver = format.drivers.lazy.compactMap({ gdal.GDALGetDriverByName($0) }).first else {
            throw VectorError(path: shown, operation: "writing \(format.rawValue)",
                              message: "GDAL has no \(format.drivers.joined(separator: " or ")) driver")
        }
        let datasetOptions: [(String, String)] = format == .kml ? [("NameField", "name"), ("DescriptionField", "description")] : []
        let created = GDALRuntime.withOptions(gdal, datasetOptions) { gdal.GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, $0) }
        guard let ds = created else { throw GDALRuntime.error(gdal, shown, "creating the \(format.rawValue) file") }
        var closed = false
        defer { if !closed { gdal.GDALClose(ds) } }

        let srs = gdal.OSRNewSpatialReference(nil)
        defer { gdal.OSRRelease(srs) }
        _ = gdal.OSRImportFromEPSG(srs, 4326)
        gdal.OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)

        var layerOptions: [(String, String)] = []
        switch format {
        case .geojson:
            layerOptions = [("RFC7946", "YES"), ("WRITE_NAME", "YES")]
            if let digits = coordinatePrecision { layerOptions.append(("COORDINATE_PRECISION", String(digits))) }
        case .csv: layerOptions = [("GEOMETRY", "AS_WKT"), ("CREATE_CSVT", "NO")]
        default: break
        }
        for layer in layers.map({ format.hasDateType ? $0 : $0.datesAsText }) {
            try write(gdal, layer, into: ds, srs: srs, options: layerOptions, shown: shown)
        }
        gdal.GDALClose(ds)
        closed = true
        if gdal.CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            throw GDALRuntime.error(gdal, shown, "finishing the \(format.rawValue) file")
        }
    }

    private func write(_ gdal: GDALFunctions, _ layer: VectorLayer, into ds: GDALDatasetH, srs: OGRSpatialReferenceH?, options: [(String, String)],
                       shown: String) throws {
        let geomType = OGRGeometry.wkbType(layer.geometry)
        let created = GDALRuntime.withOptions(gdal, options) {
            gdal.GDALDatasetCreateLayer(ds, layer.name, layer.geometry == .none ? nil : srs, geomType, $0)
        }
        guard let ogrLayer = created else { throw GDALRuntime.error(gdal, shown, "creating layer \(layer.name)") }
        for f in layer.fields {
            let defn = gdal.OGR_Fld_Create(f.name, Self.ogrType(f.type))
            defer { gdal.OGR_Fld_Destroy(defn) }
            if f.type == .boolean { gdal.OGR_Fld_SetSubType(defn, OFSTBoolean) }
            guard gdal.OGR_L_CreateField(ogrLayer, defn, 1) == OGRERR_NONE else {
                throw GDALRuntime.error(gdal, shown, "adding field \(f.name) to layer \(layer.name)")
            }
        }
        let layerDefn = gdal.OGR_L_GetLayerDefn(ogrLayer)
        // Drivers may launder names ("area_km2" stays, but be safe): look each field up once.
        let indexes = layer.fields.enumerated().map { i, f -> Int32 in
            let found = gdal.OGR_FD_GetFieldIndex(layerDefn, f.name)
            return found >= 0 ? found : Int32(i)
        }
        let transaction = gdal.GDALDatasetStartTransaction(ds, 0) == OGRERR_NONE
        for (n, feature) in layer.features.enumerated() {
            guard let f = gdal.OGR_F_Create(layerDefn) else { throw GDALRuntime.error(gdal, shown, "creating a feature") }
            defer { gdal.OGR_F_Destroy(f) }
            // A field the feature does not have stays unset (GeoJSON leaves it out; a table
            // shows it empty); an explicit .null is written as null.
            for (i, def) in layer.fields.enumerated() {
                if let value = feature.values[def.name] { Self.set(gdal, value, on: f, at: indexes[i]) }
            }
            if layer.geometry != .none {
                guard let g = OGRGeometry.make(gdal, feature.shapes, as: layer.geometry) else {
                    throw VectorError(path: shown, operation: "writing layer \(layer.name)",
                                      message: "feature \(n + 1) is not a \(layer.geometry.rawValue)")
                }
                _ = gdal.OGR_F_SetGeometryDirectly(f, g)
            }
            guard gdal.OGR_L_CreateFeature(ogrLayer, f) == OGRERR_NONE else {
                throw GDALRuntime.error(gdal, shown, "writing feature \(n + 1) of layer \(layer.name)")
            }
        }
        if transaction, gdal.GDALDatasetCommitTransaction(ds) != OGRERR_NONE {
            throw GDALRuntime.error(gdal, shown, "committing layer \(layer.name)")
        }
    }

    static func ogrType(_ t: FieldType) -> OGRFieldType {
        switch t {
        case .string: return OFTString
        case .integer, .boolean: return OFTInteger
        case .real: return OFTReal
        case .date: return OFTDate
        }
    }

    static func set(_ gdal: GDALFunctions, _ value: FieldValue, on f: OGRFeatureH, at i: Int32) {
        switch value {
        case .string(let s): gdal.OGR_F_SetFieldString(f, i, s)
        case .integer(let v): gdal.OGR_F_SetFieldInteger64(f, i, GIntBig(v))
        case .real(let d): gdal.OGR_F_SetFieldDouble(f, i, d)
        case .boolean(let b): gdal.OGR_F_SetFieldInteger(f, i, b ? 1 : 0)
        case .date(let d): gdal.OGR_F_SetFieldDateTime(f, i, Int32(d.year), Int32(d.month), Int32(d.day), 0, 0, 0, 0)
        case .null: gdal.OGR_F_SetFieldNull(f, i)
        }
    }

    // MARK: reading

    /// Reads every layer of any vector source OGR opens (GeoPackage, Shapefile, GeoJSON, KML,
    /// FlatGeobuf, CSV, OSM PBF…), features and all.
    public static func read(_ url: URL) throws -> VectorDataset {
        try read(path: url.path, shownAs: url.path)
    }

    /// Reads from bytes (e.g. what `encoded` gave), through GDAL's in-memory file system.
    public static func read(_ data: Data, fileExtension: String) throws -> VectorDataset {
        let gdal = try GDALRuntime.begin()
        let path = "/vsimem/mapgen-read-\(getpid())-\(UUID().uuidString).\(fileExtension)"
        defer { _ = gdal.VSIUnlink(path) }
        let buffer = gdal.VSIMalloc(max(1, data.count))
        guard let buffer else { throw GDALRuntime.error(gdal, "memory", "allocating \(data.count) bytes") }
        data.withUnsafeBytes { raw in if let base = raw.baseAddress { memcpy(buffer, base, data.count) } }
        // The memory file takes ownership of the buffer (bTakeOwnership = TRUE).
        guard let handle = gdal.VSIFileFromMemBuffer(path, buffer.assumingMemoryBound(to: GByte.self), vsi_l_offset(data.count), 1) else {
            gdal.VSIFree(buffer)
            throw GDALRuntime.error(gdal, "memory", "opening the in-memory file")
        }
        _ = gdal.VSIFCloseL(handle)
        return try read(path: path, shownAs: "(\(fileExtension) data)")
    }

    static func read(path: String, shownAs shown: String) throws -> VectorDataset {
        let gdal = try GDALRuntime.begin()
        guard let ds = gdal.GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil) else {
            throw GDALRuntime.error(gdal, shown, "opening")
        }
        defer { gdal.GDALClose(ds) }
        var out: [VectorLayer] = []
        for li in 0..<gdal.GDALDatasetGetLayerCount(ds) {
            guard let l = gdal.GDALDatasetGetLayer(ds, li) else { continue }
            let name = gdal.OGR_L_GetName(l).map { String(cString: $0) } ?? ""
            let defn = gdal.OGR_L_GetLayerDefn(l)
            var fields: [FieldDefinition] = []
            for i in 0..<gdal.OGR_FD_GetFieldCount(defn) {
                guard let fd = gdal.OGR_FD_GetFieldDefn(defn, i) else { continue }
                fields.append(FieldDefinition(gdal.OGR_Fld_GetNameRef(fd).map { String(cString: $0) } ?? "",
                                              fieldType(gdal.OGR_Fld_GetType(fd), gdal.OGR_Fld_GetSubType(fd))))
            }
            let kind = OGRGeometry.kind(gdal, gdal.OGR_L_GetGeomType(l)) ?? .none
            var features: [Feature] = []
            gdal.OGR_L_ResetReading(l)
            while let f = gdal.OGR_L_GetNextFeature(l) {
                defer { gdal.OGR_F_Destroy(f) }
                var values: [String: FieldValue] = [:]
                for (i, def) in fields.enumerated() { values[def.name] = value(gdal, f, Int32(i), def.type) }
                let shapes = gdal.OGR_F_GetGeometryRef(f).map { OGRGeometry.shapes(gdal, $0) } ?? []
                features.append(Feature(shapes: shapes, values: values))
            }
            out.append(VectorLayer(name: name, geometry: kind, fields: fields, features: features))
        }
        if gdal.CPLGetLastErrorType().rawValue >= CE_Failure.rawValue { throw GDALRuntime.error(gdal, shown, "reading") }
        return VectorDataset(layers: out)
    }

    static func fieldType(_ t: OGRFieldType, _ sub: OGRFieldSubType) -> FieldType {
        switch t {
        case OFTInteger where sub == OFSTBoolean: return .boolean
        case OFTInteger, OFTInteger64: return .integer
        case OFTReal: return .real
        case OFTDate, OFTDateTime: return .date
        default: return .string
        }
    }

    static func value(_ gdal: GDALFunctions, _ f: OGRFeatureH, _ i: Int32, _ type: FieldType) -> FieldValue {
        guard gdal.OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
        switch type {
        case .string: return .string(gdal.OGR_F_GetFieldAsString(f, i).map { String(cString: $0) } ?? "")
        case .integer: return .integer(Int(gdal.OGR_F_GetFieldAsInteger64(f, i)))
        case .boolean: return .boolean(gdal.OGR_F_GetFieldAsInteger(f, i) != 0)
        case .real: return .real(gdal.OGR_F_GetFieldAsDouble(f, i))
        case .date:
            var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
            var s: Float = 0
            guard gdal.OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &h, &mi, &s, &tz) != 0 else { return .null }
            return .date(CalendarDate(year: Int(y), month: Int(m), day: Int(d)))
        }
    }
}
