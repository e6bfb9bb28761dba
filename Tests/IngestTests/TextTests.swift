import XCTest
@testable import Ingest

/// Tokens and sentences keep code-point offsets, in every script.
final class TextTests: XCTestCase {
    func testOffsetsAreCodePoints() {
        let text = "Türk askerleri İdlib'e girdi. قصفت الطائرات سراقب أمس.\nNouvelle phrase ici."
        let a = ArticleText(text)
        let scalars = Array(text.unicodeScalars)
        for t in a.tokens {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[t.start..<t.end])), t.text)
        }
        XCTAssertEqual(a.sentences.count, 3)
        XCTAssertEqual(a.slice(a.sentences[1].start, a.sentences[1].end), "قصفت الطائرات سراقب أمس.")
        XCTAssertEqual(a.sentences[2].paragraph, a.sentences[1].paragraph + 1)
    }

    func testAbbreviationsAndInitialsDoNotEndASentence() {
        let a = ArticleText("Mr. Cavusoglu met U.S. officials on Feb. 7 in Ankara. Then he left.")
        XCTAssertEqual(a.sentences.count, 2)
    }

    func testFoldingPeelsArabicProcliticsAndTurkishCaseEndings() {
        let a = ArticleText("والقوات İdlib'e d'Idleb")
        XCTAssertTrue(a.tokens[0].forms.contains("قوات"))
        XCTAssertTrue(a.tokens[1].forms.contains("idlib"))
        XCTAssertTrue(a.tokens[2].forms.contains("idleb"))
    }

    func testLanguageDetection() {
        func lang(_ s: String) -> ArticleLanguage { ArticleLanguage.detect(ArticleText(s), lexicon: Shared.lexicon) }
        XCTAssertEqual(lang("The convoy entered the town and the troops said that it was on the road."), .en)
        XCTAssertEqual(lang("Le convoi est entré dans la ville selon les médias et des témoins."), .fr)
        XCTAssertEqual(lang("Konvoy bu sabah sınırı geçti ve askerler için bir üs kuruldu."), .tr)
        XCTAssertEqual(lang("دخل رتل تركي إلى مدينة سراقب في ريف إدلب."), .ar)
    }
}
