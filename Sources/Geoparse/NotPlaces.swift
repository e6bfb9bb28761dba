import Foundation
import Geo

/// What one theatre's news writes that looks like a place and is not a mention of one, from the
/// theatre's `Gazetteer/not_places.tsv` (kind, name): the adjectives of its peoples, words of
/// organisation names, multi-word names that hold a place (organisations, outlets, people,
/// agreements) and acronyms. Language-level lists (common words, titles) stay in `Stoplists`.
struct NotPlaces: Sendable {
    /// Folded single words never taken as a place on their own, and given no spelling guess.
    var words: Set<String> = []
    /// Multi-word names that contain a place name and are not a mention of it.
    var names: [String] = []
    /// Not a place when written in capitals.
    var acronyms: Set<String> = []

    static let fileName = "not_places.tsv"

    static func load(_ gazDir: URL) throws -> NotPlaces {
        let file = gazDir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return NotPlaces() }
        var out = NotPlaces()
        for (line, f) in tsvRows(try readText(file)) where f.first != "kind" {
            guard f.count >= 2, !f[1].isEmpty else {
                throw DataError(file: file.relativeDisplay, line: line, "expected kind and name",
                                fix: "separate the two columns with a tab (see Gazetteer/README.md)")
            }
            let name = String(f[1])
            switch f[0] {
            case "adjective", "word": out.words.insert(Fold.nameKey(name))
            case "name": out.names.append(name)
            case "acronym": out.acronyms.insert(name.lowercased())
            default:
                throw DataError(file: file.relativeDisplay, line: line, "unknown kind \"\(f[0])\"",
                                fix: "use adjective, word, name or acronym")
            }
        }
        return out
    }
}
