import XCTest
@testable import Ingest

/// Whom a sentence credits, in the four languages.
final class AttributionTests: XCTestCase {
    func testEnglish() {
        XCTAssertEqual(attribution("Ten civilians were killed, according to the Syrian Observatory for Human Rights.", lang: "en"), "SOHR")
        XCTAssertEqual(attribution("Anadolu reported that 150 vehicles were sent.", lang: "en"), "Anadolu")
        XCTAssertEqual(attribution("A Turkish security source said the posts would stay.", lang: "en"), "a Turkish security source")
        XCTAssertEqual(attribution("The Observatory, a UK-based war monitor, said a post was set up.", lang: "en"), "SOHR")
        XCTAssertEqual(attribution("A Turkish military source told Reuters the convoy left.", lang: "en"),
                       "a Turkish military source cited by Reuters")
        XCTAssertNil(attribution("SOHR is a UK-based monitor.", lang: "en"))
    }

    func testArabic() {
        XCTAssertEqual(attribution("قتل عشرة مدنيين بحسب المرصد السوري لحقوق الإنسان", lang: "ar"), "SOHR")
        XCTAssertEqual(attribution("وفق وكالة الأناضول دخل رتل تركي", lang: "ar"), "Anadolu")
        XCTAssertEqual(attribution("أعلنت وزارة الدفاع التركية مقتل جنديين", lang: "ar"), "Turkish Defence Ministry")
    }

    func testFrench() {
        XCTAssertEqual(attribution("Dix civils ont été tués, selon l'OSDH.", lang: "fr"), "SOHR")
        XCTAssertEqual(attribution("Le ministère turc de la Défense a annoncé la mort de deux soldats.", lang: "fr"),
                       "Turkish Defence Ministry")
    }

    func testTurkish() {
        XCTAssertEqual(attribution("Anadolu Ajansı'na göre konvoy sınırı geçti.", lang: "tr"), "Anadolu")
        XCTAssertEqual(attribution("Milli Savunma Bakanlığı iki askerin şehit olduğunu açıkladı.", lang: "tr"),
                       "Turkish Defence Ministry")
    }
}
