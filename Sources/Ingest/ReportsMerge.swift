import Foundation
import Geo
import Situation
import Yams

/// Merges reviewed candidates into Reports/: a happening already there gains the new source
/// (and claims where figures or dates disagree); a new one is inserted in date order; control
/// claims become rows of control.tsv. The merged files are loaded with the project's own
/// loader from a scratch copy before anything is renamed into place: on any error nothing
/// changes.
public enum ReportsMerge {
    public struct Result: Sendable {
        public var log: [String] = []
        public var eventsText = ""
        public var controlText = ""
    }

    /// One `- id:` block of events.yaml.
    struct Block {
        var lines: [String]
        var node: Node
        var id: String { node.mapping?["id"]?.string ?? "" }
        var date: String { node.mapping?["date"]?.string ?? "" }
    }

    public static func apply(_ c: Candidates, dataRoot: URL, dryRun: Bool = false, candidatesFile: String = "candidates") throws -> Result {
        let fm = FileManager.default
        let gazDir = dataRoot.appendingPathComponent("Gazetteer")
        let repDir = dataRoot.appendingPathComponent("Reports")
        let gazetteer = try Gazetteer.load(directory: gazDir)
        let theatre = try TheatreDescription.load(folder: dataRoot)
        let provinces = try? Provinces.load(directory: dataRoot.appendingPathComponent("Reading"))
        let kinds = theatre.eventKinds
        // Validate every kept candidate first: one clear error for the first problem.
        for e in c.events {
            _ = try kinds.kind(e.type, file: candidatesFile, line: e.line)
            guard !e.sources.isEmpty else {
                throw DataError(file: candidatesFile, line: e.line, "event \(e.id) has no source", fix: "add sources: with outlet, published, attributed_to")
            }
            for s in e.sources {
                guard let pub = Day(s.published) else {
                    throw DataError(file: candidatesFile, line: e.line, "source \(s.outlet): published \"\(s.published)\" is not a date", fix: "write YYYY-MM-DD")
                }
                guard e.date <= pub else {
                    throw DataError(file: candidatesFile, line: e.line, "event \(e.id) is dated \(e.date), after its source was published (\(pub))",
                                    fix: "correct the date, or set status: rejected")
                }
            }
            for name in e.places + [e.from, e.to].compactMap({ $0 }) {
                _ = try gazetteer.resolve(name, file: candidatesFile, line: e.line)
            }
        }
        for r in c.control {
            _ = try gazetteer.resolve(r.place, file: candidatesFile, line: r.line)
            guard theatre.side(id: r.holder) != nil else {
                throw DataError(file: candidatesFile, line: r.line, "unknown holder \"\(r.holder)\"",
                                fix: "one of the theatre's sides: \(theatre.sides.map(\.id).joined(separator: ", "))")
            }
            guard ["claim", "state"].contains(r.role) else {
                throw DataError(file: candidatesFile, line: r.line, "role must be claim or state (got \"\(r.role)\")", fix: "write role: claim")
            }
            guard let pub = Day(r.published), r.date <= pub else {
                throw DataError(file: candidatesFile, line: r.line, "control row for \(r.place) is dated after its publication (\(r.published))",
                                fix: "correct the date or the published date")
            }
        }

        let eventsURL = repDir.appendingPathComponent("events.yaml")
        let controlURL = repDir.appendingPathComponent("control.tsv")
        let eventsText = try readText(eventsURL)
        var (header, blocks) = try split(eventsText, file: eventsURL.relativeDisplay)
        var result = Result()
        var ids = Set(blocks.map(\.id))

        for cand in c.events {
            // The closest match: same day first, then same type.
            let matches = blocks.indices.filter { sameHappening(blocks[$0].node, cand, gazetteer: gazetteer, provinces: provinces) }
            func rank(_ i: Int) -> (Int, Int) {
                let m = blocks[i].node.mapping
                let d = m?["date"]?.string.flatMap { Day($0) }.map { abs($0.days(since: cand.date)) } ?? 9
                return (d, m?["type"]?.string == cand.type ? 0 : 1)
            }
            if let i = matches.min(by: { rank($0) < rank($1) }) {
                if let (lines, notes) = merge(cand, lines: blocks[i].lines, node: blocks[i].node) {
                    let text = lines.joined(separator: "\n") + "\n"
                    guard let node = (try? Yams.compose(yaml: text.replacingOccurrences(of: "*id", with: "id")))??.sequence?.first else {
                        throw DataError(file: candidatesFile, line: cand.line, "could not merge \(cand.id) into \(blocks[i].id)",
                                        fix: "merge it by hand or set status: rejected")
                    }
                    blocks[i] = Block(lines: lines, node: node)
                    result.log.append("merged into \(blocks[i].id): " + notes.joined(separator: "; "))
                } else {
                    result.log.append("already in Reports/: \(cand.id) (\(blocks[i].id) has this source)")
                }
                continue
            }
            var e = cand
            if e.id.isEmpty || !e.id.hasPrefix(e.date.description) { e.id = "\(e.date)-\(e.type)-\(Summary.slug(e.places.first ?? e.actor))" }
            var id = e.id, n = 2
            while ids.contains(id) { id = "\(e.id)-\(n)"; n += 1 }
            e.id = id
            ids.insert(id)
            if let p = e.position {
                let rel = p.relation == "at" ? "at" : p.relation.replacingOccurrences(of: "-", with: " ")
                let where_ = "position: \(rel) \(p.anchor.replacingOccurrences(of: "|", with: " / "))" + (p.offsetKm.map { ", \(String(format: "%g", $0)) km" } ?? "")
                e.note = [e.note, where_].compactMap { $0 }.joined(separator: "; ")
            }
            let text = YAMLWriter.list([.map(CandidateFile.eventPairs(e, includePosition: false))])
            let node = try Yams.compose(yaml: text) ?? Node("")
            let block = Block(lines: text.components(separatedBy: "\n").filter { !$0.isEmpty }, node: node.sequence?.first ?? node)
            let at = blocks.firstIndex { ($0.date, $0.id) > (e.date.description, e.id) } ?? blocks.count
            blocks.insert(block, at: at)
            result.log.append("added event \(e.id) (\(e.type), \(e.places.joined(separator: ", ")))")
        }
        result.eventsText = header.joined(separator: "\n") + (header.isEmpty ? "" : "\n") + blocks.flatMap(\.lines).joined(separator: "\n") + "\n"

        var controlText = try readText(controlURL)
        let existing = Set(tsvRows(controlText).map { r in r.fields.prefix(7).map(String.init).joined(separator: "\t") })
        if !controlText.hasSuffix("\n") { controlText += "\n" }
        for r in c.control {
            guard let place = gazetteer.resolve(r.place) else { continue }
            let confidence = r.confidence >= 0.75 ? "medium" : "low"
            let key = [r.date.description, place.name, String(place.id), r.holder, r.role, confidence, r.outlet].joined(separator: "\t")
            if existing.contains(key) { result.log.append("already in control.tsv: \(r.place) \(r.holder) \(r.date) (\(r.outlet))"); continue }
            let row = [r.date.description, place.name, String(place.id), r.holder, r.role, confidence, r.outlet, r.published,
                       r.attributedTo, r.url ?? "", "added by mapgen ingest after review"]
                .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            controlText += row.joined(separator: "\t") + "\n"
            result.log.append("added control row: \(place.name) \(r.holder) on \(r.date) (\(r.role), \(r.outlet))")
        }
        result.controlText = controlText

        // Validate: load the whole theatre from a scratch copy holding the merged files.
        let scratch = fm.temporaryDirectory.appendingPathComponent("mapgen-apply-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        let scratchReports = scratch.appendingPathComponent("Reports")
        try fm.createDirectory(at: scratchReports, withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: scratch.appendingPathComponent("Gazetteer"), withDestinationURL: gazDir.standardizedFileURL)
        for f in (try? fm.contentsOfDirectory(atPath: repDir.path)) ?? [] where f != "events.yaml" && f != "control.tsv" {
            try fm.createSymbolicLink(at: scratchReports.appendingPathComponent(f), withDestinationURL: repDir.appendingPathComponent(f).standardizedFileURL)
        }
        try Data(result.eventsText.utf8).write(to: scratchReports.appendingPathComponent("events.yaml"))
        try Data(result.controlText.utf8).write(to: scratchReports.appendingPathComponent("control.tsv"))
        do { _ = try Theatre.load(theatre.relocated(to: scratch)) } catch {
            throw DataError(file: candidatesFile, "the merged Reports/ would not load (\(error)); nothing was changed",
                            fix: "correct or reject the candidate named above")
        }
        if !dryRun {
            try AtomicFile.write(Data(result.eventsText.utf8), to: eventsURL)
            try AtomicFile.write(Data(result.controlText.utf8), to: controlURL)
        }
        return result
    }

    /// Header comment lines and the `- id:` blocks of events.yaml.
    static func split(_ text: String, file: String) throws -> ([String], [Block]) {
        let lines = text.components(separatedBy: "\n")
        var header: [String] = []
        var chunks: [[String]] = []
        for l in lines {
            if l.hasPrefix("- ") { chunks.append([l]) } else if chunks.isEmpty { if !l.isEmpty { header.append(l) } }
            else if !l.isEmpty { chunks[chunks.count - 1].append(l) }
        }
        let nodes = try Yams.compose(yaml: text)?.sequence ?? []
        guard nodes.count == chunks.count else {
            throw DataError(file: file, "could not split the file into its events (\(nodes.count) events, \(chunks.count) blocks)",
                            fix: "keep each event starting with \"- \" at the start of a line")
        }
        return (header, zip(chunks, nodes).map { Block(lines: $0, node: $1) })
    }

    static func family(_ t: String) -> String {
        switch t {
        case "convoy", "post-reinforced": return "convoy"
        case "strike", "shelling", "casualties": return "attack"
        default: return t
        }
    }

    /// The same happening: compatible type, dates within a day, a shared place (by gazetteer
    /// id) or, for events without places, the same type.
    static func sameHappening(_ node: Node, _ c: CandidateEvent, gazetteer: Gazetteer, provinces: Provinces? = nil) -> Bool {
        guard let m = node.mapping, let t = m["type"]?.string, family(t) == family(c.type),
              let d = m["date"]?.string.flatMap({ Day($0) }), abs(d.days(since: c.date)) <= 1 else { return false }
        let names = (m["places"]?.sequence ?? []).compactMap(\.string)
        let ids = Set(names.compactMap { gazetteer.resolve($0)?.id })
        let cids = Set(c.places.compactMap { gazetteer.resolve($0)?.id })
        if ids.isEmpty || cids.isEmpty {
            // A report naming only the province: the same type on the same day at a place in it.
            if cids.isEmpty, !ids.isEmpty, t == c.type, d == c.date, let provinces, !c.regions.isEmpty {
                return names.contains { n in
                    gazetteer.resolve(n).flatMap { provinces.province(lat: $0.location.lat, lon: $0.location.lon) }
                        .map { c.regions.contains($0) } ?? false
                }
            }
            return ids.isEmpty && cids.isEmpty && t == c.type
        }
        // A provincial capital named beside other places ("east of Idlib") is not enough to match.
        func specific(_ s: Set<Int>) -> Set<Int> {
            let small = s.filter { (gazetteer.place(id: $0)?.rank ?? 0) < 5 }
            return small.isEmpty ? s : small
        }
        let (a, b) = (specific(ids), specific(cids))
        if a != ids && b != cids || (a == ids && b == cids) { return !a.isDisjoint(with: b) }
        return !ids.isDisjoint(with: cids)
    }

    /// The lines of the top-level key `key` ("  sources:") and of everything under it.
    static func section(_ lines: [String], _ key: String) -> Range<Int>? {
        guard let k = lines.firstIndex(of: "  \(key):") else { return nil }
        var e = k + 1
        while e < lines.count, lines[e].hasPrefix("  -") || lines[e].hasPrefix("   ") { e += 1 }
        return k..<e
    }

    /// Items rendered as an indentless list under a key of an event ("  - outlet: …").
    static func items(_ values: [YAMLValue]) -> [String] {
        YAMLWriter.list(values).components(separatedBy: "\n").filter { !$0.isEmpty }.map { "  " + $0 }
    }

    /// Adds the candidate's source to an existing event, editing its lines (anchors and the
    /// rest of the entry stay as they are). Figures or a date that disagree become claims: the
    /// event's own value moves to a claim of its earlier sources, the new one to a claim of the
    /// new source. Returns nil when the event already cites this outlet's report.
    static func merge(_ c: CandidateEvent, lines input: [String], node: Node) -> ([String], [String])? {
        guard let m = node.mapping else { return nil }
        let src = c.sources[0]
        let allSources = (m["sources"]?.sequence ?? []) + (m["claims"]?.sequence ?? []).flatMap { $0.mapping?["sources"]?.sequence ?? [] }
        if allSources.contains(where: { $0.mapping?["outlet"]?.string == src.outlet && $0.mapping?["published"]?.string == src.published }) {
            return nil
        }
        var lines = input
        var notes = ["source \(src.outlet) (\(src.attributedTo))"]
        let figures = m["figures"]?.mapping
        let qualifiers = m["qualifiers"]?.mapping
        let existingClaimKeys = Set((m["claims"]?.sequence ?? []).flatMap { ($0.mapping?["figures"]?.mapping ?? [:]).keys.compactMap(\.string) })
        let eventSources = (m["sources"]?.sequence ?? []).map { value($0) }
        var newClaims: [YAMLValue] = []
        var mine: [YAMLPair] = [], mineQ: [YAMLPair] = []
        for f in c.figures {
            let v: YAMLValue = Double(f.value) != nil ? .raw(f.value) : .string(f.value)
            if let old = figures?[Node(f.key)]?.string {
                guard old != f.value else { continue }
                var claim = [YAMLPair("figures", .map([YAMLPair(f.key, Double(old) != nil ? .raw(old) : .string(old))]))]
                if let q = qualifiers?[Node(f.key)]?.string { claim.append(YAMLPair("qualifiers", .map([YAMLPair(f.key, .string(q))]))) }
                claim.append(YAMLPair("sources", .list(eventSources)))
                newClaims.append(.map(claim))
                // The disputed key leaves the event's figures (and qualifiers).
                for sec in ["figures", "qualifiers"] {
                    if let r = section(lines, sec), let i = lines[r].firstIndex(where: { $0.hasPrefix("    \(f.key):") }) {
                        lines.remove(at: i)
                        if let r2 = section(lines, sec), r2.count == 1 { lines.remove(at: r2.lowerBound) }
                    }
                }
                notes.append("claim \(f.key) \(f.value) beside \(old)")
            } else {
                notes.append(existingClaimKeys.contains(f.key) ? "claim \(f.key) \(f.value)" : "figure \(f.key) \(f.value) (claimed by this source)")
            }
            mine.append(YAMLPair(f.key, v))
            if let q = c.qualifiers[f.key] { mineQ.append(YAMLPair(f.key, .string(q))) }
        }
        let d = m["date"]?.string ?? ""
        if d != c.date.description || !mine.isEmpty {
            var claim: [YAMLPair] = []
            if d != c.date.description { claim.append(YAMLPair("date", .string(c.date.description))); notes.append("date claim \(c.date) beside \(d)") }
            if !mine.isEmpty { claim.append(YAMLPair("figures", .map(mine))) }
            if !mineQ.isEmpty { claim.append(YAMLPair("qualifiers", .map(mineQ))) }
            claim.append(YAMLPair("sources", .list([CandidateFile.sourceValue(src)])))
            newClaims.append(.map(claim))
        }
        if !newClaims.isEmpty {
            if let r = section(lines, "claims") {
                lines.insert(contentsOf: items(newClaims), at: r.upperBound)
            } else if let r = section(lines, "sources") {
                lines.insert(contentsOf: ["  claims:"] + items(newClaims), at: r.lowerBound)
            }
        }
        if let r = section(lines, "sources") {
            lines.insert(contentsOf: items([CandidateFile.sourceValue(src)]), at: r.upperBound)
        }
        return (lines, notes)
    }

    /// A node back to text in the file's style.
    static func render(_ node: Node) -> String { YAMLWriter.list([value(node)]) }

    static func value(_ n: Node) -> YAMLValue {
        switch n {
        case .scalar(let s):
            if s.string == "null" || s.string == "~" || (s.string.isEmpty && s.style == .plain) { return .null }
            if s.style == .plain, Int(s.string) != nil || Double(s.string) != nil || s.string == "true" || s.string == "false" {
                return .raw(s.string)
            }
            return .string(s.string)
        case .sequence(let seq): return .list(seq.map(value))
        case .mapping(let m): return .map(m.map { YAMLPair($0.key.string ?? "", value($0.value)) })
        }
    }
}
