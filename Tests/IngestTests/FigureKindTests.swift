import XCTest
@testable import Ingest

/// Casualty words and equipment beyond the first lexicon, keys as Reports/events.yaml writes
/// them, and how the evaluation compares keys (sentences written for these tests).
final class FigureKindTests: XCTestCase {
    func pairs(_ text: String, _ lang: String) -> [String] {
        figures(text, lang: lang).map { f in "\(f.key)=\(f.valueText)" + (f.qualifier.map { "(\($0))" } ?? "") }
    }

    func testTurkishOutcomesAndEquipment() {
        XCTAssertEqual(pairs("Saldırıda 4 asker şehit oldu, 9 asker yaralandı.", "tr"), ["soldiers_killed=4", "soldiers_wounded=9"])
        XCTAssertEqual(pairs("Karşılık olarak 60 rejim unsuru etkisiz hale getirildi.", "tr"), ["fighters_neutralized=60"])
        XCTAssertEqual(pairs("Vurulan hedefler arasında 3 tank, 2 obüs ve 4 pikap var.", "tr"), ["tanks=3", "howitzers=2", "pickups=4"])
        XCTAssertEqual(pairs("Saldırıda 12 kişi yaralandı.", "tr"), ["wounded=12"])
    }

    func testFrenchOutcomes() {
        XCTAssertEqual(pairs("Le bombardement a fait 14 morts et 30 blessés.", "fr"), ["killed=14", "wounded=30"])
        XCTAssertEqual(pairs("Près de 5000 déplacés ont rejoint les camps.", "fr"), ["displaced=5000(close-to)"])
        XCTAssertEqual(pairs("Quelque 1 200 000 personnes ont été déplacées.", "fr"), ["displaced=1200000(about)"])
        XCTAssertEqual(pairs("Les 3\u{202F}000 soldats turcs déployés.", "fr"), ["turkish_soldiers=3000"])
    }

    func testEnglishOutcomesAndEquipment() {
        XCTAssertEqual(pairs("The army said it neutralised 41 regime elements.", "en"), ["fighters_neutralized=41"])
        XCTAssertEqual(pairs("Two helicopters downed near the front, the ministry said.", "en"), ["helicopters_downed=2"])
        XCTAssertEqual(pairs("Drones destroyed five tanks and three howitzers.", "en"), ["tanks_destroyed=5", "howitzers_destroyed=3"])
        XCTAssertEqual(pairs("The raid left 17 killed.", "en"), ["killed=17"])
        XCTAssertEqual(pairs("Nine people were killed in the raid.", "en"), ["killed=9"])
    }

    func testKindsCompareByOutcomeAndThing() {
        // The party words come from the theatre's Reading/parties.tsv (turkish_soldiers → "turkish").
        let sides = Shared.lexicon.parties.sideWords
        XCTAssertTrue(sides.contains("turkish"), "\(sides)")
        func ok(_ g: String, _ c: String) -> Bool { FigureKind(g, sideWords: sides).compatible(with: FigureKind(c, sideWords: sides)) }
        XCTAssertTrue(ok("killed", "turkish_soldiers_killed"))
        XCTAssertTrue(ok("soldiers_killed", "turkish_soldiers_killed"))
        // Without the theatre's party words, the party is part of the thing counted.
        XCTAssertFalse(FigureKind("soldiers_killed").compatible(with: FigureKind("turkish_soldiers_killed")))
        XCTAssertTrue(ok("tanks", "tanks_destroyed"))
        XCTAssertTrue(ok("neutralised", "fighters_neutralized"))
        XCTAssertTrue(ok("hours", "period_hours"))
        XCTAssertFalse(ok("killed", "wounded"))
        XCTAssertFalse(ok("civilians_killed", "soldiers_killed"))
        XCTAssertFalse(ok("tanks", "vehicles"))
    }
}
