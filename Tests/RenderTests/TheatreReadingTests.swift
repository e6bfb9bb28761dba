import Foundation
import XCTest

/// Reading text for a theatre other than the first: `geoparse` and `ingest --theatre kharkiv-2022`
/// on short texts written for these tests (not copied from articles), in Ukrainian, Russian and
/// English; the theatre's `languages:`; the theatre's default date.
final class TheatreReadingTests: XCTestCase {
    static let texts: [(lang: String, text: String)] = [
        ("uk", "Українські війська звільнили Балаклію 8 вересня, повідомив Генштаб. У суботу ЗСУ увійшли в Куп'янськ, а бої тривають біля Ізюма."),
        ("ru", "Российские войска оставили Изюм 10 сентября, сообщило Минобороны. Бои идут под Купянском и у Балаклеи."),
        ("en", "Ukrainian forces recaptured Izium on 10 September, the Ukrainian General Staff said. Russian troops shelled Kupiansk on Monday near Balakliia."),
    ]

    func write(_ text: String, _ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testGeoparseFindsTheKharkivTownsInEveryLanguageAndInflection() throws {
        for (lang, text) in Self.texts {
            let file = try write(text, "\(lang).txt")
            let r = try MapgenProcess.run(["geoparse", file.path, "--json", "--theatre", "kharkiv-2022"])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertFalse(r.err.contains("warning"), "\(lang) is one of the theatre's languages: \(r.err)")
            let files = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
            XCTAssertEqual(files.first?["lang"] as? String, lang)
            let mentions = try XCTUnwrap(files.first?["mentions"] as? [[String: Any]])
            XCTAssertEqual(Set(mentions.compactMap { $0["name"] as? String }), ["Izium", "Kupiansk", "Balakliia"], "\(lang): \(mentions)")
            // The span is the word as written, case ending included (біля Ізюма, під Купянском).
            let scalars = Array(text.unicodeScalars)
            for m in mentions {
                let s = try XCTUnwrap(m["start"] as? Int), e = try XCTUnwrap(m["end"] as? Int)
                let written = String(String.UnicodeScalarView(scalars[s..<e]))
                XCTAssertEqual(written, m["text"] as? String)
                XCTAssertTrue(e == scalars.count || !scalars[e].properties.isAlphabetic, "\(written) is cut inside a word")
            }
        }
        // The same texts name nothing in the first theatre's gazetteer.
        let file = try write(Self.texts[0].text, "uk.txt")
        let idlib = try MapgenProcess.run(["geoparse", file.path, "--json"])
        XCTAssertEqual(idlib.status, 0, idlib.err)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(idlib.out.utf8)) as? [[String: Any]])
        XCTAssertEqual((parsed.first?["mentions"] as? [Any])?.count, 0, idlib.out)
        XCTAssertTrue(idlib.err.contains("warning: ") && idlib.err.contains("Ukrainian (uk)"), "Idlib's languages are en, ar, fr, tr: \(idlib.err)")
    }

    func testIngestReadsKharkivEventsAndControl() throws {
        var yaml: [String: String] = [:]
        for (lang, text) in Self.texts {
            let file = try write(text, "\(lang).txt")
            let r = try MapgenProcess.run(["ingest", file.path, "--theatre", "kharkiv-2022", "--published", "2022-09-12", "--outlet", "Test"])
            XCTAssertEqual(r.status, 0, r.err)
            yaml[lang] = r.out
        }
        // Ukrainian: Balakliia taken by Ukrainian forces on 8 Sep, credited to the General Staff.
        let uk = try XCTUnwrap(yaml["uk"])
        XCTAssertTrue(uk.contains("- id: 2022-09-08-clash-balakliia"), uk)
        XCTAssertTrue(uk.contains("place: Balakliia\n  place_id: '712926'\n  holder: ukraine"), uk)
        XCTAssertTrue(uk.contains("attributed_to: Ukrainian General Staff"), uk)
        XCTAssertTrue(uk.contains("- Kupiansk"), uk)
        // Russian: Russian forces left Izium: the town goes to the other side of Reading/parties.tsv.
        let ru = try XCTUnwrap(yaml["ru"])
        XCTAssertTrue(ru.contains("place: Izium\n  place_id: '707292'\n  holder: ukraine"), ru)
        XCTAssertTrue(ru.contains("attributed_to: Russian Defence Ministry"), ru)
        // English: the capture of Izium and the shelling of Kupiansk on Monday 12 Sep, by Russian forces.
        let en = try XCTUnwrap(yaml["en"])
        XCTAssertTrue(en.contains("- id: 2022-09-10-clash-izium"), en)
        XCTAssertTrue(en.contains("- id: 2022-09-12-shelling-kupiansk\n  date: '2022-09-12'"), en)
        XCTAssertTrue(en.contains("actor: Russian forces"), en)
        // Nothing of the first theatre's parties leaks in.
        for (_, y) in yaml { XCTAssertFalse(y.contains("Turkish") || y.contains("Syrian"), y) }
    }

    func testAnArticleInAnotherLanguageIsReadWithAWarning() throws {
        let file = try write("Ukraynalı askerler İzyum'a girdi ve Kupyansk'ta çatışmalar sürüyor.", "tr.txt")
        let r = try MapgenProcess.run(["ingest", file.path, "--theatre", "kharkiv-2022", "--published", "2022-09-12", "--outlet", "Test"])
        XCTAssertEqual(r.status, 0, r.err)
        let warnings = r.err.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        XCTAssertEqual(warnings.count, 1, r.err)
        XCTAssertTrue(warnings.first?.contains("Turkish (tr), not one of this theatre's languages (theatre.yaml languages: en, uk, ru)") ?? false, r.err)
        // The first theatre reads Turkish: no warning there.
        let idlib = try write("Türk askerleri Sarakib'e girdi.", "tr-idlib.txt")
        let g = try MapgenProcess.run(["geoparse", idlib.path])
        XCTAssertEqual(g.status, 0, g.err)
        XCTAssertFalse(g.err.contains("warning"), g.err)
    }

    func testTheDateDefaultsToTheTheatres() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("default-date-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try MapgenProcess.run(["--theatre", "kharkiv-2022", "--out", out.path, "--format", "svg"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("2022-09-10.svg").path), r.out)
        let a = try MapgenProcess.run(["analyze", "--json"])
        XCTAssertEqual(a.status, 0, a.err)
        XCTAssertTrue(a.out.contains("\"date\": \"2020-02-08\""), "the default theatre's default date")
        let help = try MapgenProcess.run(["map", "--help"])
        XCTAssertTrue(help.out.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: "")
            .contains("default: the theatre's default date"), help.out)
    }
}
