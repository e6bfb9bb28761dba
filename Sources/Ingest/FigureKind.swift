/// What a figure key counts, for comparing keys written differently: the outcome (killed,
/// wounded, displaced, neutralized, destroyed, downed, seized) and the thing counted (soldiers,
/// civilians, vehicles…), without the party (the theatre's `Parties.sideWords`) or generic words (people).
public struct FigureKind: Sendable, Equatable {
    public let outcome: String?
    public let thing: String?

    static let outcomes: Set<String> = ["killed", "wounded", "displaced", "neutralized", "destroyed", "downed", "seized", "hit"]
    /// Words that name nothing in particular: gold keys often leave them out (and the party words).
    static let generic: Set<String> = ["people", "personnel", "period", "duration",
                                       "pro", "government", "opposition", "claimed", "by", "max", "min"]
    /// Spellings of one thing.
    static let same: [String: String] = ["troops": "soldiers", "neutralised": "neutralized", "armored": "armoured",
                                         "helicopter": "helicopters", "tank": "tanks", "vehicle": "vehicles", "elements": "fighters",
                                         "units": "fighters", "hour": "hours"]

    /// `sideWords`: the words naming the theatre's parties in figure keys (Parties.sideWords).
    public init(_ key: String, sideWords: Set<String> = []) {
        let words = key.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
            .map { FigureKind.same[String($0)] ?? String($0) }
        outcome = words.last { FigureKind.outcomes.contains($0) }
        let rest = words.filter { !FigureKind.outcomes.contains($0) && !FigureKind.generic.contains($0) && !sideWords.contains($0) }
        thing = rest.isEmpty ? nil : rest.joined(separator: "_")
    }

    /// A gold kind and a candidate kind: outcomes equal (or the gold names none), things equal
    /// (or either leaves it out).
    public func compatible(with c: FigureKind) -> Bool {
        if let o = outcome, o != c.outcome { return false }
        guard let t = thing, let u = c.thing else { return true }
        return t == u
    }
}
