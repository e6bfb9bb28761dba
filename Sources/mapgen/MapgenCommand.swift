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
        subcommands: [MapCommand.self, AnalyzeCommand.self, DiffCommand.self, ReportCommand.self, ResolveCommand.self, GeoparseCommand.self, IngestCommand.self],
        defaultSubcommand: MapCommand.self)
}

/// Options every command that reads the data shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding Gazetteer/ and Reports/.", valueName: "dir"))
    var data: String = "."

    var root: URL { URL(fileURLWithPath: data, isDirectory: true) }
}

/// Runs `body`, turning the errors a user can fix into one clear message and exit code 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ExitCode { throw e } catch let e as ValidationError { throw e } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
