import XCTest
@testable import Ingest

/// Numbers in digits and words, qualifiers and units, in the four languages.
final class FigureTests: XCTestCase {
    func pairs(_ text: String, _ lang: String) -> [String] {
        figures(text, lang: lang).map { f in "\(f.key)=\(f.valueText)" + (f.qualifier.map { "(\($0))" } ?? "") }
    }

    func testEnglish() {
        XCTAssertEqual(pairs("Turkey sent at least 150 vehicles to the posts.", "en"), ["vehicles=150(at-least)"])
        XCTAssertEqual(pairs("SOHR counted 430 vehicles in 24 hours.", "en"), ["vehicles=430", "period_hours=24"])
        XCTAssertEqual(pairs("The strike killed seven civilians.", "en"), ["civilians_killed=7"])
        XCTAssertEqual(pairs("Artillery fire killed nine Turkish personnel near the post, wounding twenty-three more.", "en").first,
                       "turkish_soldiers_killed=9")
        XCTAssertEqual(pairs("It sent a 150-vehicle convoy.", "en"), ["vehicles=150"])
        XCTAssertEqual(pairs("Fighting has uprooted more than half a million people this winter.", "en"), ["displaced=500000(more-than)"])
        XCTAssertEqual(pairs("By the agency's count 412,000 were displaced.", "en"), ["displaced=412000"])
        XCTAssertEqual(pairs("The column had four tanks, seven armoured personnel carriers and 31 armoured vehicles.", "en"),
                       ["tanks=4", "apcs=7", "armoured_vehicles=31"])
    }

    func testArabic() {
        XCTAssertEqual(pairs("أرسل الجيش التركي 150 آلية عسكرية", "ar"), ["vehicles=150"])
        XCTAssertEqual(pairs("مقتل سبعة مدنيين في الغارة", "ar"), ["civilians_killed=7"])
        XCTAssertEqual(pairs("قتل ما لا يقل عن ١٠ مدنيين", "ar"), ["civilians_killed=10(at-least)"])
    }

    func testFrench() {
        XCTAssertEqual(pairs("Au moins 22 soldats turcs ont été tués.", "fr"), ["turkish_soldiers_killed=22(at-least)"])
        XCTAssertEqual(pairs("Le convoi comptait cent cinquante véhicules.", "fr"), ["vehicles=150"])
        XCTAssertEqual(pairs("Sept civils tués dans des frappes.", "fr"), ["civilians_killed=7"])
    }

    func testTurkish() {
        XCTAssertEqual(pairs("Saldırıda 33 asker şehit oldu.", "tr"), ["soldiers_killed=33"])
        XCTAssertEqual(pairs("Bölgeye yaklaşık yüz elli araç gönderildi.", "tr"), ["vehicles=150(about)"])
        XCTAssertEqual(pairs("En az 15 sivil hayatını kaybetti.", "tr"), ["civilians_killed=15(at-least)"])
    }

    func testCountsWithoutAUnitAreNotFigures() {
        XCTAssertEqual(pairs("Ankara keeps 12 posts in the zone it agreed in 2018.", "en"), ["posts=12"])
        XCTAssertEqual(pairs("The town once had 80,000 people living in it.", "en").count, 0)
        XCTAssertEqual(pairs("Tens of thousands of families left the area.", "en"), [])
    }
}
