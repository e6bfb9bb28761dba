import Foundation

/// Holders swept forward through time: the holders on D+1 are D's holders with the `state`
/// claims dated in (D, D+1] applied, so a run over many dates reads each claim once instead of
/// replaying the whole log for every date (`ControlLog.holders(asOf:)`). Gives exactly what
/// `holders(asOf:)` gives for every date it passes (the tests check a whole range).
public struct ControlSweep: Sendable {
    private let claims: [ControlClaim]
    /// The first claim not yet applied.
    private var next = 0
    public private(set) var day: Day?
    public private(set) var holders: [Int: ControlClaim] = [:]

    public init(_ log: ControlLog) {
        claims = log.claims.filter { $0.role == .state }
    }

    /// Moves to `day` and returns its holders. Forward is incremental; a day before the one
    /// reached starts the sweep over.
    public mutating func advance(to day: Day) -> [Int: ControlClaim] {
        if let reached = self.day, day < reached { next = 0; holders = [:] }
        // Claims are sorted by (date, line), the order `holders(asOf:)` applies them in.
        while next < claims.count, claims[next].date <= day {
            holders[claims[next].placeID] = claims[next]
            next += 1
        }
        self.day = day
        return holders
    }
}
