import Foundation
import XCTest
import Geo
@testable import Render
@testable import Situation

/// `--theatre` on every command, `mapgen theatres`, and the style files.
final class TheatreCLITests: XCTestCase {
    func testTheatresListsTheDefaultAndTheFolders() throws {
        let o = try MapgenProcess.run(["theatres"])
        XCTAssertEqual(o.status, 0, o.err)
        let lines = o.out.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("idlib-2020") ?? false, o.out)
        XCTAssertTrue(lines.first?.contains("(default theatre)") ?? false, o.out)
        XCTAssertTrue(o.out.contains("kharkiv-2022     2022-09-01 – 2022-09-30"), o.out)
    }

    func testEveryCommandTakesTheTheatre() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-theatre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let check = try MapgenProcess.run(["check", "--theatre", "kharkiv-2022"])
        XCTAssertEqual(check.status, 0, check.err)
        XCTAssertTrue(check.out.hasPrefix("ok: 250 places, 0 posts"), check.out)
        let map = try MapgenProcess.run(["--theatre", "kharkiv-2022", "--date", "2022-09-10", "--out", out.path])
        XCTAssertEqual(map.status, 0, map.err)
        let svg = try String(contentsOf: out.appendingPathComponent("2022-09-10.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<title>Kharkiv counteroffensive, September 2022: situation as of 2022-09-10</title>"))
        let diff = try MapgenProcess.run(["diff", "2022-09-05", "2022-09-14", "--theatre", "kharkiv-2022", "--json", "--format", ""])
        XCTAssertEqual(diff.status, 0, diff.err)
        XCTAssertTrue(diff.out.contains("\"ukraine\""), diff.out)
        let resolve = try MapgenProcess.run(["resolve", "Izium", "--theatre", "kharkiv-2022"])
        XCTAssertEqual(resolve.status, 0, resolve.err)
        // The same name is unknown in the default theatre.
        XCTAssertEqual(try MapgenProcess.run(["resolve", "Izium"]).status, 1)
    }

    func testAnUnknownTheatreIsAUsageErrorListingTheKnownOnes() throws {
        let o = try MapgenProcess.run(["check", "--theatre", "atlantis"])
        XCTAssertEqual(o.status, 64)
        XCTAssertTrue(o.err.hasPrefix("error: --theatre atlantis: no such theatre"), o.err)
        XCTAssertTrue(o.err.contains("idlib-2020, kharkiv-2022"), o.err)
        XCTAssertEqual(o.err.split(separator: "\n").count, 1, o.err)
    }

    func testATheatresStyleFileOverridesTheDefault() throws {
        let t = try Theatre.load(from: repoRoot.appendingPathComponent("Tests/Fixtures/square-theatre"))
        let style = try MapStyle(theatre: t.description, sheets: t.styleSheets)
        XCTAssertEqual(style.homeLand, Color(0xfbfbf0))
        XCTAssertEqual(style.frontLineWidth, 3.5)
        XCTAssertEqual(style.sea, Color(0xc6dbea), "from Styles/default.yaml")
        XCTAssertEqual(style.sidePattern[t.sides[1]]?.angle, 135)
    }

    func testTheDefaultStyleFileSetsEveryKey() throws {
        let sheet = try StyleSheet.load(repoRoot.appendingPathComponent("Styles/default.yaml"))
        XCTAssertEqual(Set(sheet.values.keys), MapStyle.styleKeys)
    }

    func testAWrongStyleValueNamesTheFileAndLine() throws {
        var style = MapStyle()
        let sheet = try StyleSheet.parse("sea: \"#c6dbea\"\nfront_line_width: thick\n", file: "Styles/x.yaml")
        XCTAssertThrowsError(try style.apply(sheet)) { e in
            XCTAssertEqual((e as? DataError)?.line, 2, "\(e)")
            XCTAssertTrue("\(e)".contains("front_line_width"), "\(e)")
        }
        XCTAssertThrowsError(try style.apply(try StyleSheet.parse("see: \"#ffffff\"\n", file: "Styles/x.yaml"))) { e in
            XCTAssertTrue("\(e)".contains("unknown style key"), "\(e)")
        }
    }

    func testATheatreChoosesItsLayers() throws {
        let t = try Theatre.load(from: repoRoot.appendingPathComponent("Tests/Fixtures/square-theatre"))
        let doc = try MapDocument(situation: try Situation(at: Day("2021-01-04")!, in: t))
        XCTAssertEqual(doc.layers.map(\.name), ["land", "control", "gains", "provinces", "border", "zone", "rings",
                                                "site-uncertainty", "front-line", "imported-events", "towns", "changes",
                                                "strikes", "movements", "sites", "also-reported"])
        XCTAssertEqual(try MapLayers.named(nil, theatre: t.description).count, MapLayers.standard.count)
        XCTAssertThrowsError(try MapLayers.named(["land", "volcanoes"], theatre: t.description)) { e in
            XCTAssertTrue((e as? DataError)?.file.hasSuffix("theatre.yaml") ?? false, "\(e)")
            XCTAssertTrue("\(e)".contains("unknown layer \"volcanoes\""), "\(e)")
        }
        // Without its front-line layer the map has no front line (its colour is nowhere in the SVG).
        var bare = doc
        bare.layers = try MapLayers.named(["land", "control"], theatre: t.description)
        let svg = { (d: MapDocument) in String(decoding: try d.render([.svg])[.svg] ?? Data(), as: UTF8.self) }
        let frontColour = "stroke:rgb(47.843137%,9.019608%,7.058824%)"
        XCTAssertTrue(try svg(doc).contains(frontColour))
        XCTAssertFalse(try svg(bare).contains(frontColour))
    }

    /// Nothing about a particular theatre is written into the code: every file of every module in
    /// Sources/, no skip list. What is scanned is code, not comments: a comment's example from the
    /// text the code was built against (a Turkish suffix on "İdlib'e", an Arabic proclitic on a town)
    /// documents why the code reads text as it does and changes nothing the program does, while a
    /// name in code (a literal, a table) would make the program know a theatre.
    ///
    /// The words are country, place, people and side names of the shipped theatres. A language
    /// is not a theatre: "Turkish", "Russian" and "Ukrainian" are allowed as the names of
    /// languages (Turkish case suffixes, `turkish:` spelling, a language's display name), but never
    /// before a word that makes them a side (Turkish forces, Russian army…), and the countries
    /// (Turkey, Russia, Ukraine), their peoples (Turks) and ISO country codes in capitals ("TR",
    /// "SY") are not allowed at all. Language codes are lower case ("tr") and stay allowed.
    func testNoTheatreIsWrittenIntoTheSources() throws {
        let words = ["syria", "idlib", "saraq", "aleppo", "damasc", "latakia", "ankara", "hatay", "moscow", "kharkiv", "izium",
                     "kupiansk", "balakl", "ukraine", "russia\\b", "turkey", "türk", "turks?\\b", "\\bassad", "erdogan", "putin",
                     "سوري", "إدلب", "ادلب", "حلب", "دمشق", "ترك", "україн", "харків", "харьков", "\\bросі", "\\bросс", "ізюм", "изюм"]
        let names = try NSRegularExpression(pattern: words.joined(separator: "|"), options: [.caseInsensitive])
        let sides = try NSRegularExpression(pattern: "(turkish|russian|ukrainian)[\\s_-]+(armed|forces?|army|troops|soldiers|military|government|side|posts?|convoys?|officials?|ministry)",
                                            options: [.caseInsensitive])
        let countryCodes = try NSRegularExpression(pattern: "\"(SY|TR|UA|RU)\"")
        let root = repoRoot.appendingPathComponent("Sources")
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { ["swift", "h", "modulemap"].contains($0.pathExtension) }
        XCTAssertGreaterThan(files.count, 140, "every module, no skip list")
        XCTAssertTrue(files.contains { $0.path.hasSuffix("Geoparse/Stoplists.swift") } && files.contains { $0.path.hasSuffix("Ingest/Extractor.swift") }
                      && files.contains { $0.path.hasSuffix("mapgen/IngestCommand.swift") })
        var found: [String] = []
        for f in files {
            for (n, line) in try String(contentsOf: f, encoding: .utf8).components(separatedBy: "\n").enumerated() {
                let code = Self.codeOf(line)
                let range = NSRange(code.startIndex..., in: code)
                for re in [names, sides, countryCodes] where re.firstMatch(in: code, range: range) != nil {
                    found.append("\(f.path.dropFirst(root.path.count + 1)):\(n + 1): \(code.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertEqual(found, [], found.joined(separator: "\n"))
        // The scan finds what it is meant to find.
        for bad in ["let side = \"Turkish Armed Forces\"", "case \"SY\": break", "let c = \"Damascus\" // capital", "x = [\"turks\"]"] {
            let code = Self.codeOf(bad)
            XCTAssertTrue([names, sides, countryCodes].contains { $0.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil }, bad)
        }
        for fine in ["static func words(_ text: String, turkish: Bool)", "// Turkish case endings: İdlib'e", "lang == \"tr\"", "case .ru: return \"Russian\""] {
            let code = Self.codeOf(fine)
            XCTAssertFalse([names, sides, countryCodes].contains { $0.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil }, fine)
        }
    }

    /// A line without its comment (`//` at the start, or after a space outside a string literal).
    static func codeOf(_ line: String) -> String {
        var inString = false, prev: Character = " "
        var idx = line.startIndex
        while idx < line.endIndex {
            let c = line[idx]
            if c == "\"" && prev != "\\" { inString.toggle() }
            if !inString, c == "/", line[line.index(after: idx)...].hasPrefix("/"), prev == " " || idx == line.startIndex || prev == "\t" {
                return String(line[..<idx])
            }
            prev = c
            idx = line.index(after: idx)
        }
        return line
    }
}
