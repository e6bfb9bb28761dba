import Foundation
import Geo
import Yams

/// A style file (`Styles/default.yaml`, a theatre's override): named values, read here so
/// that Render never parses files. Keys are flat (`sea`, `front_line_width`); a value is a
/// colour (`"#rrggbb"`, optional alpha as `{colour: "#…", alpha: 0.7}`), a number, a list of
/// numbers (dashes) or a word (font family).
public struct StyleSheet: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case numbers([Double])
        case colour(String, alpha: Double)
    }
    public let file: String
    public let values: [String: Value]
    /// The line of each key, for error messages.
    public let lines: [String: Int]

    public init(file: String, values: [String: Value], lines: [String: Int] = [:]) {
        self.file = file; self.values = values; self.lines = lines
    }

    public static func load(_ url: URL) throws -> StyleSheet {
        let name = url.relativeDisplay
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(file: name, "style file not found", fix: "check the styles: list in theatre.yaml (paths are relative to its folder)")
        }
        return try parse(readText(url), file: name)
    }

    public static func parse(_ text: String, file: String) throws -> StyleSheet {
        if let line = YAMLNesting.firstLineTooDeep(in: text, limit: 20) {
            throw DataError(file: file, line: line, "nested too deeply", fix: "a style file is a flat list of key: value")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text, Resolver.basic) } catch {
            throw DataError(file: file, "not valid YAML (\(error))", fix: "a style file is a flat list of key: value")
        }
        guard let map = root?.mapping else {
            if root == nil { return StyleSheet(file: file, values: [:]) }
            throw DataError(file: file, "not a mapping of key: value", fix: "a style file is a flat list of key: value")
        }
        var values = [String: Value](), lines = [String: Int]()
        for (k, v) in map {
            guard let key = k.string else { continue }
            let line = k.mark?.line ?? 1
            lines[key] = line
            func bad(_ what: String) -> DataError {
                DataError(file: file, line: line, "\(key): \(what)", fix: "see Styles/README.md")
            }
            switch v {
            case .scalar(let s):
                let t = s.string
                if t.hasPrefix("#") {
                    values[key] = .colour(t, alpha: 1)
                } else if let d = Double(t), d.isFinite {
                    values[key] = .number(d)
                } else {
                    values[key] = .text(t)
                }
            case .sequence(let seq):
                let nums = seq.compactMap { $0.string.flatMap(Double.init) }
                guard nums.count == seq.count, nums.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw bad("a list must hold numbers ≥ 0") }
                values[key] = .numbers(nums)
            case .mapping(let m):
                guard let c = m["colour"]?.string else { throw bad("expected {colour: \"#rrggbb\", alpha: 0.5}") }
                let a = m["alpha"]?.string.flatMap(Double.init) ?? 1
                guard (0...1).contains(a) else { throw bad("alpha must be from 0 to 1") }
                values[key] = .colour(c, alpha: a)
            }
        }
        return StyleSheet(file: file, values: values, lines: lines)
    }
}
