import Foundation
import Geo
import Situation

/// Articles of a folder with their metadata: front matter at the top of the file
/// (`---`, `outlet: …`, `published: …`, `url: …`, `---`), a sidecar `NAME.meta` / `NAME.yaml`
/// with the same lines, or a table `articles.tsv` (file, lang, outlet, published, url).
/// Evidence offsets count from the start of the text after the front matter.
public enum ArticleFolder {
    public struct Item: Sendable {
        public let file: String
        public let text: String
        public let meta: ArticleMeta
        public init(file: String, text: String, meta: ArticleMeta) { self.file = file; self.text = text; self.meta = meta }
    }

    public static func read(_ dir: URL, table tableFile: URL? = nil) throws -> [Item] {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        var table: [String: [String: String]] = [:]
        let tableURL = tableFile ?? dir.appendingPathComponent("articles.tsv")
        if fm.fileExists(atPath: tableURL.path) {
            let rows = tsvRows(try readText(tableURL))
            if let header = rows.first?.fields.map(String.init) {
                for (_, f) in rows.dropFirst() {
                    var r: [String: String] = [:]
                    for (k, v) in zip(header, f) { r[k] = String(v) }
                    if let file = r["file"] { table[file] = r }
                }
            }
        }
        var out: [Item] = []
        for name in names {
            let url = dir.appendingPathComponent(name)
            let raw = try readText(url)
            var (fields, body) = frontMatter(raw)
            for side in [name + ".meta", name + ".yaml", (name as NSString).deletingPathExtension + ".meta"] {
                let s = dir.appendingPathComponent(side)
                if fields.isEmpty, fm.fileExists(atPath: s.path) { fields = keyValues(try readText(s)) }
            }
            if fields.isEmpty, let r = table[name] { fields = r }
            guard let outlet = fields["outlet"], !outlet.isEmpty, let published = fields["published"], Day(published) != nil else {
                throw DataError(file: url.relativeDisplay, "no outlet and publication date for this article",
                                fix: "start the file with ---, outlet: NAME, published: YYYY-MM-DD, url: URL, --- (or add \(name).meta, or a row in articles.tsv)")
            }
            let url0 = fields["url"].flatMap { $0.hasPrefix("http") ? $0 : nil }
            out.append(Item(file: name, text: body, meta: ArticleMeta(
                outlet: outlet, published: published, url: url0, file: name,
                language: fields["lang"].flatMap { ArticleLanguage(rawValue: $0) })))
        }
        return out
    }

    /// Splits `---` front matter from the text.
    public static func frontMatter(_ raw: String) -> ([String: String], String) {
        guard raw.hasPrefix("---\n") || raw.hasPrefix("---\r\n") else { return ([:], raw) }
        let lines = raw.components(separatedBy: "\n")
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return ([:], raw)
        }
        let fields = keyValues(lines[1..<close].joined(separator: "\n"))
        return (fields, lines[(close + 1)...].joined(separator: "\n"))
    }

    static func keyValues(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.components(separatedBy: "\n") {
            guard let c = line.firstIndex(of: ":") else { continue }
            let k = line[..<c].trimmingCharacters(in: .whitespaces).lowercased()
            var v = line[line.index(after: c)...].trimmingCharacters(in: .whitespaces)
            if v.count >= 2, (v.hasPrefix("'") && v.hasSuffix("'")) || (v.hasPrefix("\"") && v.hasSuffix("\"")) {
                v = String(v.dropFirst().dropLast())
            }
            if !k.isEmpty { out[k] = v }
        }
        return out
    }
}
