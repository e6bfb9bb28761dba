import Foundation
import XCTest
import Geo
@testable import Situation

/// The forward sweep and the shared geometry give what the from-scratch computation gives.
final class SweepTests: XCTestCase {
    /// Which claim decides each place: the claim's line identifies it.
    func lines(_ h: [Int: ControlClaim]) -> [Int: Int] { h.mapValues(\.line) }

    func testSweptHoldersEqualHoldersComputedFromScratchOnEveryDay() throws {
        let log = shipped.control
        let first = try XCTUnwrap(log.firstDay), last = try XCTUnwrap(log.claims.last?.date)
        var sweep = ControlSweep(log)
        var changedDays = 0
        var previous: [Int: Int] = [:]
        // Every day from the first claim to a week past the last.
        for n in 0...(last.days(since: first) + 7) {
            let d = first.adding(days: n)
            let swept = lines(sweep.advance(to: d))
            XCTAssertEqual(swept, lines(log.holders(asOf: d)), "holders differ on \(d)")
            if swept != previous { changedDays += 1 }
            previous = swept
        }
        XCTAssertGreaterThan(changedDays, 20, "the data has many days with changes; the sweep saw \(changedDays)")
    }

    func testSweepWithGapsAndRestartAgreesToo() {
        var sweep = ControlSweep(shipped.control)
        for d in ["2020-01-05", "2020-01-12", "2020-02-08", "2020-03-05", "2020-02-01", "2020-02-06"].map(day) {
            XCTAssertEqual(lines(sweep.advance(to: d)), lines(shipped.control.holders(asOf: d)), "\(d)")
        }
    }

    func testTimelineSharesGeometryOnlyBetweenDatesWithTheSameSides() throws {
        // 1–12 Feb 2020: towns change hands on most days, not all.
        let days = (0..<12).map { day("2020-02-01").adding(days: $0) }
        var timeline = ControlTimeline(theatre: shipped)
        let states = try timeline.states(for: days, jobs: 2)
        XCTAssertEqual(timeline.datesServed, days.count)
        XCTAssertLessThan(timeline.geometryComputed, days.count, "no date reused another's geometry")
        XCTAssertGreaterThan(timeline.geometryComputed, 1)
        for (d, state) in zip(days, states) {
            let scratch = try Situation(at: d, in: shipped, windowDays: 3)
            XCTAssertEqual(lines(state.holders), lines(scratch.holders), "\(d)")
            XCTAssertEqual(Set(state.areas.keys), Set(scratch.areas.keys), "\(d)")
            for (side, area) in scratch.areas { XCTAssertEqual(state.areas[side], area, "\(side) area on \(d)") }
            XCTAssertEqual(state.frontLine, scratch.frontLine, "front line on \(d)")
            let viaTimeline = try Situation(at: d, in: shipped, windowDays: 3, control: state)
            XCTAssertEqual(viaTimeline.posts.map(\.proximity.computed), scratch.posts.map(\.proximity.computed), "\(d)")
            XCTAssertEqual(viaTimeline.areaKm2(.government), scratch.areaKm2(.government), "\(d)")
        }
    }
}
