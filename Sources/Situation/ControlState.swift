import Foundation
import Geo
import Synchronization

/// Who holds each place on a date, and the ground that gives each side: the Voronoi areas, the
/// front line and the areas' size in the map view. The expensive part of a `Situation`; it
/// depends only on which side holds each place, so dates with the same sides share it.
public struct ControlState: Sendable {
    public let holders: [Int: ControlClaim]
    public let areas: [Side: Geometry]
    public let frontLine: Geometry
    /// Each side's area inside the map view, km².
    let areaInViewKm2: [Side: Double]
    /// Each post's proximity, computed when first asked for and shared by every date with
    /// these sides (it depends on the areas, the front line and the sides of nearby towns).
    let proximity: ProximityCache

    /// The state for `holders`, computed from scratch.
    public init(holders: [Int: ControlClaim], theatre: Theatre) throws {
        self.holders = holders
        proximity = ProximityCache()
        var clock = Stopwatch()
        areas = try Situation.controlAreas(holders: holders, theatre: theatre)
        clock.lap("  control areas")
        let view = try Geometry.rectangle(theatre.view)
        areaInViewKm2 = try areas.mapValues { try $0.intersection(view).area / 1e6 }
        clock.lap("  areas in view")
        // Where the areas of each pair the theatre names meet.
        var fronts: [Geometry] = []
        for pair in theatre.description.frontLines {
            guard let a = areas[pair[0]], let b = areas[pair[1]] else { continue }
            fronts.append(try a.boundary().intersection(try b.boundary()).lineMerge())
        }
        frontLine = fronts.count == 1 ? fronts[0] : fronts.isEmpty ? try .empty : try Geometry.collection(fronts).lineMerge()
        clock.lap("  front line")
    }

    /// Another date's state whose places are held by the same sides: its geometry, these claims.
    public init(holders: [Int: ControlClaim], sameSidesAs other: ControlState) {
        self.holders = holders
        areas = other.areas
        frontLine = other.frontLine
        areaInViewKm2 = other.areaInViewKm2
        proximity = other.proximity
    }

    /// Which side holds each place: all the geometry depends on.
    public var sides: [Int: Side] { holders.mapValues(\.holder) }
}

/// Control states for a run of dates: holders swept forward date by date, and the geometry
/// computed once per distinct assignment of places to sides (a day whose claims change no
/// side, or that returns to an earlier assignment, reuses it).
public struct ControlTimeline: Sendable {
    public let theatre: Theatre
    private var sweep: ControlSweep
    private var geometry: [[Int: Side]: ControlState] = [:]
    /// How many dates were asked for, and how many needed the geometry computed.
    public private(set) var datesServed = 0
    public private(set) var geometryComputed = 0

    public init(theatre: Theatre) {
        self.theatre = theatre
        sweep = ControlSweep(theatre.control)
    }

    /// The holders of `day`, without geometry (moves the sweep forward).
    public mutating func holders(on day: Day) -> [Int: ControlClaim] {
        sweep.advance(to: day)
    }

    /// The control states of `days` (in increasing order): holders swept forward, and the
    /// geometry of each distinct assignment of sides computed once, `jobs` at a time.
    public mutating func states(for days: [Day], jobs: Int) throws -> [ControlState] {
        var holdersByDay: [[Int: ControlClaim]] = []
        var sidesByDay: [[Int: Side]] = []
        var pending: [[Int: ControlClaim]] = []
        var pendingSides = Set<[Int: Side]>()
        for d in days {
            let holders = sweep.advance(to: d)
            let sides = holders.mapValues(\.holder)
            holdersByDay.append(holders)
            sidesByDay.append(sides)
            if geometry[sides] == nil, pendingSides.insert(sides).inserted { pending.append(holders) }
        }
        let theatre = self.theatre
        let computed = Mutex<[Int: ControlState]>([:])
        let work = pending
        try Parallel.forEach(count: work.count, jobs: jobs, worker: { () }) { i, _ in
            let state = try ControlState(holders: work[i], theatre: theatre)
            computed.withLock { $0[i] = state }
        }
        for state in computed.withLock({ $0 }).values { geometry[state.sides] = state }
        geometryComputed += pending.count
        datesServed += days.count
        return try zip(holdersByDay, sidesByDay).map { holders, sides in
            guard let known = geometry[sides] else { throw GeometryError(operation: "control areas", message: "not computed") }
            return ControlState(holders: holders, sameSidesAs: known)
        }
    }

    /// The control state of `day`.
    public mutating func state(on day: Day) throws -> ControlState {
        let holders = sweep.advance(to: day)
        datesServed += 1
        let sides = holders.mapValues(\.holder)
        if let known = geometry[sides] { return ControlState(holders: holders, sameSidesAs: known) }
        let state = try ControlState(holders: holders, theatre: theatre)
        geometryComputed += 1
        geometry[sides] = state
        return state
    }
}

/// Post proximities by post id, filled as they are computed; shared between threads.
final class ProximityCache: Sendable {
    private let values = Mutex<[String: PostProximity]>([:])

    func value(for id: String, _ compute: () throws -> PostProximity) throws -> PostProximity {
        if let known = values.withLock({ $0[id] }) { return known }
        // Computed outside the lock: two threads may both compute it, with the same result.
        let v = try compute()
        values.withLock { $0[id] = v }
        return v
    }
}
