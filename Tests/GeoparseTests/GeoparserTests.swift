import Foundation
import XCTest
@testable import Geoparse

/// The geoparser on sentences written for these tests (not taken from articles), one rule each,
/// against the real gazetteer under Gazetteer/.
final class GeoparserTests: XCTestCase {
    static let parser: Geoparser? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? Geoparser.load(dataRoot: root)
    }()

    func parse(_ text: String, _ lang: TextLanguage? = nil) throws -> [PlaceMention] {
        let p = try XCTUnwrap(Self.parser, "the gazetteer under Gazetteer/ must load")
        return p.mentions(in: text, language: lang)
    }

    /// The text of each mention as the offsets cut it, and the place's name.
    func found(_ text: String, _ lang: TextLanguage? = nil) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        return try parse(text, lang).map { m in
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[m.start..<m.end])), m.text, "offsets cut the written text")
            return "\(m.text)=\(m.place.name)"
        }
    }

    // MARK: Arabic

    func testArabicProcliticsArePeeledAndLeftOutOfTheSpan() throws {
        XCTAssertEqual(try found("انسحب المقاتلون وأريحا بعدها، ثم قصف الطيران بسراقب وتقدم لحلب.", .ar),
                       ["أريحا=Ariha", "سراقب=Saraqib", "حلب=Aleppo"])
    }

    func testArabicSpellingsAreFolded() throws {
        // No hamza, diacritics, tatweel, ه for ة.
        XCTAssertEqual(try found("وصلت القافلة إلى اريحا ثم إلى سَرَاقِب وحـلـب ومعره النعمان", .ar),
                       ["اريحا=Ariha", "سَرَاقِب=Saraqib", "حـلـب=Aleppo", "معره النعمان=Maarat al-Numan"])
    }

    func testArabicProvinceWordMakesTheProvince() throws {
        let m = try parse("قصفت الطائرات قرى في ريف إدلب الجنوبي", .ar)
        XCTAssertEqual(m.map(\.place.kind), ["province"])
    }

    func testArabicOrganisationIsNotAPlace() throws {
        XCTAssertEqual(try found("قالت هيئة تحرير الشام إن مقاتليها صدوا الهجوم", .ar), [])
    }

    // MARK: Turkish

    func testTurkishSuffixesAfterTheApostropheAreCut() throws {
        XCTAssertEqual(try found("Konvoy İdlib'in doğusundan geçip Halep'e ve Lazkiye'den gelen yola ulaştı.", .tr),
                       ["İdlib=Idlib", "Halep=Aleppo", "Lazkiye=Latakia"])
    }

    func testTurkishExonymsAndLetters() throws {
        let m = try found("Heyet Şam'dan sonra Moskova'ya gitti; Serakib’de çatışma sürüyor.", .tr)
        XCTAssertEqual(m, ["Şam=Damascus", "Moskova=Moscow", "Serakib=Saraqib"])
    }

    func testTurkishSuffixAfterASpellingGuessIsCut() throws {
        // No source spells it "Maarret en-Numan": a spelling guess, and the case ending stays outside.
        XCTAssertEqual(try found("Ordu Maarret en-Numan'ı aldı, Bab el-Hava'ya ulaştı.", .tr),
                       ["Maarret en-Numan=Maarat al-Numan", "Bab el-Hava=Bab al-Hawa"])
    }

    func testTurkishCIsJ() throws {
        // Turkish spells Arabic j as c: Carcanaz is Jarjanaz (no Turkish name is on record for it).
        XCTAssertEqual(try found("Birlikler Carcanaz'a girdi.", .tr), ["Carcanaz=Jarjanaz"])
    }

    // MARK: French

    func testFrenchElisionAndExonyms() throws {
        // "la région d'Idleb" is the province.
        XCTAssertEqual(try found("Les troupes venues d'Alep ont atteint la région d'Idleb, loin de Damas et de Lattaquié.", .fr),
                       ["Alep=Aleppo", "Idleb=Idlib Governorate", "Damas=Damascus", "Lattaquié=Latakia"])
    }

    // MARK: English

    func testEnglishPossessivesAndArticleVariants() throws {
        XCTAssertEqual(try found("Idlib's governor and Idlib’s council met in Ma'arrat an-Nu'man, then in Maaret al-Numan.", .en),
                       ["Idlib=Idlib", "Idlib=Idlib", "Ma'arrat an-Nu'man=Maarat al-Numan", "Maaret al-Numan=Maarat al-Numan"])
    }

    func testEnglishSpellingFamiliesThroughTheSpellingKey() throws {
        XCTAssertEqual(try found("Shelling hit Sarakeb, then Kfar Nabl and Tal Touqan.", .en),
                       ["Sarakeb=Saraqib", "Kfar Nabl=Kafr Nabl", "Tal Touqan=Tell Tuqan"])
    }

    func testProvinceAndCountrysideWords() throws {
        let m = try parse("Villages in the western Aleppo countryside and in Idlib province were hit.", .en)
        XCTAssertEqual(m.map(\.place.kind), ["province", "province"])
        XCTAssertEqual(m.map(\.place.id), ["170062", "169387"])
    }

    func testRoadsByNumberAndByTheirTowns() throws {
        let m = try parse("Troops cut the M4 and reached the Damascus–Aleppo highway, the M5.", .en)
        XCTAssertEqual(m.map(\.place.id), ["M4", "M5", "M5"])
    }

    func testCapitalForItsGovernment() throws {
        let m = try parse("Ankara said the posts would stay; Moscow disagreed.", .en)
        XCTAssertEqual(m.map(\.place.kind), ["capital", "capital"])
    }

    // MARK: context

    func testHomonymIsChosenByTheOtherPlacesOfTheText() throws {
        let p = try XCTUnwrap(Self.parser)
        // Find a name that several places share, far apart, and put each in a text with a
        // neighbour of its own: the chosen place must follow the neighbour.
        let shared = p.places.indices.filter { p.places[$0].kind == .village }
            .reduce(into: [String: [Int]]()) { $0[Fold.nameKey(p.places[$1].candidate.name), default: []].append($1) }
            .filter { $0.value.count >= 2 && $0.key.split(separator: " ").count == 1 && $0.key.count >= 5 }
            .sorted { $0.key < $1.key }
        var tested = 0
        for (_, ids) in shared {
            let a = p.places[ids[0]], b = p.places[ids[1]]
            guard distanceKm(a, b) > 60 else { continue }
            for (target, other) in [(a, b), (b, a)] {
                guard let town = nearestTown(to: target, p), distanceKm(town, target) < 15, distanceKm(town, other) > 40 else { continue }
                let text = "Fighting was reported in \(town.candidate.name) and in \(target.candidate.name) on Monday."
                let m = try parse(text, .en)
                guard let hit = m.first(where: { $0.text == target.candidate.name }) else { continue }
                XCTAssertEqual(hit.place.id, target.candidate.id, text)
                XCTAssertFalse(hit.alternatives.isEmpty, "a shared name lists the other places")
                XCTAssertLessThan(hit.confidence, 1, "a shared name is not certain")
                tested += 1
            }
            if tested >= 6 { break }
        }
        XCTAssertGreaterThanOrEqual(tested, 4, "the gazetteer has homonyms to test")
    }

    func distanceKm(_ a: NamedPlace, _ b: NamedPlace) -> Double {
        let dy = (a.candidate.lat - b.candidate.lat) * 111, dx = (a.candidate.lon - b.candidate.lon) * 111 * cos(a.candidate.lat * .pi / 180)
        return (dx * dx + dy * dy).squareRoot()
    }

    func nearestTown(to q: NamedPlace, _ p: Geoparser) -> NamedPlace? {
        p.places.filter { ($0.kind == .town || $0.kind == .city) && $0.candidate.id != q.candidate.id
            && (p.index.exact[Fold.nameKey($0.candidate.name)]?.count ?? 0) == 1 && !$0.candidate.name.contains("(") }
            .min { distanceKm($0, q) < distanceKm($1, q) }
    }

    // MARK: false mentions

    func testCommonWordsAdjectivesOrganisationsAndPeopleAreNotPlaces() throws {
        let text = """
        The base is where it is. Syrian and Turkish officials met. Hayat Tahrir al-Sham fighters and Syria TV \
        reported it; the Syrian Observatory agreed. President Bashar al-Assad and Mr Erdogan spoke. Under the \
        Astana agreement nothing changed.
        """
        XCTAssertEqual(try found(text, .en), [])
    }

    func testLowerCaseWordIsNotAPlace() throws {
        // "is" and "base" are names of places in the gazetteer's variants (Al-Eis, bases); lower case is not a name.
        XCTAssertEqual(try found("the army is at the base near it", .en), [])
    }

    func testOddTextDoesNotBreakTheReader() throws {
        // A "word" of tatweel and harakat alone, apostrophes everywhere, an ayn mark opening a word.
        // (Mare is a spelling of Marea; the hamza mark after it is not part of the span.)
        XCTAssertEqual(try found("ـــَ ' '' d' l' 's al-, Kafr 'Amim, then Mare' and 'Idlib'.", .en),
                       ["Kafr 'Amim=Kafr Amim", "Mare=Marea", "Idlib=Idlib"])
        XCTAssertEqual(try found("", .en), [])
    }

    func testLanguageDetection() {
        XCTAssertEqual(TextLanguage.detect("قصفت الطائرات مدينة إدلب"), .ar)
        XCTAssertEqual(TextLanguage.detect("Les forces du régime sont entrées dans la ville et les villages"), .fr)
        XCTAssertEqual(TextLanguage.detect("Türk askerleri bölgede bir gözlem noktası kurdu ve bekledi"), .tr)
        XCTAssertEqual(TextLanguage.detect("The army said that the town was taken by the troops"), .en)
    }
}
