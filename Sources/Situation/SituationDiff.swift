import Foundation
import Geo

/// What changed between two dates: ground that changed hands (GEOS differences of the control
/// areas), towns that changed hands, posts set up, newly encircled or relieved, and what was
/// reported in between. `to` is the later situation, built with a window covering the interval,
/// so its movements, strikes and new posts are exactly the interval's.
public struct SituationDiff: Sendable {
    public let from: Situation
    public let to: Situation

    /// Per side: ground held on `to` but not on `from` (gained) and the reverse (lost), map metres.
    public let gained: [Side: Geometry]
    public let lost: [Side: Geometry]
    public let townChanges: [TownChange]
    /// Places whose holder changed only through an area claim (no town-level report in between).
    public let placesChangedByAreaOnly: Int
    public let postsEstablished: [PostStatus]
    public let postsNewlyEncircled: [PostStatus]
    public let postsRelieved: [PostStatus]
    public let postsReinforced: [Event]
    public let events: [Event]
    public let conflictingClaims: [ControlClaim]

    /// A town whose holder differs between the two dates, with the report(s) that moved it.
    public struct TownChange: Sendable {
        public let place: Place
        public let before: Side?
        public let after: Side
        public let claim: ControlClaim
    }

    public enum Problem: Error, CustomStringConvertible {
        case reversed(Day, Day)
        public var description: String {
            switch self {
            case let .reversed(a, b): return "FROM (\(a)) is after TO (\(b)); write the earlier date first: mapgen diff \(b) \(a)"
            }
        }
    }

    public init(from fromDay: Day, to toDay: Day, in theatre: Theatre) throws {
        guard fromDay <= toDay else { throw Problem.reversed(fromDay, toDay) }
        from = try Situation(at: fromDay, in: theatre, windowDays: 1)
        to = try Situation(at: toDay, in: theatre, windowDays: toDay.days(since: fromDay))
        let view = try Geometry.rectangle(theatre.view)
        var gained = [Side: Geometry](), lost = [Side: Geometry]()
        for side in Set(from.areas.keys).union(to.areas.keys) {
            let before = try (from.areas[side] ?? Geometry.empty).intersection(view).polygonal
            let after = try (to.areas[side] ?? Geometry.empty).intersection(view).polygonal
            let g = try after.difference(before).polygonal, l = try before.difference(after).polygonal
            if g.area > 1 { gained[side] = g }
            if l.area > 1 { lost[side] = l }
        }
        self.gained = gained
        self.lost = lost

        // A town changed hands when its holders on the two dates differ. It is listed with the last
        // town-level report in between; towns moved only by an area claim are counted, not listed.
        var reported = [Int: ControlClaim]()
        for c in theatre.control.claims where c.role == .state && c.confidence != .assessed && c.date > fromDay && c.date <= toDay {
            reported[c.placeID] = c
        }
        var changes: [TownChange] = []
        var assessedOnly = 0
        for (id, after) in to.holders where from.holders[id]?.holder != after.holder {
            guard let p = theatre.gazetteer.place(id: id), p.country == theatre.country else { continue }
            if let claim = reported[id], claim.holder == after.holder {
                changes.append(TownChange(place: p, before: from.holders[id]?.holder, after: after.holder, claim: claim))
            } else {
                assessedOnly += 1
            }
        }
        townChanges = changes.sorted { ($0.claim.date, $0.place.name) < ($1.claim.date, $1.place.name) }
        placesChangedByAreaOnly = assessedOnly

        let before = Dictionary(uniqueKeysWithValues: from.posts.map { ($0.post.id, $0) })
        postsEstablished = to.posts.filter { before[$0.post.id] == nil && $0.post.established != nil }
        postsNewlyEncircled = to.posts.filter { p in
            let was = before[p.post.id]
            let nowReported = p.reportedEncircled != nil, wasReported = was?.reportedEncircled != nil
            let nowComputed = p.proximity.computed.isEncircled, wasComputed = was?.proximity.computed.isEncircled ?? false
            return (nowReported && !wasReported) || (nowComputed && !wasComputed)
        }
        postsRelieved = to.posts.filter { p in
            guard let was = before[p.post.id] else { return false }
            return was.proximity.computed.isEncircled && !p.proximity.computed.isEncircled && p.reportedEncircled == nil
        }
        events = to.reported
        postsReinforced = events.filter { $0.kind.siteStatus == "reinforced" }
        conflictingClaims = to.conflictingClaims
    }

    public var isEmpty: Bool {
        gained.isEmpty && lost.isEmpty && townChanges.isEmpty && postsEstablished.isEmpty && postsNewlyEncircled.isEmpty
            && postsRelieved.isEmpty && events.isEmpty && conflictingClaims.isEmpty
    }

    public func km2(_ g: Geometry?) -> Double { (g?.area ?? 0) / 1e6 }

    /// Events whose sources disagree (figures, dates, actors), in the interval.
    public var disputedEvents: [Event] { events.filter { !$0.claims.isEmpty } }

    // MARK: output

    public var json: JSONValue {
        var territory = [String: JSONValue]()
        for side in Set(gained.keys).union(lost.keys).union(from.areas.keys).union(to.areas.keys).sorted() {
            territory[side.rawValue] = [
                "from_km2": .rounded(from.areaKm2(side), 1), "to_km2": .rounded(to.areaKm2(side), 1),
                "gained_km2": .rounded(km2(gained[side]), 1), "lost_km2": .rounded(km2(lost[side]), 1),
            ]
        }
        func src(_ s: Source) -> JSONValue {
            ["outlet": .string(s.outlet), "published": .string(s.published), "attributed_to": .string(s.attributedTo),
             "url": s.url.map { .string($0) } ?? .null]
        }
        func post(_ p: PostStatus) -> JSONValue {
            ["id": .string(p.post.id), "name": .string(p.post.shortName),
             "reported_encircled_since": p.reportedEncircled.map { .string($0.description) } ?? .null,
             "computed_status": .string(p.proximity.computed.code(threat: to.threatSide))]
        }
        return [
            "from": .string(from.date.description), "to": .string(to.date.description),
            "empty": .bool(isEmpty),
            "territory": .object(territory),
            "places_changed_by_area_claims_only": .integer(placesChangedByAreaOnly),
            "towns_changed_hands": .array(townChanges.map { c in
                ["place": .string(c.place.name), "from": c.before.map { .string($0.rawValue) } ?? .null,
                 "to": .string(c.after.rawValue), "date": .string(c.claim.date.description),
                 "confidence": .string(c.claim.confidence.rawValue), "source": src(c.claim.source)]
            }),
            "posts_established": .array(postsEstablished.map(post)),
            "posts_newly_encircled": .array(postsNewlyEncircled.map(post)),
            "posts_relieved": .array(postsRelieved.map(post)),
            "posts_reinforced": .array(postsReinforced.map { .string($0.id) }),
            "events": .array(events.map { e in
                ["id": .string(e.id), "date": .string(e.date.description), "type": .string(e.kind.rawValue),
                 "summary": .string(e.summary), "sources": .array(e.sources.map(src))]
            }),
            "conflicting_claims": .array(
                conflictingClaims.map { c in
                    ["kind": "control", "place": .string(c.placeName), "holder": .string(c.holder.rawValue),
                     "date": .string(c.date.description), "source": src(c.source)]
                } + disputedEvents.map { e in
                    ["kind": "event", "id": .string(e.id),
                     "claims": .array(e.claims.map { c in
                         ["figures": .object(c.figures.mapValues { .string($0) }), "sources": .array(c.sources.map(src))]
                     })]
                }),
        ]
    }

    public var markdown: String {
        var md = "# Changes \(from.date) → \(to.date)\n\n"
        if isEmpty {
            return md + "No changes: \(from.date == to.date ? "both dates are the same" : "nothing was reported in between").\n"
        }
        md += "Control is assessed from town-level reports (Voronoi cells); areas are inside the map view.\n\n"
        md += "## Territory\n\n| side | \(from.date) km² | \(to.date) km² | gained | lost |\n|---|---:|---:|---:|---:|\n"
        for side in Set(from.areas.keys).union(to.areas.keys).sorted() where from.areaKm2(side) + to.areaKm2(side) >= 1 {
            md += String(format: "| %@ | %.0f | %.0f | %.0f | %.0f |\n", side.rawValue, from.areaKm2(side), to.areaKm2(side),
                         km2(gained[side]), km2(lost[side]))
        }
        if !townChanges.isEmpty {
            md += "\n## Towns that changed hands\n\n"
            for c in townChanges {
                md += "- \(c.claim.date) **\(c.place.name)**: \(c.before?.rawValue ?? "unknown") → \(c.after.rawValue) (\(c.claim.source.citation); \(c.claim.confidence.rawValue))\n"
            }
        }
        if placesChangedByAreaOnly > 0 {
            md += "\n\(placesChangedByAreaOnly) more places changed hands only through area claims (Reports/areas.tsv), not by a report of their own.\n"
        }
        func posts(_ title: String, _ list: [PostStatus]) {
            guard !list.isEmpty else { return }
            md += "\n## \(title)\n\n"
            for p in list {
                let rep = p.reportedEncircled.map { "reported encircled since \($0)" } ?? "not reported encircled"
                md += "- \(p.post.id) \(p.post.shortName) — \(rep); computed: \(p.proximity.computed.code(threat: to.threatSide))\n"
            }
        }
        posts("Posts set up", postsEstablished)
        posts("Posts newly encircled (reported or computed)", postsNewlyEncircled)
        posts("Posts relieved (computed)", postsRelieved)
        if !events.isEmpty {
            md += "\n## Reported between the dates\n\n"
            for e in events {
                md += "- \(e.date) \(e.kind.rawValue): \(e.summary) — \(e.sources.map(\.citation).joined(separator: "; "))\n"
            }
        }
        if !conflictingClaims.isEmpty || !disputedEvents.isEmpty {
            md += "\n## Conflicting claims\n\n"
            for c in conflictingClaims {
                md += "- \(c.placeName): \(c.holder.rawValue) on \(c.date) per \(c.source.citation) (not applied)\n"
            }
            for e in disputedEvents {
                let versions = e.claims.map { c in
                    c.figures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                        + " (" + c.sources.map(\.citation).joined(separator: "; ") + ")"
                }
                md += "- \(e.id): " + versions.joined(separator: " vs ") + "\n"
            }
        }
        return md
    }
}
