import ArgumentParser
import Exchange
import Foundation
import Geo

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Maintain the gazetteer (Gazetteer/places.tsv).",
        subcommands: [GazetteerImport.self])
}

/// `--bbox W,S,E,N`.
struct ViewBox: ExpressibleByArgument {
    let west: Double, south: Double, east: Double, north: Double
    init?(argument: String) {
        let p = argument.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard p.count == 4, p[0] < p[2], p[1] < p[3], (-90...90).contains(p[1]), (-90...90).contains(p[3]) else { return nil }
        (west, south, east, north) = (p[0], p[1], p[2], p[3])
    }
}

struct GazetteerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a GeoNames dump (SY.txt, cities1000.txt) and optionally alternateNamesV2.txt.",
        discussion: """
        Places already in Gazetteer/places.tsv keep their name, coordinates, source and rank (the \
        theatre's corrections) and gain the dump's spellings as variants; other places are appended \
        with source "GeoNames <id>". Nothing is written if any row is bad.

        Example:
          mapgen gazetteer import SY.txt --alternate-names alternateNamesV2.txt --classes P,S --bbox 35.9,35.2,37.6,36.6
        """)

    @Argument(help: ArgumentHelp("GeoNames dump (19 tab-separated columns).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("GeoNames alternateNamesV2.txt, for spelling variants.", valueName: "file"))
    var alternateNames: String?

    @Option(help: ArgumentHelp("Feature classes to keep, comma-separated (P places, A admin, S spots, T terrain, H water…).",
                               valueName: "list"))
    var classes: String = "P"

    @Option(help: ArgumentHelp("Keep only places inside W,S,E,N (degrees).", valueName: "w,s,e,n"))
    var bbox: ViewBox?

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        try reportingErrors {
            let filter = GeoNamesImport.Filter(
                classes: Set(classes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }),
                box: bbox.map { ($0.west, $0.south, $0.east, $0.north) })
            let s = try GeoNamesImport.run(dump: URL(fileURLWithPath: file), alternates: alternateNames.map { URL(fileURLWithPath: $0) },
                                           filter: filter, gazetteerDirectory: dataOptions.root.appendingPathComponent("Gazetteer"))
            print("\(file): \(s.read) rows, \(s.kept) kept by the filters; \(s.added) places added, \(s.variantsAdded) variants added")
        }
    }
}
