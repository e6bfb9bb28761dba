import XCTest
@testable import Geoparse

/// Per-script folding and word reading, on words we write ourselves.
final class NormalisationTests: XCTestCase {
    func testArabicFoldingUnifiesHamzaTaMarbutaAlifMaqsuraAndDropsDiacritics() {
        XCTAssertEqual(Fold.nameKey("إِدْلِب"), Fold.nameKey("ادلب"))
        XCTAssertEqual(Fold.nameKey("معرة"), Fold.nameKey("معره"))
        XCTAssertEqual(Fold.nameKey("مصطفى"), Fold.nameKey("مصطفي"))
        XCTAssertEqual(Fold.nameKey("حـــلب"), Fold.nameKey("حلب"))
        XCTAssertEqual(Fold.nameKey("الأتارب"), Fold.nameKey("أتارب"))
    }

    func testTurkishDottedAndDotlessIFold() {
        XCTAssertEqual(Fold.nameKey("İDLİB"), "idlib")
        XCTAssertEqual(Fold.nameKey("Şam"), "sam")
        XCTAssertEqual(Fold.nameKey("Çobanbey"), "cobanbey")
        XCTAssertEqual(Fold.nameKey("Lazkıye"), "lazkiye")
    }

    func testLatinArticlesAndApostrophesDoNotMatter() {
        XCTAssertEqual(Fold.nameKey("Ma'arrat an-Nu'man"), Fold.nameKey("Maarrat al Numan"))
        XCTAssertEqual(Fold.nameKey("Al-Eis"), "eis")
    }

    func testSpellingKeyJoinsTransliterationFamilies() {
        func key(_ s: String) -> String { Fold.words(of: s).map { PhoneticKey.latin($0) }.joined(separator: " ") }
        XCTAssertEqual(key("Saraqeb"), key("Saraqib"))
        XCTAssertEqual(key("Sarakeb"), key("Saraqib"))
        XCTAssertEqual(key("Kfar Nabl"), key("Kafr Nabl"))
        XCTAssertEqual(key("Tal Tuqan"), key("Tell Touqan"))
        XCTAssertEqual(key("Maaret al-Numan"), key("Ma'arrat an-Nu'man"))
        XCTAssertNotEqual(key("Saraqib"), key("Sarmin"))
    }

    func testArabicSkeletonMeetsLatinSkeleton() {
        let ar = Fold.fold(Array("سراقب".unicodeScalars)).scalars
        XCTAssertEqual(PhoneticKey.arabic(ar[...], construct: false), PhoneticKey.latin(Array("saraqib".unicodeScalars)))
    }

    func testWordsKeepCodePointOffsetsAndCutAttachedParts() {
        let words = Tokenizer.words("وبسراقب, d'Idleb and İdlib'in")
        XCTAssertEqual(words.count, 4)
        XCTAssertTrue(words[0].forms.contains { $0.key == Fold.nameKey("سراقب") && $0.cutStart == 2 })
        XCTAssertTrue(words[1].forms.contains { $0.key == "idleb" && $0.cutStart == 2 })
        XCTAssertTrue(words[3].forms.contains { $0.key == "idlib" && $0.cutEnd == 3 })
        XCTAssertEqual(words[3].start, 21)
    }

    func testUkrainianAndRussianCaseEndingsMeetTheNameThroughItsStem() {
        func stem(_ w: String) -> String { SlavicStem.key(Fold.fold(Array(w.unicodeScalars)).scalars) }
        // Nominative, genitive, locative, instrumental, accusative of one town, in both languages.
        for forms in [["Ізюм", "Ізюма", "Ізюмі", "Ізюмом"], ["Изюм", "Изюма", "Изюме", "Изюмом"],
                      ["Балаклія", "Балаклії", "Балаклію", "Балаклією"], ["Куп'янськ", "Куп'янська", "Куп'янську"],
                      ["Харків", "Харкова", "Харкові", "Харковом"], ["Харьков", "Харькова", "Харькове"]] {
            XCTAssertEqual(Set(forms.map(stem)).count, 1, "\(forms): \(forms.map(stem))")
        }
        XCTAssertNotEqual(stem("Ізюм"), stem("Изюм"), "і and и stay apart: the gazetteer has both spellings")
        XCTAssertTrue(stem("Ізюм").hasSuffix("~"), "a stem never equals a whole word's key")
        // Latin words get no stem form.
        XCTAssertFalse(Tokenizer.words("Izium").first?.forms.contains { $0.key.hasSuffix("~") } ?? true)
        XCTAssertTrue(Tokenizer.words("Ізюмі").first?.forms.contains { $0.key == stem("Ізюм") } ?? false)
    }

    func testCyrillicTextIsUkrainianOrRussianByTheLettersOnlyOneWrites() {
        XCTAssertEqual(TextLanguage.detect("Війська увійшли в місто, бої тривають."), .uk)
        XCTAssertEqual(TextLanguage.detect("Войска вошли в город, бои продолжаются, сообщил штаб."), .ru)
        XCTAssertEqual(TextLanguage.detect("Troops entered the town, the ministry said."), .en)
    }
}
