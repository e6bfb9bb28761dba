import Foundation
import Geo
import Situation
import Yams

/// Reads a reviewed candidates file back. Entries set to `status: rejected` are dropped; every
/// other entry is taken as kept. Errors name the file and line.
public enum CandidateReader {
    public static func read(_ text: String, file: String) throws -> Candidates {
        let root: Node?
        do { root = try Yams.compose(yaml: text, Resolver.basic) } catch {
            throw DataError(file: file, "not valid YAML: \(error)", fix: "check the indentation near that line")
        }
        guard let m = root?.mapping else {
            throw DataError(file: file, line: 1, "expected `events:` and `control:` lists", fix: "write the file as mapgen ingest does")
        }
        var out = Candidates()
        for n in m["events"]?.sequence ?? [] {
            let e = try event(n, file: file)
            if e.status != "rejected" { out.events.append(e) }
        }
        for n in m["control"]?.sequence ?? [] {
            let c = try controlRow(n, file: file)
            if c.status != "rejected" { out.control.append(c) }
        }
        return out
    }

    static func str(_ n: Node?) -> String? { n?.string.flatMap { ["", "null", "~"].contains($0) ? nil : $0 } }

    static func day(_ n: Node?, _ key: String, file: String, line: Int) throws -> Day {
        guard let s = str(n), let d = Day(s) else {
            throw DataError(file: file, line: n?.mark?.line ?? line, "\(key) must be a date YYYY-MM-DD (got \"\(str(n) ?? "")\")",
                            fix: "write \(key): 'YYYY-MM-DD'")
        }
        return d
    }

    static func sources(_ n: Node?, file: String, line: Int) throws -> [CandidateSource] {
        try (n?.sequence ?? []).map { s in
            let l = s.mark?.line ?? line
            guard let m = s.mapping, let outlet = str(m["outlet"]) else {
                throw DataError(file: file, line: l, "a source needs an outlet", fix: "write outlet:, published:, attributed_to:")
            }
            guard let published = str(m["published"]) else {
                throw DataError(file: file, line: l, "source \"\(outlet)\" has no publication date", fix: "add published: 'YYYY-MM-DD'")
            }
            return CandidateSource(outlet: outlet, published: published, attributedTo: str(m["attributed_to"]) ?? outlet,
                                   url: str(m["url"]))
        }
    }

    static func figures(_ n: Node?) -> [(key: String, value: String)] {
        (n?.mapping ?? [:]).compactMap { k, v in k.string.flatMap { key in v.string.map { (key, $0) } } }
    }

    static func qualifiers(_ n: Node?) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in n?.mapping ?? [:] { if let k = k.string, let v = v.string { out[k] = v } }
        return out
    }

    static func event(_ n: Node, file: String) throws -> CandidateEvent {
        let line = n.mark?.line ?? 0
        guard let m = n.mapping else {
            throw DataError(file: file, line: line, "an event must be a mapping", fix: "write key: value pairs under \"- \"")
        }
        guard let type = str(m["type"]) else {
            throw DataError(file: file, line: line, "event has no type", fix: "add type: (convoy, strike, …)")
        }
        let list: (String) -> [String] = { k in (m[k]?.sequence ?? []).compactMap { str($0) } }
        let ev = m["evidence"]?.mapping
        var e = CandidateEvent(
            id: str(m["id"]) ?? "", date: try day(m["date"], "date", file: file, line: line),
            dateEnd: try m["date_end"].flatMap { str($0) == nil ? nil : try day($0, "date_end", file: file, line: line) },
            precision: str(m["precision"]) ?? "day", type: type, actor: str(m["actor"]) ?? "not stated",
            from: str(m["from"]), to: str(m["to"]), places: list("places"), summary: str(m["summary"]) ?? "",
            sources: try sources(m["sources"], file: file, line: line),
            confidence: Double(str(m["confidence"]) ?? "") ?? 0.5,
            evidence: Evidence(article: str(ev?["article"]), start: Int(str(ev?["start"]) ?? "") ?? 0,
                               end: Int(str(ev?["end"]) ?? "") ?? 0))
        e.regions = list("regions")
        e.sites = list("sites")
        e.roads = list("roads")
        e.figures = figures(m["figures"])
        e.qualifiers = qualifiers(m["qualifiers"])
        e.note = str(m["note"])
        e.status = str(m["status"]) ?? "candidate"
        if let p = m["position"]?.mapping, let anchor = str(p["anchor"]) {
            e.position = CandidatePosition(anchor: anchor, relation: str(p["relation"]) ?? "at",
                                           offsetKm: Double(str(p["offset_km"]) ?? ""))
        }
        e.claims = try (m["claims"]?.sequence ?? []).map { c in
            CandidateClaim(figures: figures(c.mapping?["figures"]), qualifiers: qualifiers(c.mapping?["qualifiers"]),
                           date: str(c.mapping?["date"]), sources: try sources(c.mapping?["sources"], file: file, line: c.mark?.line ?? line))
        }
        e.line = line
        return e
    }

    static func controlRow(_ n: Node, file: String) throws -> ControlCandidate {
        let line = n.mark?.line ?? 0
        guard let m = n.mapping, let place = str(m["place"]), let holder = str(m["holder"]) else {
            throw DataError(file: file, line: line, "a control row needs place and holder", fix: "write place: NAME, holder: government|opposition|…")
        }
        guard let outlet = str(m["outlet"]), let published = str(m["published"]) else {
            throw DataError(file: file, line: line, "control row for \(place) has no source", fix: "add outlet: and published:")
        }
        let ev = m["evidence"]?.mapping
        var c = ControlCandidate(date: try day(m["date"], "date", file: file, line: line), place: place,
                                 placeID: str(m["place_id"]) ?? "", holder: holder,
                                 confidence: Double(str(m["confidence"]) ?? "") ?? 0.5, outlet: outlet, published: published,
                                 attributedTo: str(m["attributed_to"]) ?? outlet, url: str(m["url"]),
                                 evidence: Evidence(article: str(ev?["article"]), start: Int(str(ev?["start"]) ?? "") ?? 0,
                                                    end: Int(str(ev?["end"]) ?? "") ?? 0))
        c.role = str(m["role"]) ?? "claim"
        c.status = str(m["status"]) ?? "candidate"
        c.line = line
        return c
    }
}
