import Foundation
import XCTest

/// `mapgen web`: the page's files, its data, and (when Chromium is installed) the page itself in
/// a headless browser, where moving to another date must change what shows.
final class WebTests: XCTestCase {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func makePage() throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let r = try MapgenProcess.run(["web", "--from", "2020-02-01", "--to", "2020-02-08", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("index.html"), r.out)
        return out.appendingPathComponent("web-2020-02-01_2020-02-08")
    }

    func testThePageCarriesLeafletItsLicenceAndEveryDatesLayers() throws {
        let dir = try makePage()
        for f in ["index.html", "app.js", "data.js", "leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/LICENSE.txt",
                  "leaflet/images/marker-icon.png"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path), f)
        }
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "the page must load nothing from the network")
        // data.js is `window.MAPGEN = {…};`: JSON inside.
        let js = try String(contentsOf: dir.appendingPathComponent("data.js"), encoding: .utf8)
        let body = try XCTUnwrap(js.range(of: "window.MAPGEN = ").map { String(js[$0.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines) })
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(body.dropLast().utf8)) as? [String: Any])
        let dates = try XCTUnwrap(json["dates"] as? [[String: Any]])
        XCTAssertEqual(dates.map { $0["date"] as? String }, (1...8).map { String(format: "2020-02-%02d", $0) })
        let controls = try XCTUnwrap(json["controls"] as? [[String: Any]])
        XCTAssertLessThanOrEqual(controls.count, dates.count)
        // On 8 Feb: a front line, posts, and events whose popups have sources with links.
        let overlay = try XCTUnwrap(dates.last?["overlay"] as? [String: Any])
        let features = try XCTUnwrap(overlay["features"] as? [[String: Any]])
        let props = features.compactMap { $0["properties"] as? [String: Any] }
        XCTAssertGreaterThan(props.filter { $0["layer"] as? String == "post" }.count, 10)
        let events = props.filter { $0["layer"] as? String == "event" }
        XCTAssertFalse(events.isEmpty)
        for e in events {
            let sources = try XCTUnwrap(e["sources"] as? [[String: Any]], "\(e["id"] ?? "?")")
            XCTAssertFalse(sources.isEmpty)
            XCTAssertTrue(sources.allSatisfy { !(($0["outlet"] as? String) ?? "").isEmpty })
        }
        XCTAssertTrue(events.contains { (($0["sources"] as? [[String: Any]]) ?? []).contains { ($0["url"] as? String)?.hasPrefix("http") == true } })
        let controlIndex = try XCTUnwrap(dates.last?["control"] as? Int)
        let control = try XCTUnwrap((controls[controlIndex]["features"] as? [[String: Any]])?.compactMap { $0["properties"] as? [String: Any] })
        XCTAssertTrue(control.contains { $0["layer"] as? String == "front_line" })
        XCTAssertTrue(control.contains { $0["side"] as? String == "government" })
        // The legend's sides come from the theatre: every side drawn has a key with a label and a
        // fill, and the page's script names no side of its own.
        let keys = try XCTUnwrap(json["sides"] as? [[String: Any]])
        let keyed = Set(keys.compactMap { $0["id"] as? String })
        XCTAssertTrue(keys.allSatisfy { !(($0["label"] as? String) ?? "").isEmpty && (($0["fill"] as? String) ?? "").hasPrefix("#") })
        for side in Set(control.compactMap { $0["side"] as? String }) { XCTAssertTrue(keyed.contains(side), side) }
        let app = try String(contentsOf: dir.appendingPathComponent("app.js"), encoding: .utf8)
        for id in keyed { XCTAssertFalse(app.contains("\"\(id)\""), "app.js names the side \(id)") }
    }

    /// The page in headless Chromium: the date in the address (#date=…, as the slider writes it)
    /// decides what the status element shows, and another date shows other counts.
    func testInHeadlessChromiumMovingToAnotherDateChangesWhatShows() throws {
        guard let chromium = Self.chromium else { throw XCTSkip("chromium is not installed (apt-get install chromium)") }
        let dir = try makePage()
        let page = dir.appendingPathComponent("index.html").absoluteString
        func status(_ hash: String) throws -> (date: String, text: String) {
            let r = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", page + hash])
            let dom = r
            guard let open = dom.range(of: "<span id=\"status\""), let close = dom[open.upperBound...].range(of: "</span>") else {
                XCTFail("no status element in the page's DOM: \(dom.prefix(400))"); return ("", "")
            }
            let span = String(dom[open.lowerBound..<close.lowerBound])
            let date = span.range(of: "data-date=\"").map { String(span[$0.upperBound...].prefix(10)) } ?? ""
            return (date, String(span[(span.firstIndex(of: ">") ?? span.startIndex)...].dropFirst()))
        }
        let early = try status("#date=2020-02-01"), late = try status("#date=2020-02-08"), none = try status("")
        XCTAssertEqual(early.date, "2020-02-01", early.text)
        XCTAssertTrue(early.text.contains("1 February 2020"), early.text)
        XCTAssertEqual(late.date, "2020-02-08", late.text)
        XCTAssertTrue(late.text.contains("8 February 2020"), late.text)
        XCTAssertNotEqual(early.text.replacingOccurrences(of: "1 February", with: ""), late.text.replacingOccurrences(of: "8 February", with: ""),
                          "the counts should differ between 1 and 8 February")
        XCTAssertEqual(none.date, "2020-02-08", "without a date the page opens on the last one")
    }

    func run(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString).html")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return try String(contentsOf: out, encoding: .utf8)
    }
}
