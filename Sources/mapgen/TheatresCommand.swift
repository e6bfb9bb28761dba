import ArgumentParser
import Foundation
import Geo
import Situation

/// `mapgen theatres`: the theatres the data folder offers, with the dates their data covers.
struct TheatresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theatres",
        abstract: "List the theatres (the default one at --data, and Theatres/*) with the dates their data covers.",
        discussion: """
        Each line: name, dates covered, default date, title. Use a name with --theatre on any command.

        Example:
          mapgen theatres
          mapgen --theatre NAME --date YYYY-MM-DD
        """)

    @Option(name: .long, help: ArgumentHelp("Folder holding the default theatre and Theatres/.", valueName: "dir"))
    var data: String = "."

    func run() throws {
        try reportingErrors {
            let catalog = TheatreCatalog(base: URL(fileURLWithPath: data, isDirectory: true))
            let all = catalog.all()
            guard !all.isEmpty else {
                throw DataError(file: data, "no theatre here", fix: "run mapgen from the repository root, or pass --data DIR")
            }
            for t in all {
                let d = try TheatreDescription.load(folder: t.folder)
                let name = t.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                print("\(name) \(d.dates.from) – \(d.dates.to)  default \(d.dates.default)\(t.isDefault ? " (default theatre)" : "")  \(d.title)")
            }
        }
    }
}
