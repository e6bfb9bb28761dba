import XCTest
import Situation
@testable import Ingest

/// Officials and institutions as sources: reporting verb + subject patterns of Lexicon/
/// (reporting.tsv, sources.tsv), in sentences written for these tests.
final class OfficialSourceTests: XCTestCase {
    func testTurkish() {
        XCTAssertEqual(attribution("Milli Savunma Bakanlığı'nın açıklamasına göre iki asker yaralandı.", lang: "tr"),
                       "Turkish Defence Ministry")
        XCTAssertEqual(attribution("MSB'den yapılan açıklamada, bölgeye ek birlik gönderildiği belirtildi.", lang: "tr"),
                       "Turkish Defence Ministry")
        XCTAssertEqual(attribution("Milli Savunma Bakanlığı (MSB), rejim mevzilerinin vurulduğunu duyurdu.", lang: "tr"),
                       "Turkish Defence Ministry")
        XCTAssertEqual(attribution("Hatay Valisi Mehmet Yılmaz, yaralıların hastaneye kaldırıldığını bildirdi.", lang: "tr"),
                       "Hatay governor")
        XCTAssertEqual(attribution("Kilis Valiliği'nden yapılan açıklamada sınır kapısının kapatıldığı bildirildi.", lang: "tr"),
                       "Kilis governor")
        XCTAssertEqual(attribution("Dışişleri Bakanlığı, büyükelçinin çağrıldığını açıkladı.", lang: "tr"),
                       "Turkish foreign ministry")
        XCTAssertEqual(attribution("AA muhabirinin edindiği bilgiye göre konvoy sınırdan geçti.", lang: "tr"), "Anadolu")
    }

    func testFrench() {
        XCTAssertEqual(attribution("Deux soldats ont été blessés, selon le ministère turc de la Défense.", lang: "fr"),
                       "Turkish Defence Ministry")
        XCTAssertEqual(attribution("Trois blessés ont été transférés à l'hôpital, a annoncé le gouverneur de Hatay.", lang: "fr"),
                       "Hatay governor")
        XCTAssertEqual(attribution("Une frappe a touché un marché, a indiqué l'OSDH.", lang: "fr"), "SOHR")
        XCTAssertEqual(attribution("Le village a été repris, rapporte l'agence officielle syrienne Sana.", lang: "fr"), "SANA")
    }

    func testEnglish() {
        XCTAssertEqual(attribution("The governor of Hatay said four wounded soldiers were brought across.", lang: "en"),
                       "Hatay governor")
        XCTAssertEqual(attribution("Hatay Governor Ali Veli told reporters the border gate was shut.", lang: "en"), "Hatay governor")
        XCTAssertEqual(attribution("Nine were hurt near the post, said Ayse Kaya, the governor of Turkey's Kilis province.", lang: "en"),
                       "Kilis governor")
        XCTAssertEqual(attribution("Twelve soldiers died in the raid, the BBC quotes a Turkish official as saying.", lang: "en"),
                       "a Turkish official cited by BBC")
        XCTAssertEqual(attribution("Troops entered the village, state TV reported.", lang: "en"), "Syrian state TV")
        XCTAssertEqual(attribution("Six tanks were hit, according to a statement by the Turkish defence ministry.", lang: "en"),
                       "Turkish Defence Ministry")
        // "The governor" is no name: nobody is credited rather than a governor of "The".
        XCTAssertNotEqual(attribution("The governor said the gate was shut.", lang: "en"), "The governor")
    }

    func testArabic() {
        XCTAssertEqual(attribution("قالت وزارة الدفاع التركية في بيان إن جنديين أصيبا", lang: "ar"), "Turkish Defence Ministry")
    }

    /// "The ministry said" / "a indiqué le ministère" refers back to the last ministry named, not
    /// to whoever was cited last.
    func testTheMinistryRefersBackToAMinistry() throws {
        for (lang, text) in [("en", "Jets hit Sarmin on Monday, the Turkish defence ministry said. Shelling hit Ariha on Tuesday, "
                                    + "SOHR reported. The ministry said drones struck Saraqib on Wednesday."),
                             ("fr", "Des avions ont frappé Sarmin lundi, selon le ministère turc de la Défense. Des obus ont touché "
                                    + "Ariha mardi, selon l'OSDH. Des drones ont frappé Saraqeb mercredi, a indiqué le ministère.")] {
            let events = Shared.ingester.ingest(text, meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "t.txt",
                                                                        language: ArticleLanguage(rawValue: lang))).candidates.events
            let last = try XCTUnwrap(events.first { $0.date == Day("2020-02-05") }, lang)
            XCTAssertEqual(last.sources.first?.attributedTo, "Turkish Defence Ministry", lang)
        }
    }
}
