import ArgumentParser
import Foundation
import Geo
import Render
import Situation

@main
struct Mapgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapgen",
        abstract: "Dated situation maps of northwest Syria from sourced reports.",
        discussion: """
        mapgen reads the gazetteer (Gazetteer/) and the encoded reports (Reports/) and draws the \
        situation as of a date: control areas, the front line, Turkish observation posts, \
        convoys and strikes reported in the days before, with a legend and source credits.

        Examples:
          mapgen --date 2020-02-08                  writes Output/2020-02-08.svg and .png
          mapgen map --date 2020-02-09 --window 5 --size 2400x1800
          mapgen analyze --date 2020-02-08 --json    posts' distances and encirclement
          mapgen diff 2020-02-06 2020-02-09          what changed: a change map and list
          mapgen resolve Saraqeb "Kafr Lusin" Al-Mastoumah
        """,
        subcommands: [MapCommand.self, AnalyzeCommand.self, DiffCommand.self, ReportCommand.self, SeriesCommand.self, WebCommand.self,
                      ResolveCommand.self, GeoparseCommand.self, IngestCommand.self, CheckCommand.self, ExportCommand.self,
                      ImportCommand.self, GazetteerCommand.self],
        defaultSubcommand: MapCommand.self)

    static func main() {
        let handlers = SignalCleanup.install()
        let status = runReportingUsage(Array(CommandLine.arguments.dropFirst()))
        withExtendedLifetime(handlers) {}
        Foundation.exit(status)
    }
}

/// Options every command that reads the data shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding Gazetteer/ and Reports/.", valueName: "dir"))
    var data: String = "."

    var root: URL { URL(fileURLWithPath: data, isDirectory: true) }

    func validate() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Gazetteer").path, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("--data \(data): no Gazetteer/ folder there; run mapgen from the repository root, or pass --data DIR (the folder holding Gazetteer/ and Reports/)")
        }
    }
}

