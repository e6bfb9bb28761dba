import Foundation
import Geo
import VectorIO

/// `Gazetteer/basemap/sources.tsv` (optional): where a basemap layer comes from when it is not
/// the shipped GeoJSON file. Any source OGR reads: a Shapefile, a GeoPackage layer, GeoJSON,
/// FlatGeobuf, an OpenStreetMap extract (.osm.pbf, layer `lines` for roads and rivers)…
///
///     layer   source                         ogr_layer
///     rivers  ../osm/country-latest.osm.pbf    lines
///     admin1  ../gadm/gadm41_SYR.gpkg        ADM_ADM_1
///
/// `layer` is one of the basemap's layers (land, sea, border, coast, rivers, lakes, admin1,
/// inset_countries_ne110m); `source` is relative to the basemap folder; `ogr_layer` is optional
/// (the source's first layer otherwise). Geometry must be lon/lat (EPSG:4326).
enum BasemapSources {
    static let fileName = "sources.tsv"
    static let layers = ["land", "sea", "border", "coast", "rivers", "lakes", "admin1", "inset_countries_ne110m"]

    struct Declaration {
        let source: URL
        let ogrLayer: String?
        let file: String
        let line: Int
    }

    static func parse(_ text: String, file: String, directory: URL) throws -> [String: Declaration] {
        var out: [String: Declaration] = [:]
        for (line, f) in tsvRows(text) {
            if f.first == "layer" { continue }   // the header
            guard f.count >= 2, layers.contains(String(f[0])) else {
                throw DataError(file: file, line: line, "expected: layer, source[, ogr_layer] with layer one of \(layers.joined(separator: ", "))",
                                fix: "tab-separate the columns")
            }
            let path = String(f[1])
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
            let ogrLayer = f.count > 2 && !f[2].isEmpty ? String(f[2]) : nil
            out[String(f[0])] = Declaration(source: url, ogrLayer: ogrLayer, file: file, line: line)
        }
        return out
    }

    /// The declaration's features as one lon/lat geometry (points are left out: a basemap layer
    /// is lines or areas).
    static func geometry(_ d: Declaration) throws -> Geometry {
        let dataset: VectorDataset
        do { dataset = try VectorDataset.read(d.source) } catch let e as VectorError {
            throw DataError(file: d.file, line: d.line, "cannot read \(d.source.path): \(e.message)",
                            fix: "give a path (relative to the basemap folder) to a file OGR reads")
        }
        let layer = d.ogrLayer.map { dataset.layer($0) } ?? dataset.layers.first
        guard let layer else {
            throw DataError(file: d.file, line: d.line, "\(d.source.lastPathComponent) has no layer \(d.ogrLayer ?? "")",
                            fix: "one of: \(dataset.layers.map(\.name).joined(separator: ", "))")
        }
        var parts: [Geometry] = []
        for f in layer.features {
            for s in f.shapes {
                switch s {
                case .point: continue
                case .line(let pts) where pts.count >= 2: parts.append(try Geometry.lineString(pts))
                case .polygon(let rings) where (rings.first?.count ?? 0) >= 4:
                    parts.append(try Geometry.polygon(rings[0], holes: Array(rings.dropFirst())))
                default: continue
                }
            }
        }
        return try Geometry.collection(parts)
    }
}
