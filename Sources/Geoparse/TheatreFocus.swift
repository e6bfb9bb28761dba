import Foundation
import Yams

/// The keys of a theatre's `theatre.yaml` the geoparser needs: `geoparse_focus`, the gazetteer
/// place that ambiguous names are resolved towards, and `languages`, the languages its news is
/// read in (geoparse and ingest warn about a text in another). Read here with Yams rather than
/// through Situation's TheatreDescription, because Geoparse depends on Geo only.
enum TheatreFocus {
    struct BadFile: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// The focus place's name, or nil when the folder has no theatre.yaml or it names none.
    static func place(in dataRoot: URL) throws -> String? {
        guard let root = try load(dataRoot) else { return nil }
        guard let value = root["geoparse_focus"] else { return nil }
        guard let name = value as? String else {
            throw BadFile(path: url(dataRoot).path, reason: "geoparse_focus must be a place name; fix the YAML or remove geoparse_focus")
        }
        return name
    }

    /// The theatre's `languages:` (empty when the folder has no theatre.yaml or it lists none).
    static func languages(in dataRoot: URL) throws -> [TextLanguage] {
        guard let value = try load(dataRoot)?["languages"] else { return [] }
        guard let list = value as? [Any] else {
            throw BadFile(path: url(dataRoot).path, reason: "languages must be a list of language codes, e.g. [en, ar]")
        }
        return try list.map { v in
            guard let code = v as? String, let l = TextLanguage(rawValue: code) else {
                throw BadFile(path: url(dataRoot).path, reason: "languages: \"\(v)\" is not a language mapgen reads; use \(TextLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return l
        }
    }

    static func url(_ dataRoot: URL) -> URL { dataRoot.appendingPathComponent("theatre.yaml") }

    static func load(_ dataRoot: URL) throws -> [String: Any]? {
        let url = url(dataRoot)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw BadFile(path: url.path, reason: "not UTF-8") }
        do { return try Yams.load(yaml: text) as? [String: Any] } catch { throw BadFile(path: url.path, reason: "\(error)") }
    }
}
