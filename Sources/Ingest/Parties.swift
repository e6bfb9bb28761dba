import Foundation
import Geo

/// The parties a theatre's news names as actors (the `side` part of `actors.tsv` keys), from the
/// theatre's `Reading/parties.tsv`: which map side a town taken by the party goes to, the figure
/// key for the party's own soldiers ("150 Turkish soldiers" → `turkish_soldiers`), and the event
/// types the party is the actor of when a sentence names none (with the label written then).
public struct Parties: Sendable {
    public struct Party: Sendable {
        public let id: String
        /// The theatre side (theatre.yaml `sides:` id) whose ground a town this party takes joins.
        public let holds: String?
        /// The figure key stem for this party's soldiers.
        public let soldiers: String?
        /// Event types this party is the default actor of, and the actor label used then.
        public let acts: [String]
        public let label: String?
    }

    public let parties: [Party]
    public init(_ parties: [Party] = []) { self.parties = parties }

    public func party(_ id: String?) -> Party? { id.flatMap { i in parties.first { $0.id == i } } }

    /// The actor of an event whose sentence names none: the party that does such things in this
    /// theatre (in Idlib, convoys are Turkish), else "not stated".
    public func defaultActor(_ type: String) -> String {
        parties.first { $0.acts.contains(type) }?.label ?? "not stated"
    }

    /// The side a town "lost" by a party's side goes to: the other of the two sides the parties
    /// hold for (nil when the parties hold for more or fewer than two).
    public func opponent(of side: String) -> String? {
        var sides: [String] = []
        for p in parties { if let h = p.holds, !sides.contains(h) { sides.append(h) } }
        guard sides.count == 2, sides.contains(side) else { return nil }
        return sides.first { $0 != side }
    }

    /// Words that name a party in figure keys (`turkish` of turkish_soldiers, the party ids): gold
    /// keys often leave them out, so figure kinds are compared without them.
    public var sideWords: Set<String> {
        var out = Set(parties.map(\.id))
        for p in parties { if let s = p.soldiers?.split(separator: "_").first { out.insert(String(s)) } }
        return out
    }

    public static func load(_ url: URL) throws -> Parties {
        guard FileManager.default.fileExists(atPath: url.path) else { return Parties() }
        var out: [Party] = []
        func opt(_ f: [Substring], _ i: Int) -> String? {
            i < f.count && !f[i].trimmingCharacters(in: .whitespaces).isEmpty ? String(f[i]).trimmingCharacters(in: .whitespaces) : nil
        }
        for (line, f) in tsvRows(try readText(url)) where f.first != "party" {
            guard let id = opt(f, 0) else {
                throw DataError(file: url.relativeDisplay, line: line, "expected party, holds, soldiers, acts, label",
                                fix: "tab-separate the columns; leave a column empty when it does not apply")
            }
            let acts = opt(f, 3)?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            if !acts.isEmpty && opt(f, 4) == nil {
                throw DataError(file: url.relativeDisplay, line: line, "party \(id) acts in \(acts.joined(separator: ", ")) but has no label",
                                fix: "write the actor label in the fifth column")
            }
            out.append(Party(id: id, holds: opt(f, 1), soldiers: opt(f, 2), acts: acts, label: opt(f, 4)))
        }
        return Parties(out)
    }
}
