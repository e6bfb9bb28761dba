import Foundation
import Geo
import Situation

/// The theatres a data folder offers: the one at its root (the default: the folder's own
/// `theatre.yaml`, beside `Gazetteer/` and `Reports/`) and each `Theatres/NAME/` with a
/// `theatre.yaml`. Which theatre is the default is thus a fact of the data, not of the code.
struct TheatreCatalog {
    let base: URL

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    var theatresDir: URL { base.appendingPathComponent("Theatres", isDirectory: true) }

    /// Folder names under Theatres/ holding a theatre.yaml, sorted.
    var names: [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: theatresDir.path)) ?? []
        return items.filter {
            FileManager.default.fileExists(atPath: theatresDir.appendingPathComponent($0).appendingPathComponent(TheatreDescription.fileName).path)
        }.sorted()
    }

    /// The id the root theatre gives itself, read from its first `id:` line (cheap: no YAML parse).
    var rootID: String? {
        let url = base.appendingPathComponent(TheatreDescription.fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n", maxSplits: 40) where line.hasPrefix("id:") {
            return line.dropFirst(3).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The folder of the theatre `name` (nil: the default, at the root).
    func folder(named name: String?) throws -> URL {
        guard let name else { return base }
        if name == rootID { return base }
        if names.contains(name) { return theatresDir.appendingPathComponent(name, isDirectory: true) }
        let known = ([rootID].compactMap { $0 } + names).joined(separator: ", ")
        throw Problem(description: "--theatre \(name): no such theatre in \(base.relativeDisplay); known: \(known.isEmpty ? "none" : known) (see 'mapgen theatres')")
    }

    /// Every theatre: the root one first, then Theatres/*.
    func all() -> [(name: String, folder: URL, isDefault: Bool)] {
        var out: [(String, URL, Bool)] = []
        if let id = rootID { out.append((id, base, true)) }
        for n in names where n != rootID { out.append((n, theatresDir.appendingPathComponent(n, isDirectory: true), false)) }
        return out
    }
}
