import Foundation
import Yams

/// The one key of a theatre's `theatre.yaml` the geoparser needs: `geoparse_focus`, the
/// gazetteer place that ambiguous names are resolved towards. Read here with Yams rather than
/// through Situation's TheatreDescription, because Geoparse depends on Geo only.
enum TheatreFocus {
    struct BadFile: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason); fix the YAML or remove geoparse_focus" }
    }

    /// The focus place's name, or nil when the folder has no theatre.yaml or it names none.
    static func place(in dataRoot: URL) throws -> String? {
        let url = dataRoot.appendingPathComponent("theatre.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw BadFile(path: url.path, reason: "not UTF-8") }
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch { throw BadFile(path: url.path, reason: "\(error)") }
        guard let value = (root as? [String: Any])?["geoparse_focus"] else { return nil }
        guard let name = value as? String else { throw BadFile(path: url.path, reason: "geoparse_focus must be a place name") }
        return name
    }
}
