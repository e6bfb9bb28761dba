import Foundation
import Geo

/// An observation post as it stands on the map's date.
public struct PostStatus: Sendable {
    public let post: ObservationPost
    /// Position in map metres.
    public let point: XY
    /// Established within the report window before the date.
    public let isNew: Bool
    /// The date a source reports it encircled, if on or before the map's date.
    public let reportedEncircled: Day?
    /// What GEOS makes of the post's position: distances, encirclement, uncertainty area.
    public let proximity: PostProximity

    /// Computed encircled (inside the threat side's area, or cut off from the way out) but no
    /// source reports it encircled by the map's date.
    public var computedOnlyEncircled: Bool { proximity.computed.isEncircled && reportedEncircled == nil }
}

/// A reported movement with both ends known: drawn as an arrow.
public struct Movement: Sendable {
    public let event: Event
    public let from: XY
    public let to: XY
}

/// A strike, shelling or casualty report at a place.
public struct Strike: Sendable {
    public let event: Event
    public let place: Place
    public let point: XY
}

/// A place that changed hands within the window.
public struct ControlChange: Sendable {
    public let claim: ControlClaim
    public let previous: Side?
    public let point: XY
}

/// The state of the theatre as of one day: who holds what, where the posts are and what
/// they face, and what was reported in the days before. Nothing dated after `date` is used.
public struct Situation: Sendable {
    public let theatre: Theatre
    public let date: Day
    public let windowDays: Int
    public let holders: [Int: ControlClaim]
    public let areas: [Side: Geometry]
    public let frontLine: Geometry
    public let posts: [PostStatus]
    public let movements: [Movement]
    public let strikes: [Strike]
    public let changes: [ControlChange]
    /// Every event reported in the window.
    public let reported: [Event]
    /// Events in the window that are neither movements nor strikes (talks, statements, new posts…).
    public let windowEvents: [Event]
    /// Events imported from ACLED in the window, with their points in map metres.
    public let imported: [ImportedMark]
    /// Conflicting claims dated within the window (kept, not applied).
    public let conflictingClaims: [ControlClaim]
    /// A zone the theatre draws as the hull of one kind of site (e.g. a de-escalation
    /// zone, approximated by the convex hull of the twelve original posts); empty if none.
    public let deEscalationZone: Geometry
    /// Each side's area inside the map view, km² (computed once: GEOS can fail, a getter cannot say so).
    private let areaInViewKm2: [Side: Double]

    public enum Problem: Error, CustomStringConvertible {
        case beforeData(Day, first: Day)
        public var description: String {
            switch self {
            case let .beforeData(d, first):
                return "no data for \(d): the shipped reports and control data start on \(first)"
            }
        }
    }

    public var window: DayWindow { DayWindow(last: date, days: windowDays) }

    public init(at date: Day, in theatre: Theatre, windowDays: Int = 3) throws {
        if let first = theatre.control.firstDay, date < first { throw Problem.beforeData(date, first: first) }
        try self.init(at: date, in: theatre, windowDays: windowDays,
                      control: ControlState(holders: theatre.control.holders(asOf: date), theatre: theatre))
    }

    /// The situation on `date` with its control state already known (from a `ControlTimeline`,
    /// which sweeps the claims forward and shares geometry between dates with the same sides).
    public init(at date: Day, in theatre: Theatre, windowDays: Int = 3, control: ControlState) throws {
        if let first = theatre.control.firstDay, date < first { throw Problem.beforeData(date, first: first) }
        self.theatre = theatre
        self.date = date
        self.windowDays = windowDays
        let window = DayWindow(last: date, days: windowDays)
        let proj = theatre.projection
        let gaz = theatre.gazetteer

        var clock = Stopwatch()
        holders = control.holders
        areas = control.areas
        areaInViewKm2 = control.areaInViewKm2
        frontLine = control.frontLine
        let borderReach = theatre.basemap.borderReach
        let holders = self.holders
        let areas = self.areas
        let front = frontLine
        // Prepared once per situation, and only when some post's proximity is not already known
        // (dates with the same sides share them).
        var context: ProximityCalculator.Context?
        func prepared() throws -> ProximityCalculator.Context {
            if let context { return context }
            let made = try ProximityCalculator.Context(areas: areas, frontLine: front, borderReach: borderReach, theatre: theatre)
            context = made
            return made
        }
        posts = try theatre.posts.compactMap { p in
            guard let est = p.activeSince, est <= date else { return nil }
            let xy = try proj.project(p.location)
            return PostStatus(post: p, point: xy, isNew: p.established.map(window.contains) ?? false,
                              reportedEncircled: p.encircledSince.flatMap { $0 <= date ? $0 : nil },
                              proximity: try control.proximity.value(for: p.id) {
                                  try ProximityCalculator.compute(post: p, point: xy, areas: areas, frontLine: front,
                                                                  borderReach: borderReach, holders: holders,
                                                                  theatre: theatre, context: try prepared())
                              })
        }
        let hullKinds = Set(theatre.description.sites?.kinds.filter { $0.zoneHull == true }.map(\.id) ?? [])
        let originals = try theatre.posts.filter { hullKinds.contains($0.kind) }.map { try proj.project($0.location) }
        deEscalationZone = originals.count >= 3 ? try Geometry.multiPoint(originals).convexHull() : try .empty
        clock.lap("  posts")

        let recent = theatre.events.filter { window.contains($0.date) }
        reported = recent
        imported = try recent.compactMap { e in
            try e.imported.map { ImportedMark(event: e, record: $0, point: try proj.project($0.location)) }
        }
        movements = try recent.compactMap { e in
            guard e.kind.draws == .movement, let a = e.origin, let b = e.destination, a.id != b.id else { return nil }
            return Movement(event: e, from: try proj.project(a.location), to: try proj.project(b.location))
        }
        strikes = try recent.filter { $0.kind.draws == .strike }.flatMap { e in
            try e.places.filter { $0.country == theatre.country }.map { Strike(event: e, place: $0, point: try proj.project($0.location)) }
        }
        let drawn = Set(movements.map(\.event.id) + strikes.map(\.event.id))
        windowEvents = recent.filter { !drawn.contains($0.id) && $0.imported == nil }

        var previous = [Int: Side]()
        var changes: [ControlChange] = []
        for c in theatre.control.claims where c.role == .state && c.date <= date {
            if window.contains(c.date), c.confidence != .assessed, previous[c.placeID] != c.holder,
               let p = gaz.place(id: c.placeID) {
                changes.append(ControlChange(claim: c, previous: previous[c.placeID], point: try proj.project(p.location)))
            }
            previous[c.placeID] = c.holder
        }
        self.changes = changes
        conflictingClaims = theatre.control.claims.filter { $0.role == .claim && window.contains($0.date) }
    }

    /// Control areas from town-level control: a Voronoi cell around every town with a known
    /// holder, cells unioned per side, clipped to the theatre country's land. An assessment, not a survey:
    /// the map says so.
    static func controlAreas(holders: [Int: ControlClaim], theatre: Theatre) throws -> [Side: Geometry] {
        let margin = 40_000.0
        let v = theatre.view
        let extent = Rect(minX: v.minX - margin, minY: v.minY - margin, maxX: v.maxX + margin, maxY: v.maxY + margin)
        var sites: [XY] = []
        var sides: [Side] = []
        var seen = Set<XY>()
        for id in holders.keys.sorted() {
            guard let p = theatre.gazetteer.place(id: id), p.country == theatre.country, let holder = holders[id]?.holder else { continue }
            let xy = try theatre.point(of: p)
            // Voronoi needs distinct sites: round to 10 m so near-duplicate marks collapse.
            let key = XY((xy.x / 10).rounded(), (xy.y / 10).rounded())
            guard extent.contains(xy), seen.insert(key).inserted else { continue }
            sites.append(xy)
            sides.append(holder)
        }
        guard sites.count >= 3 else { return [:] }
        var clock = Stopwatch()
        let cells = try VoronoiCache.cells(sites: sites, extent: extent, theatreFolder: theatre.description.folder)
        clock.lap("    voronoi \(sites.count) sites")
        var bySide = [Side: [Geometry]]()
        for (site, cell) in cells { bySide[sides[site], default: []].append(cell) }
        let clip = try theatre.basemap.controlLand.intersection(Geometry.rectangle(extent))
        clock.lap("    land in the extent")
        var out = [Side: Geometry]()
        for (side, cells) in bySide {
            let merged = try Geometry.collection(cells).coverageUnion()
            clock.lap("    union \(side)")
            let area = try merged.intersection(clip).polygonal
            clock.lap("    clip \(side)")
            if !area.isEmpty { out[side] = area }
        }
        return out
    }

    /// The sources of everything the map shows from the window: its events and the reports of
    /// towns changing hands. Credits and metadata are made from these.
    public var windowSources: [Source] { reported.flatMap(\.allSources) + changes.map(\.claim.source) }

    /// The side whose ground encircles a site (the theatre's `sites.threat_side`), if any.
    public var threatSide: Side? { theatre.description.sites.flatMap { theatre.description.side(id: $0.threatSide) } }

    /// Areas in km² per side, inside the map view.
    public func areaKm2(_ side: Side) -> Double { areaInViewKm2[side] ?? 0 }
}
