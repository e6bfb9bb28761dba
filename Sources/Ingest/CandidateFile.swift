import Foundation

/// The candidates file: `events:` in the schema of Reports/events.yaml plus status,
/// confidence and evidence; `control:` in the columns of Reports/control.tsv plus evidence.
public enum CandidateFile {
    public static func write(_ c: Candidates, header: [String] = []) -> String {
        var out = "# mapgen ingest candidates. Review: delete or set `status: rejected` on what is wrong, edit fields,\n"
        out += "# then merge with `mapgen ingest --apply FILE`. Summaries are generated from the fields.\n"
        for h in header { out += "# \(h)\n" }
        out += YAMLWriter.map([
            YAMLPair("events", .list(c.events.map(eventValue))),
            YAMLPair("control", .list(c.control.map(controlValue))),
        ])
        return out
    }

    static func number(_ d: Double) -> YAMLValue { .raw(String(format: "%.2f", d)) }

    static func figureValue(_ v: String) -> YAMLValue { Double(v) != nil ? .raw(v) : .string(v) }

    public static func sourceValue(_ s: CandidateSource) -> YAMLValue {
        var p = [YAMLPair("outlet", .string(s.outlet)), YAMLPair("published", .string(s.published)),
                 YAMLPair("attributed_to", .string(s.attributedTo))]
        if let u = s.url { p.append(YAMLPair("url", .string(u))) }
        return .map(p)
    }

    static func evidenceValue(_ e: Evidence) -> YAMLValue {
        var p: [YAMLPair] = []
        if let a = e.article { p.append(YAMLPair("article", .string(a))) }
        p += [YAMLPair("start", .raw(String(e.start))), YAMLPair("end", .raw(String(e.end)))]
        if !e.more.isEmpty {
            p.append(YAMLPair("more", .list(e.more.map { .raw("[" + $0.map(String.init).joined(separator: ", ") + "]") })))
        }
        return .map(p)
    }

    /// Event entry; keys in the order of Reports/events.yaml, then the review fields.
    public static func eventValue(_ e: CandidateEvent) -> YAMLValue {
        var p = eventPairs(e)
        p.append(YAMLPair("status", .string(e.status)))
        p.append(YAMLPair("confidence", number(e.confidence)))
        p.append(YAMLPair("evidence", evidenceValue(e.evidence)))
        return .map(p)
    }

    /// The fields Reports/events.yaml holds (also used by --apply to write the event).
    public static func eventPairs(_ e: CandidateEvent, includePosition: Bool = true) -> [YAMLPair] {
        var p = [YAMLPair("id", .string(e.id)), YAMLPair("date", .string(e.date.description))]
        if let end = e.dateEnd { p.append(YAMLPair("date_end", .string(end.description))) }
        p += [YAMLPair("time", .null), YAMLPair("precision", .string(e.precision)), YAMLPair("type", .string(e.type)),
              YAMLPair("actor", .string(e.actor))]
        if let f = e.from { p.append(YAMLPair("from", .string(f))) }
        if let t = e.to { p.append(YAMLPair("to", .string(t))) }
        p.append(YAMLPair("places", .list(e.places.map { .string($0) })))
        if !e.regions.isEmpty { p.append(YAMLPair("regions", .list(e.regions.map { .string($0) }))) }
        if !e.sites.isEmpty { p.append(YAMLPair("sites", .list(e.sites.map { .string($0) }))) }
        if !e.roads.isEmpty { p.append(YAMLPair("roads", .list(e.roads.map { .string($0) }))) }
        if includePosition, let pos = e.position {
            var q = [YAMLPair("anchor", .string(pos.anchor)), YAMLPair("relation", .string(pos.relation))]
            if let km = pos.offsetKm { q.append(YAMLPair("offset_km", .raw(String(format: "%g", km)))) }
            p.append(YAMLPair("position", .map(q)))
        }
        p.append(YAMLPair("summary", .string(e.summary)))
        if !e.figures.isEmpty { p.append(YAMLPair("figures", .map(e.figures.map { YAMLPair($0.key, figureValue($0.value)) }))) }
        let q = e.figures.compactMap { f in e.qualifiers[f.key].map { YAMLPair(f.key, .string($0)) } }
        if !q.isEmpty { p.append(YAMLPair("qualifiers", .map(q))) }
        if !e.claims.isEmpty {
            p.append(YAMLPair("claims", .list(e.claims.map { c in
                var cp: [YAMLPair] = []
                if let d = c.date { cp.append(YAMLPair("date", .string(d))) }
                if !c.figures.isEmpty { cp.append(YAMLPair("figures", .map(c.figures.map { YAMLPair($0.key, figureValue($0.value)) }))) }
                let cq = c.figures.compactMap { f in c.qualifiers[f.key].map { YAMLPair(f.key, .string($0)) } }
                if !cq.isEmpty { cp.append(YAMLPair("qualifiers", .map(cq))) }
                cp.append(YAMLPair("sources", .list(c.sources.map(sourceValue))))
                return .map(cp)
            })))
        }
        p.append(YAMLPair("sources", .list(e.sources.map(sourceValue))))
        if let n = e.note { p.append(YAMLPair("note", .string(n))) }
        return p
    }

    public static func controlValue(_ c: ControlCandidate) -> YAMLValue {
        var p = [YAMLPair("date", .string(c.date.description)), YAMLPair("place", .string(c.place)),
                 YAMLPair("place_id", .string(c.placeID)), YAMLPair("holder", .string(c.holder)),
                 YAMLPair("role", .string(c.role)), YAMLPair("confidence", number(c.confidence)),
                 YAMLPair("outlet", .string(c.outlet)), YAMLPair("published", .string(c.published)),
                 YAMLPair("attributed_to", .string(c.attributedTo))]
        if let u = c.url { p.append(YAMLPair("url", .string(u))) }
        p.append(YAMLPair("status", .string(c.status)))
        p.append(YAMLPair("evidence", evidenceValue(c.evidence)))
        return .map(p)
    }
}
