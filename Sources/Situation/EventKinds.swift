import Foundation
import Geo
import Yams

/// One kind of event the reports may use, as a theatre's event kinds file declares it
/// (`Styles/event-kinds.yaml`). What the code does with an event follows from these properties,
/// never from the kind's id: a new kind is a line in the file.
public struct EventKind: Sendable, Hashable, CustomStringConvertible {
    /// How the map draws events of the kind.
    public enum Drawing: String, Sendable, CaseIterable {
        /// An arrow from the event's origin to its destination.
        case movement
        /// A mark at each of its places in the theatre's country.
        case strike
        /// Not drawn as a mark (listed in brief when `brief`).
        case none
    }

    public let id: String
    /// The legend's line for the kind's mark.
    public let legend: String
    public let draws: Drawing
    /// The mark's symbol (`arrow`, `star`), for the renderer.
    public let symbol: String?
    /// The style key of the mark's colour, for the renderer.
    public let colour: String?
    /// The first word of a strike-like mark's label.
    public let mapLabel: String?
    /// Listed in brief in the legend ("Also reported") when not drawn.
    public let brief: Bool
    /// What the event reports of a site: `established`, `encircled`, `reinforced`.
    public let siteStatus: String?
    /// Its line in the kinds file, for messages.
    public let line: Int?

    public init(id: String, legend: String, draws: Drawing = .none, symbol: String? = nil, colour: String? = nil,
                mapLabel: String? = nil, brief: Bool = false, siteStatus: String? = nil, line: Int? = nil) {
        self.id = id; self.legend = legend; self.draws = draws; self.symbol = symbol; self.colour = colour
        self.mapLabel = mapLabel; self.brief = brief; self.siteStatus = siteStatus; self.line = line
    }

    /// The id, as written in the reports (`type:`).
    public var rawValue: String { id }
    public var description: String { id }

    public static func == (a: EventKind, b: EventKind) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// A theatre's event kinds, in the file's order.
public struct EventKinds: Sendable {
    public let kinds: [EventKind]
    /// The file they were read from, for messages.
    public let file: String
    private let byID: [String: EventKind]

    public init(_ kinds: [EventKind], file: String) {
        self.kinds = kinds; self.file = file
        byID = Dictionary(kinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(id: String) -> EventKind? { byID[id] }

    /// The ids, comma-separated, for "one of: …" in messages.
    public var list: String { kinds.map(\.id).joined(separator: ", ") }

    /// The kind of a report's `type`, or an error naming `file:line`, the type and the known kinds.
    public func kind(_ type: String, file: String, line: Int?) throws -> EventKind {
        guard let k = byID[type] else {
            throw DataError(file: file, line: line, "unknown event type \"\(type)\"",
                            fix: "one of: \(list) (the event kinds of \(self.file))")
        }
        return k
    }

    public static func load(_ url: URL) throws -> EventKinds {
        let name = url.relativeDisplay
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(file: name, "event kinds file not found",
                            fix: "check event_kinds: in theatre.yaml (a path relative to its folder)")
        }
        return try parse(readText(url), file: name)
    }

    public static func parse(_ text: String, file: String) throws -> EventKinds {
        let root: Node?
        do { root = try Yams.compose(yaml: text, Resolver.basic) } catch {
            let (line, message) = EventFile.yamlProblem(error)
            throw DataError(file: file, line: line, "not valid YAML: \(message)", fix: "one kind a line: - {id: …, legend: …, draws: …}")
        }
        guard let list = root?.sequence, !list.isEmpty else {
            throw DataError(file: file, line: 1, "expected a list of event kinds", fix: "one kind a line: - {id: …, legend: …, draws: …}")
        }
        var kinds: [EventKind] = []
        for node in list {
            let line = node.mark?.line ?? 1
            guard let m = node.mapping else {
                throw DataError(file: file, line: line, "an event kind must be a mapping", fix: "- {id: …, legend: …, draws: …}")
            }
            let known: Set = ["id", "legend", "draws", "symbol", "colour", "map_label", "brief", "site_status"]
            for k in m.keys.compactMap(\.string) where !known.contains(k) {
                throw DataError(file: file, line: line, "unknown key \"\(k)\"", fix: "keys: \(known.sorted().joined(separator: ", "))")
            }
            func str(_ k: String) -> String? { m[k]?.string.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 } }
            guard let id = str("id"), let legend = str("legend") else {
                throw DataError(file: file, line: line, "an event kind needs an id and a legend", fix: "- {id: …, legend: …, draws: …}")
            }
            guard !kinds.contains(where: { $0.id == id }) else {
                throw DataError(file: file, line: line, "event kind \"\(id)\" is declared twice", fix: "keep one line per kind")
            }
            let drawsText = str("draws") ?? "none"
            guard let draws = EventKind.Drawing(rawValue: drawsText) else {
                throw DataError(file: file, line: line, "draws: \"\(drawsText)\" is unknown",
                                fix: "one of: \(EventKind.Drawing.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let briefText = str("brief") ?? "false"
            guard ["true", "false"].contains(briefText) else {
                throw DataError(file: file, line: line, "brief: \"\(briefText)\" is not true or false", fix: "brief: true")
            }
            kinds.append(EventKind(id: id, legend: legend, draws: draws, symbol: str("symbol"), colour: str("colour"),
                                   mapLabel: str("map_label"), brief: briefText == "true", siteStatus: str("site_status"),
                                   line: line))
        }
        return EventKinds(kinds, file: file)
    }
}
