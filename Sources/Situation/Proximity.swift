import Foundation
import Geo

/// What the geometry says about a post on the date, beside what sources report.
/// The sides are the theatre's (`sites.threat_side`, `sites.host_side`, `way_out`).
public enum ComputedStatus: String, Sendable {
    /// Inside the host side's ground that reaches the way-out border (or anywhere else).
    case holding
    /// Inside the area the threat side holds.
    case insideThreatArea = "inside-threat-area"
    /// Inside the host side's ground with no path to the way-out border: ringed by the other side.
    case cutOff = "cut-off"
    /// Within 0.5 km of the front line: too close to call from town-level control.
    case onFrontLine = "on-front-line"

    public var isEncircled: Bool { self == .insideThreatArea || self == .cutOff }

    /// The status as written in output: "inside-government-area" for a threat side "government".
    public func code(threat: Side?) -> String {
        self == .insideThreatArea ? "inside-\(threat?.id ?? "threat")-area" : rawValue
    }
}

/// A town near a post and who holds it on the date.
public struct NearbyTown: Sendable {
    public let place: Place
    public let holder: Side?
    public let distanceKm: Double
}

/// Distances and encirclement of one observation post, computed with GEOS in map metres.
public struct PostProximity: Sendable {
    public let computed: ComputedStatus
    /// Distance to the nearest ground the threat side holds (0 when inside it).
    public let threatAreaKm: Double?
    public let frontLineKm: Double?
    public let nearby: [NearbyTown]
    /// Where the post may be, given how its position is known (a circle round a town, a wedge
    /// for "west of Sarmin", a band along a road).
    public let uncertainty: Geometry

    /// The reported and computed statuses agree when both say encircled or both say not.
    public func agrees(withReported encircled: Bool) -> Bool {
        computed == .onFrontLine || computed.isEncircled == encircled
    }
}

enum ProximityCalculator {
    /// How far a post "at" a town may be from the town's centre point.
    static let atTownRadiusKm = 2.0

    static func uncertainty(of post: ObservationPost, gazetteer: Gazetteer, projection: MapProjection) throws -> Geometry {
        let here = try projection.project(post.location)
        switch post.placement {
        case .coordinates, .at:
            return try Geometry.point(here).buffer(atTownRadiusKm * 1000)
        case let .offset(anchorName, bearing, km):
            // A sector in the reported direction. A distance a source gives (≥ 5 km, e.g. "15 km
            // south-east of Maarat al-Numan") is taken as ±30 % and ±22.5°; a bare direction ("west of
            // Sarmin", placed at a nominal 2 km) as anywhere from ½ to 4 km within ±45°.
            guard let anchor = gazetteer.resolve(anchorName) else { return try Geometry.point(here).buffer(atTownRadiusKm * 1000) }
            let sourced = km >= 5
            let (inner, outer, spread) = sourced ? (km * 0.7, km * 1.3, 22.5) : (0.5, max(km * 2, 4), 45.0)
            let a = anchor.location
            var ring = [XY]()
            for step in 0...8 {
                ring.append(try projection.project(Geodesic.destination(from: a, bearing: bearing - spread + Double(step) * spread / 4, km: outer)))
            }
            for step in stride(from: 8, through: 0, by: -1) {
                ring.append(try projection.project(Geodesic.destination(from: a, bearing: bearing - spread + Double(step) * spread / 4, km: inner)))
            }
            return try Geometry.polygon(ring)
        case let .between(x, y), let .onRoad(x, y):
            guard let p = gazetteer.resolve(x), let q = gazetteer.resolve(y) else {
                return try Geometry.point(here).buffer(atTownRadiusKm * 1000)
            }
            return try Geometry.lineString([try projection.project(p.location), try projection.project(q.location)]).buffer(1500)
        }
    }

    /// The parts of the host side's area that reach the way-out border: a post in any other part
    /// is cut off. With no way-out rule, every part counts as connected.
    static func borderConnected(_ host: Geometry?, borderReach: Geometry, hasWayOut: Bool) throws -> Geometry {
        guard let host else { return try .empty }
        guard hasWayOut else { return host }
        return try Geometry.collection(host.parts.filter { try $0.intersects(borderReach) })
    }

    /// The geometries every post is measured against, prepared once per situation.
    struct Context {
        let threat: PreparedGeometry?
        let host: PreparedGeometry?
        let front: PreparedGeometry?
        let connected: PreparedGeometry

        init(areas: [Side: Geometry], frontLine: Geometry, borderReach: Geometry, theatre: Theatre) throws {
            let rules = theatre.description
            let threat = rules.sites.flatMap { rules.side(id: $0.threatSide) }
            let host = rules.sites.flatMap { rules.side(id: $0.hostSide) }
            self.threat = try threat.flatMap { areas[$0] }.map(PreparedGeometry.init)
            self.host = try host.flatMap { areas[$0] }.map(PreparedGeometry.init)
            front = frontLine.isEmpty ? nil : try PreparedGeometry(frontLine)
            connected = try PreparedGeometry(borderConnected(host.flatMap { areas[$0] }, borderReach: borderReach,
                                                             hasWayOut: rules.wayOut != nil))
        }
    }

    static func compute(post: ObservationPost, point: XY, areas: [Side: Geometry], frontLine: Geometry,
                        borderReach: Geometry, holders: [Int: ControlClaim], theatre: Theatre,
                        context: Context? = nil) throws -> PostProximity {
        let c = try context ?? Context(areas: areas, frontLine: frontLine, borderReach: borderReach, theatre: theatre)
        let inThreat = try c.threat?.contains(point) ?? false
        let threatKm = try c.threat.map { inThreat ? 0 : try $0.distance(to: point) / 1000 }
        let frontKm = try c.front.map { try $0.distance(to: point) / 1000 }
        let status: ComputedStatus
        if let f = frontKm, f < 0.5 {
            status = .onFrontLine
        } else if inThreat {
            status = .insideThreatArea
        } else if let opp = c.host, try opp.contains(point) {
            status = try c.connected.contains(point) ? .holding : .cutOff
        } else {
            status = .holding
        }
        let here = try theatre.projection.unproject(point)
        var nearby: [NearbyTown] = []
        for p in theatre.gazetteer.places where p.country == theatre.country && p.kind != .site
            && abs(p.location.lat - here.lat) < 0.06 && abs(p.location.lon - here.lon) < 0.07 {
            let d = Geodesic.distanceKm(here, p.location)
            if d <= 5 { nearby.append(NearbyTown(place: p, holder: holders[p.id]?.holder, distanceKm: d)) }
        }
        nearby.sort { ($0.distanceKm, $0.place.id) < ($1.distanceKm, $1.place.id) }
        return PostProximity(computed: status, threatAreaKm: threatKm, frontLineKm: frontKm, nearby: nearby,
                             uncertainty: try uncertainty(of: post, gazetteer: theatre.gazetteer, projection: theatre.projection))
    }
}
