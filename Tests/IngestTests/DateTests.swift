import XCTest
@testable import Ingest

/// Date expressions in the four languages, resolved against a publication date.
/// 2020-02-07 was a Friday.
final class DateTests: XCTestCase {
    func first(_ text: String, _ lang: String, published: String = "2020-02-07", future: Bool = false) -> DateMention? {
        dates(text, published: published, lang: lang, future: future).first { !$0.isBackground }
    }

    func testExplicitDates() {
        XCTAssertEqual(first("The attack came on February 3, 2020.", "en")?.date.description, "2020-02-03")
        XCTAssertEqual(first("Troops moved on 5 February.", "en")?.date.description, "2020-02-05")
        XCTAssertEqual(first("أنشأ الجيش نقطة يوم 30 كانون الثاني الماضي", "ar")?.date.description, "2020-01-30")
        XCTAssertEqual(first("دمشق 8 فبراير 2020 (شينخوا)", "ar", published: "2020-02-08")?.date.description, "2020-02-08")
        XCTAssertEqual(first("Le 2 février 2020, sept civils ont péri.", "fr")?.date.description, "2020-02-02")
        XCTAssertEqual(first("Konvoy 6 Şubat'ta sınırı geçti.", "tr")?.date.description, "2020-02-06")
        // A day and month without a year never lands far after publication: late December is last year.
        XCTAssertEqual(first("Shelling on November 24 killed two.", "en")?.date.description, nil)   // history: > 45 days
        XCTAssertEqual(dates("Shelling on December 24 killed two.", published: "2020-01-10", lang: "en").first?.date.description,
                       "2019-12-24")
    }

    func testWeekdaysResolveBackToTheLastSuchDay() {
        XCTAssertEqual(first("Two soldiers died when mortars hit their base on Monday.", "en")?.date.description, "2020-02-03")
        XCTAssertEqual(first("Anadolu reported on Friday.", "en")?.date.description, "2020-02-07")
        XCTAssertEqual(first("قصفت الطائرات البلدة يوم الأربعاء", "ar")?.date.description, "2020-02-05")
        XCTAssertEqual(first("Les frappes de jeudi ont tué dix civils.", "fr")?.date.description, "2020-02-06")
        XCTAssertEqual(first("Askerler salı günü şehit oldu.", "tr")?.date.description, "2020-02-04")
        XCTAssertEqual(first("Konvoy cumartesi günü yola çıktı.", "tr", published: "2020-02-09")?.date.description, "2020-02-08")
        // What will happen: forward.
        XCTAssertEqual(first("A delegation will arrive on Saturday.", "en", future: true)?.date.description, "2020-02-08")
    }

    func testRelativeWords() {
        XCTAssertEqual(first("Shelling killed two yesterday.", "en")?.date.description, "2020-02-06")
        XCTAssertEqual(first("قتل مدنيان أمس في قصف", "ar")?.date.description, "2020-02-06")
        XCTAssertEqual(first("Dün akşam iki sivil öldü.", "tr")?.date.description, "2020-02-06")
        XCTAssertEqual(first("Des frappes hier ont tué trois civils.", "fr")?.date.description, "2020-02-06")
        let overnight = first("Jets struck the town overnight.", "en")
        XCTAssertEqual(overnight?.date.description, "2020-02-06")
        XCTAssertEqual(overnight?.dateEnd?.description, "2020-02-07")
        let week = first("A market was hit earlier this week, killing four.", "en")
        XCTAssertEqual(week?.date.description, "2020-02-03")
        XCTAssertEqual(week?.precision, .range)
        let since = first("Aid groups have counted the displaced since December.", "en")
        XCTAssertEqual(since?.date.description, "2019-12-01")
        XCTAssertEqual(since?.dateEnd?.description, "2020-02-07")
        let hours = first("430 vehicles crossed in the last 24 hours.", "en", published: "2020-02-08")
        XCTAssertEqual(hours?.date.description, "2020-02-07")
    }

    func testEarlierYearsAreBackground() {
        let d = dates("The ceasefire zone dates from a 2018 agreement.", published: "2020-02-07", lang: "en")
        XCTAssertFalse(d.isEmpty)
        XCTAssertTrue(d.allSatisfy(\.isBackground))
        XCTAssertTrue(dates("The army began its offensive on August 5 last year.", published: "2020-02-09", lang: "en")
            .allSatisfy(\.isBackground))
        XCTAssertTrue(dates("Ankara a signé l'accord en 2018.", published: "2020-02-07", lang: "fr").allSatisfy(\.isBackground))
    }
}
