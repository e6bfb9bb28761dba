import ArgumentParser
import Foundation
import Geo
import Render
import Situation

@main
struct Mapgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapgen",
        abstract: "Dated situation maps of a conflict theatre from sourced reports.",
        discussion: """
        mapgen reads a theatre (theatre.yaml, the gazetteer in Gazetteer/ and the encoded reports in \
        Reports/) and draws the situation as of a date: control areas, the front line, the theatre's \
        sites (e.g. observation posts), movements and strikes reported in the days before, with a \
        legend and source credits. The default theatre is the one at --data; 'mapgen theatres' lists \
        the others (Theatres/NAME), which --theatre NAME selects on every command.

        Examples:
          mapgen --date 2020-02-08                  writes Output/2020-02-08.svg and .png
          mapgen map --date 2020-02-09 --window 5 --size 2400x1800
          mapgen analyze --date 2020-02-08 --json    posts' distances and encirclement
          mapgen diff 2020-02-06 2020-02-09          what changed: a change map and list
          mapgen resolve "Town name" "Other town"       what the gazetteer makes of names
          mapgen theatres                            the theatres and the dates they cover
          mapgen --theatre NAME --date YYYY-MM-DD    a map of another theatre
        """,
        subcommands: [MapCommand.self, AnalyzeCommand.self, DiffCommand.self, ReportCommand.self, SeriesCommand.self, WebCommand.self,
                      ResolveCommand.self, GeoparseCommand.self, IngestCommand.self, CheckCommand.self, TheatresCommand.self, ExportCommand.self,
                      ImportCommand.self, GazetteerCommand.self],
        defaultSubcommand: MapCommand.self)

    static func main() {
        let handlers = SignalCleanup.install()
        let status = runReportingUsage(Array(CommandLine.arguments.dropFirst()))
        withExtendedLifetime(handlers) {}
        Foundation.exit(status)
    }
}

/// Options every command that reads the data shares: where the data is and which theatre.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding the default theatre (theatre.yaml, Gazetteer/, Reports/) and Theatres/.", valueName: "dir"))
    var data: String = "."

    @Option(name: .long, help: ArgumentHelp("The theatre to use: a folder name under Theatres/ (see 'mapgen theatres'); default: the theatre at --data.", valueName: "name"))
    var theatre: String?

    /// The folder holding this theatre's theatre.yaml, Gazetteer/ and Reports/.
    var root: URL { (try? TheatreCatalog(base: base).folder(named: theatre)) ?? base }

    /// The --data folder.
    var base: URL { URL(fileURLWithPath: data, isDirectory: true) }

    func validate() throws {
        let catalog = TheatreCatalog(base: base)
        let folder: URL
        do { folder = try catalog.folder(named: theatre) } catch let e as TheatreCatalog.Problem {
            throw ValidationError(e.description)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("Gazetteer").path, isDirectory: &isDir), isDir.boolValue else {
            if theatre != nil {
                throw ValidationError("--theatre \(theatre ?? ""): no Gazetteer/ folder in \(folder.relativeDisplay); a theatre folder holds theatre.yaml, Gazetteer/ and Reports/")
            }
            throw ValidationError("--data \(data): no Gazetteer/ folder there; run mapgen from the repository root, or pass --data DIR (the folder holding Gazetteer/ and Reports/)")
        }
    }
}
