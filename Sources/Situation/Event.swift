import Foundation
import Geo
import Yams

/// A dated, sourced thing that happened: a convoy, a new post, a strike, talks…
public struct Event: Sendable {
    /// The event's kind, as the theatre's event kinds file declares it (EventKinds.swift).
    public typealias Kind = EventKind

    /// One source's version of the figures, kept beside the others where sources disagree.
    public struct Claim: Sendable {
        public let figures: [String: String]
        public let sources: [Source]
    }

    public let id: String
    public let date: Day
    public let time: String?
    public let precision: String
    public let kind: Kind
    public let actor: String
    public let places: [Place]
    public let origin: Place?
    public let destination: Place?
    public let summary: String
    public let figures: [String: String]
    /// Figures a source splits by place (a strike's toll per town), by place id.
    public let figuresByPlace: [Int: [String: String]]
    public let claims: [Claim]
    public let sources: [Source]
    public let conflictsWith: [String]
    public let line: Int
    /// Set for events imported from a dataset (ACLED): their own id, point and precision.
    public var imported: ImportedRecord? = nil

    /// Every source of the event and of its claims.
    public var allSources: [Source] { sources + claims.flatMap(\.sources) }

    /// A number worth printing on the map ("150 vehicles", "10 killed"): the first of `keys`
    /// given for `place` (when the source splits by place), else for the whole event. Where
    /// claims disagree, every claimed value, lowest to highest.
    public func figure(_ keys: [String], at place: Place? = nil) -> [String] {
        if let p = place, let byPlace = figuresByPlace[p.id] {
            for k in keys { if let v = byPlace[k] { return [v] } }
        }
        for k in keys { if let v = figures[k] { return [v] } }
        var claimed: [String] = []
        for c in claims { for k in keys { if let v = c.figures[k], !claimed.contains(v) { claimed.append(v); break } } }
        return claimed.sorted { (Double($0) ?? 0) < (Double($1) ?? 0) }
    }
}

enum EventFile {
    /// `lineOffset` is added to each event's line: the report store parses one event's own lines at a time.
    static func parse(_ text: String, file: String, gazetteer: Gazetteer, kinds: EventKinds, lineOffset: Int = 0) throws -> [Event] {
        try parseItems(text, file: file, gazetteer: gazetteer, kinds: kinds, lineOffset: lineOffset).map(\.event)
    }

    /// Each event with its YAML node (aliases resolved): the report store keeps the node's text.
    static func parseItems(_ text: String, file: String, gazetteer: Gazetteer, kinds: EventKinds,
                           lineOffset: Int = 0) throws -> [(event: Event, node: Node)] {
        if let line = YAMLNesting.firstLineTooDeep(in: text) {
            throw DataError(file: file, line: line, "nested more than \(YAMLNesting.limit) levels deep",
                            fix: "an event is a flat list of key: value pairs with short lists under it; check the brackets and indentation")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text, Resolver.basic) } catch {
            let (line, message) = yamlProblem(error)
            throw DataError(file: file, line: line, "not valid YAML: \(message)", fix: "check indentation and quoting near that line")
        }
        guard let list = root?.sequence else {
            throw DataError(file: file, line: 1, "expected a list of events", fix: "each event starts with \"- id: …\"")
        }
        var out: [(event: Event, node: Node)] = []
        var ids = Set<String>()
        for node in list {
            let line = node.mark?.line ?? 0
            guard let m = node.mapping else {
                throw DataError(file: file, line: line, "an event must be a mapping", fix: "write key: value pairs under \"- \"")
            }
            func str(_ k: String) -> String? { m[k]?.string.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 } }
            func lineOf(_ k: String) -> Int { m[k]?.mark?.line ?? line }
            func required(_ k: String) throws -> String {
                guard let v = str(k) else {
                    throw DataError(file: file, line: line, "event is missing \"\(k)\"", fix: "add \(k): …")
                }
                return v
            }
            func place(_ name: String, at l: Int) throws -> Place { try gazetteer.resolve(name, file: file, line: l) }
            let id = try required("id")
            guard ids.insert(id).inserted else {
                throw DataError(file: file, line: line, "duplicate event id \"\(id)\"", fix: "give each event its own id")
            }
            let dateText = try required("date")
            guard let date = Day(dateText) else {
                throw DataError(file: file, line: lineOf("date"), "bad date \"\(dateText)\"", fix: "write YYYY-MM-DD")
            }
            let type = try required("type")
            let kind = try kinds.kind(type, file: file, line: lineOf("type") + lineOffset)
            let places = try items(m["places"]).compactMap { n -> Place? in
                guard let s = n.string, !s.isEmpty else { return nil }
                return try place(s, at: n.mark?.line ?? line)
            }
            let origin = try str("from").map { try place($0, at: lineOf("from")) }
            let destination = try str("to").map { try place($0, at: lineOf("to")) }
            let sources = try parseSources(m["sources"], file: file, line: line)
            guard !sources.isEmpty else {
                throw DataError(file: file, line: line, "event \"\(id)\" has no sources",
                                fix: "add sources: with outlet, published and attributed_to")
            }
            let claims = try items(m["claims"]).map { n in
                // A claim disputes figures, or the date or the actor: all are kept as named values.
                var disputed = figures(n.mapping?["figures"])
                for key in ["date", "actor"] { if let v = n.mapping?[key]?.string, !v.isEmpty, v != "null" { disputed[key] = v } }
                return Event.Claim(figures: disputed,
                            sources: try parseSources(n.mapping?["sources"], file: file, line: n.mark?.line ?? line))
            }
            out.append((Event(id: id, date: date, time: str("time"), precision: str("precision") ?? "day", kind: kind,
                             actor: str("actor") ?? "", places: places, origin: origin, destination: destination,
                             summary: str("summary") ?? "", figures: figures(m["figures"]),
                             figuresByPlace: try figuresByPlace(m["figures_by_place"], place: place), claims: claims,
                             sources: sources,
                             conflictsWith: items(m["conflicts_with"]).compactMap(\.string),
                             line: line + lineOffset), node))
        }
        return out.sorted { ($0.event.date, $0.event.id) < ($1.event.date, $1.event.id) }
    }

    /// The line and a one-line message of a YAML error (Yams's own text spans several lines and
    /// repeats the source).
    static func yamlProblem(_ error: any Error) -> (line: Int?, message: String) {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _)?, let .parser(context, problem, mark, _)?,
             let .composer(context, problem, mark, _)?:
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: ", ")
            return (mark.line, "\(what) (column \(mark.column))")
        default:
            let oneLine = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return (nil, oneLine)
        }
    }

    // A list's nodes and a mapping's pairs, or none. Not `?? []` / `?? [:]`: an empty
    // `Node.Sequence` or `Node.Mapping` literal gets Yams's default tag resolver, and its first use
    // compiles seven regular expressions (~4 ms of every map run) that `Resolver.basic` never needs.
    static func items(_ node: Node?) -> [Node] { node?.sequence.map(Array.init) ?? [] }
    static func pairs(_ node: Node?) -> [(key: Node, value: Node)] { node?.mapping.map(Array.init) ?? [] }

    static func figuresByPlace(_ node: Node?, place: (String, Int) throws -> Place) throws -> [Int: [String: String]] {
        var out = [Int: [String: String]]()
        for (k, v) in pairs(node) {
            guard let name = k.string else { continue }
            out[try place(name, k.mark?.line ?? 0).id] = figures(v)
        }
        return out
    }

    static func figures(_ node: Node?) -> [String: String] {
        var out = [String: String]()
        for (k, v) in pairs(node) {
            if let k = k.string, let v = v.string { out[k] = v }
        }
        return out
    }

    static func parseSources(_ node: Node?, file: String, line: Int) throws -> [Source] {
        try items(node).map { n in
            guard let m = n.mapping, let outlet = m["outlet"]?.string else {
                throw DataError(file: file, line: n.mark?.line ?? line, "a source needs an outlet",
                                fix: "write outlet: …, published: YYYY-MM-DD, attributed_to: …")
            }
            func value(_ k: String) -> String? { m[k]?.string.flatMap { ["", "null", "~"].contains($0) ? nil : $0 } }
            return Source(outlet: outlet, published: value("published") ?? "undated",
                          attributedTo: value("attributed_to") ?? outlet, url: value("url"))
        }
    }
}
