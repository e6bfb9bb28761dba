import XCTest
import Situation
@testable import Ingest

/// Whole-article rules: capitals as governments, running counts "since", dates told a sentence
/// before the event (short articles written for these tests, published Saturday 2020-02-08).
final class ReadingRuleTests: XCTestCase {
    func read(_ text: String) -> [CandidateEvent] {
        Shared.ingester.ingest(text, meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "t.txt")).candidates.events
    }

    func testACapitalSpeakingForItsGovernmentIsNoEventPlace() {
        let events = read("From Ankara's point of view, the air strike on Sarmin on Tuesday was a provocation.\n\n"
                          + "Warplanes struck Maarat al-Numan on Wednesday, Moscow said.")
        XCTAssertFalse(events.isEmpty)
        for e in events {
            XCTAssertFalse(e.places.contains("Ankara") || e.places.contains("Moscow"), "\(e.type) at \(e.places)")
        }
    }

    func testALongDisplacementIsARangeFromItsStart() throws {
        let events = read("Since December 1, more than 500,000 people have fled the offensive, the United Nations said.")
        let d = try XCTUnwrap(events.first { $0.type == "displacement" })
        XCTAssertEqual(d.date, Day("2019-12-01"))
        XCTAssertEqual(d.dateEnd, Day("2020-02-08"))
        XCTAssertEqual(d.precision, "range")
        XCTAssertEqual(d.figures.first?.key, "displaced")
        XCTAssertEqual(d.figures.first?.value, "500000")
    }

    func testARunningTollIsNotTheEventsToll() throws {
        let events = read("An air strike on Ariha killed 6 civilians on Monday, bringing the toll to 300 civilians killed since December.")
        let s = try XCTUnwrap(events.first { $0.type == "strike" })
        XCTAssertEqual(s.date, Day("2020-02-03"))
        XCTAssertEqual(s.figures.map { "\($0.key)=\($0.value)" }, ["civilians_killed=6"])
        XCTAssertFalse(events.contains { $0.figures.contains { $0.value == "300" } && $0.date == Day("2020-02-03") })
    }

    func testADateCarriesToTheNextSentencesEvent() throws {
        let events = read("The ministry gave its account on Tuesday.\n\nA convoy of 40 vehicles crossed into Idlib.")
        let c = try XCTUnwrap(events.first { $0.type == "convoy" })
        XCTAssertEqual(c.date, Day("2020-02-04"))
    }

    func testTalksSitInACapitalOnlyWhenTheTextSaysIn() {
        let held = read("Erdogan and Putin held talks in Moscow on Thursday.")
        XCTAssertTrue(held.contains { $0.type == "talks" && ($0.places + $0.regions).contains("Moscow") })
        let ally = read("Turkey and Damascus's Russian ally held talks on Thursday.")
        XCTAssertFalse(ally.contains { ($0.places + $0.regions).contains("Damascus") })
    }

    func testADirectionsAnchorIsNotTheEventsPlace() throws {
        let tr = Shared.ingester.ingest("Rejim güçleri Sarmin'in batısında ilerledi.",
                                        meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "t.txt", language: .tr))
        let e = try XCTUnwrap(tr.candidates.events.first)
        XCTAssertEqual(e.places, [])
        XCTAssertEqual(e.position?.anchor, "Sarmin")
        XCTAssertEqual(e.position?.relation, "west-of")
        XCTAssertEqual(e.regions, ["Idlib province"])
    }

    func testACeasefireIsTalksNotShelling() {
        let events = Shared.ingester.ingest("Liderler dün Moskova'da bir araya geldi ve İdlib'de ateşkes kararı aldı.",
                                            meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "t.txt", language: .tr))
            .candidates.events
        XCTAssertTrue(events.contains { $0.type == "talks" && ($0.places + $0.regions) == ["Moscow"] && $0.date == Day("2020-02-07") })
        XCTAssertFalse(events.contains { $0.type == "shelling" })
    }

    func testRunningDisplacementInFrenchAndTurkish() throws {
        let fr = Shared.ingester.ingest("Depuis décembre, près de 900 000 personnes ont fui les combats, selon l'ONU.",
                                        meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "t.txt", language: .fr))
        let d = try XCTUnwrap(fr.candidates.events.first { $0.type == "displacement" })
        XCTAssertEqual(d.date, Day("2019-12-01"))
        XCTAssertEqual(d.precision, "range")
        XCTAssertEqual(d.figures.first?.value, "900000")
        XCTAssertEqual(d.sources.first?.attributedTo, "United Nations")
        let tr = Shared.ingester.ingest("Aralık ayından bu yana 500 bin kişi yerinden edildi.",
                                        meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "t.txt", language: .tr))
        let t = try XCTUnwrap(tr.candidates.events.first { $0.type == "displacement" })
        XCTAssertEqual(t.date, Day("2019-12-01"))
        XCTAssertEqual(t.dateEnd, Day("2020-02-08"))
    }
}
