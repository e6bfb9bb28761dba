import ArgumentParser
import Exchange
import Foundation
import Geo
import Situation
import VectorIO

extension VectorFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The situation on a date as GIS layers: GeoPackage, GeoJSON, KML, FlatGeobuf or CSV (GDAL/OGR).",
        discussion: """
        Writes typed layers in EPSG:4326, one geometry type per layer: control_areas, front_line, \
        zones (the de-escalation zone), rings (--buffer), sites (observation posts with reported and \
        computed status), site_areas, events (exact places), event_areas (approximate places), \
        movements (origin → destination), event_sources (one row per source, no geometry) and \
        town_control (each place's holder and the claim that set it).

        GeoPackage and KML hold every layer in one file. GeoJSON, FlatGeobuf and CSV hold one: \
        give --layer NAME, or every layer is written beside --out as NAME.<layer>.<ext>.

        Examples:
          mapgen export --date 2020-02-08 --format gpkg --out Output/2020-02-08.gpkg
          mapgen export --date 2020-02-08 --format kml --out Output/2020-02-08.kml
          mapgen export --date 2020-02-08 --format geojson --layer sites --out -
          ogrinfo -so -al Output/2020-02-08.gpkg
        """)

    @Option(help: DefaultDateHelp.text("The date"))
    var date: Day?

    @Option(help: ArgumentHelp("gpkg, geojson, kml, fgb or csv.", valueName: "format"))
    var format: VectorFormat

    @Option(help: ArgumentHelp("The file to write; - for standard output (geojson, kml, csv).", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Only this layer (required for one-layer formats on standard output).", valueName: "name"))
    var layer: String?

    @Option(help: ArgumentHelp("Events of this many days up to the date.", valueName: "days"))
    var window: Int = 3

    @Option(help: ArgumentHelp("A ring to export: PLACE:KM (repeatable, KM 0.1–200), e.g. \"Town name:10\".", valueName: "place:km"))
    var buffer: [String] = []

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        _ = try buffer.map(BufferRequest.init)
        if out.isEmpty || out.hasSuffix("/") { throw ValidationError("--out needs a file name (e.g. Output/\(date.map { "\($0)" } ?? "DATE").\(format.fileExtension)), or - for standard output") }
        guard window >= 1 else { throw ValidationError("--window must be at least 1 day") }
        if let layer, !SituationLayers.layerNames.contains(layer) {
            throw ValidationError("--layer: unknown layer \"\(layer)\"; one of \(SituationLayers.layerNames.joined(separator: ", "))")
        }
        if out == "-" {
            guard format.isText else {
                throw ValidationError("--out -: \(format.rawValue) is binary; write it to a file (--out FILE.\(format.fileExtension))")
            }
            guard format.holdsManyLayers || layer != nil else {
                throw ValidationError("--out -: \(format.rawValue) holds one layer; add --layer NAME (e.g. --layer sites)")
            }
        }
    }

    func run() throws {
        let requests = try buffer.map(BufferRequest.init)
        try reportingErrors {
            let description = try dataOptions.description()
            let date = self.date ?? description.dates.default
            let theatre = try Theatre.load(description, showing: DayWindow(last: date, days: window))
            theatre.warnIfAfterData(date, option: "--date")
            let rings = try requests.map { try $0.resolve(in: theatre.gazetteer) }
            let situation = try Situation(at: date, in: theatre, windowDays: window)
            var layers = try SituationLayers(situation: situation, rings: rings).layers()
            if let layer { layers = layers.filter { $0.name == layer } }
            try writeLayers(layers, format: format, out: out, date: date)
        }
    }
}

/// Writes layers to `out` ("-" for standard output) in `format`: one file for GeoPackage and
/// KML, one file per layer (`NAME.<layer>.<ext>`) for the one-layer formats unless only one
/// layer is given. Shared by `export` and (after the merge) `analyze --geojson`.
func writeLayers(_ layers: [VectorLayer], format: VectorFormat, out: String, date: Day) throws {
    // KML has no place for a table without geometry.
    let layers = format == .kml ? layers.filter { $0.geometry != .none } : layers
    let stamp = SituationLayers.date(date)
    if out == "-" {
        FileHandle.standardOutput.write(try VectorDataset(layers: layers).encoded(format, date: stamp))
        return
    }
    let url = URL(fileURLWithPath: out)
    let stem = url.deletingPathExtension().lastPathComponent
    // One file, or one per layer for the one-layer formats.
    let files: [(URL, [VectorLayer])] = format.holdsManyLayers || layers.count == 1 ? [(url, layers)] : layers.map { l in
        (url.deletingLastPathComponent().appendingPathComponent("\(stem).\(l.name).\(format.fileExtension)"), [l])
    }
    try checkOutputs(files.map(\.0), option: "--out")
    for (file, content) in files {
        try VectorDataset(layers: content).write(format, to: file, date: stamp)
        let what = content.count == 1 ? "\(content[0].features.count) features" : "\(content.count) layers"
        FileHandle.standardError.write(Data("wrote \(file.relativeDisplay) (\(what))\n".utf8))
    }
}
