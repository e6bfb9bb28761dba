import Foundation
import XCTest
import Geo
@testable import Render
@testable import Situation

/// The map as an ordered list of layers: a new kind of mark is one new file and one line in a
/// theatre's `layers:` list; the legend lists the layers' own items; labels of every layer share
/// one placer; event kinds are data.
final class LayerListTests: XCTestCase {
    let fixture = repoRoot.appendingPathComponent("Tests/Fixtures/square-theatre")

    /// A scratch copy of the square test theatre; `edit` rewrites its theatre.yaml, `kinds` its
    /// event kinds file, `events` its events.yaml.
    func theatreCopy(edit: (String) -> String = { $0 }, kinds: ((String) -> String)? = nil,
                     events: (String) -> String = { $0 }) throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("mapgen-layers-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        addTeardownBlock { try? fm.removeItem(at: root) }
        for item in ["Gazetteer", "style.yaml"] {
            try fm.createSymbolicLink(at: root.appendingPathComponent(item), withDestinationURL: fixture.appendingPathComponent(item))
        }
        try fm.createSymbolicLink(at: root.appendingPathComponent("Styles"), withDestinationURL: repoRoot.appendingPathComponent("Styles"))
        try fm.copyItem(at: fixture.appendingPathComponent("Reports/control.tsv"), to: root.appendingPathComponent("Reports/control.tsv"))
        let ev = try String(contentsOf: fixture.appendingPathComponent("Reports/events.yaml"), encoding: .utf8)
        try events(ev).write(to: root.appendingPathComponent("Reports/events.yaml"), atomically: true, encoding: .utf8)
        var yaml = try String(contentsOf: fixture.appendingPathComponent("theatre.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../../../Styles/", with: "Styles/")
        if let kinds {
            let text = try String(contentsOf: repoRoot.appendingPathComponent("Styles/event-kinds.yaml"), encoding: .utf8)
            try kinds(text).write(to: root.appendingPathComponent("kinds.yaml"), atomically: true, encoding: .utf8)
            yaml = yaml.replacingOccurrences(of: "Styles/event-kinds.yaml", with: "kinds.yaml")
        }
        try edit(yaml).write(to: root.appendingPathComponent("theatre.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    func texts(_ doc: MapDocument) throws -> [String] {
        try doc.drawing(width: 1600, height: 1200, scene: try doc.scene(for: [.svg])).texts.map(\.text)
    }

    func testANewKindOfMarkIsOneFileAndOneLineInTheLayerList() throws {
        // The one line: the new layer's name at the end of the theatre's layers: list.
        let root = try theatreCopy(edit: { $0.replacingOccurrences(of: "sites, also-reported]", with: "sites, also-reported,\n         reported-places]") })
        let t = try Theatre.load(from: root)
        XCTAssertEqual(t.description.layers?.last, "reported-places")
        let day = try XCTUnwrap(Day("2021-01-04"))
        let catalogue = MapLayers.standard + [ReportedPlacesLayer()]
        let doc = try MapDocument(situation: try Situation(at: day, in: t), catalogue: catalogue)
        XCTAssertEqual(doc.layers.last?.name, "reported-places")
        let drawn = try texts(doc)
        // Its label went through the shared placer, its legend line into the legend: after the
        // layers the legend order names (the base map's "City / town"), with no edit to the legend.
        XCTAssertTrue(drawn.contains("Southwest Town: 1 report"), "\(drawn)")
        let entry = try XCTUnwrap(drawn.firstIndex(of: ReportedPlacesLayer.legendText), "\(drawn)")
        XCTAssertGreaterThan(entry, try XCTUnwrap(drawn.firstIndex(of: "City / town")))
        let svg = String(decoding: try doc.render([.svg])[.svg] ?? Data(), as: UTF8.self)
        XCTAssertTrue(svg.contains("fill:rgb(7.058824%,64.313725%,64.313725%)"), "the teal squares are drawn")

        // Without the line, the same theatre draws none of it.
        let plain = try MapDocument(situation: try Situation(at: day, in: try Theatre.load(from: fixture)), catalogue: catalogue)
        let plainTexts = try texts(plain)
        XCTAssertFalse(plainTexts.contains(ReportedPlacesLayer.legendText))
        XCTAssertFalse(plainTexts.contains("Southwest Town: 1 report"))
        // A name no layer has is an error naming theatre.yaml.
        XCTAssertThrowsError(try MapDocument(situation: try Situation(at: day, in: t))) { e in
            XCTAssertTrue("\(e)".contains("unknown layer \"reported-places\""), "\(e)")
        }
    }

    func testTheLegendFollowsTheLayersAndLabelsNeverOverlap() throws {
        let situation = try Situation(at: try XCTUnwrap(Day("2020-02-09")), in: shipped, windowDays: 5)
        let doc = try MapDocument(situation: situation)
        let drawing = try doc.drawing(width: 1600, height: 1200, scene: try doc.scene(for: [.svg]))
        let all = drawing.texts.map(\.text)
        let heads = ["Control (assessed, approximate)", try XCTUnwrap(shipped.description.sites?.legendHead),
                     "Reported in the window", "Base map", "Also reported"]
        let at = try heads.map { try XCTUnwrap(all.firstIndex(of: $0), $0) }
        XCTAssertEqual(at, at.sorted(), "headings in legend order")
        // "Reported in the window" is given by two layers (movements and strikes) but shown once.
        XCTAssertEqual(all.filter { $0 == "Reported in the window" }.count, 1)
        // Labels of towns, sites, arrows and strikes come from one placer: no two overlap.
        let map = PageLayout(width: 1600, height: 1200, view: shipped.view).map
        let labels = drawing.texts.filter { map.contains($0.box) }
        XCTAssertGreaterThan(labels.count, 40)
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.box.intersects(b.box) {
                XCTFail("\"\(a.text)\" overlaps \"\(b.text)\"")
            }
        }
        // The legend's order is data: a theatre may list it; layers it does not name follow in drawing order.
        let items = MapLayers.legend([("a", [.head("A")]), ("b", [.head("B")]), ("c", [.head("C")])], order: ["c", "a"])
        XCTAssertEqual(items.map(\.text), ["C", "A", "B"])
        XCTAssertThrowsError(try MapLayers.checkLegendOrder(["towns", "volcanoes"], theatre: shipped.description)) { e in
            XCTAssertTrue("\(e)".contains("legend: unknown layer \"volcanoes\""), "\(e)")
        }
    }

    func testLabelPrioritiesAreStyleData() throws {
        var style = MapStyle()
        try style.apply(try StyleSheet.parse("label_priority_village: 5\n", file: "Styles/x.yaml"))
        XCTAssertEqual(style.priority("village"), 5)
        XCTAssertThrowsError(try style.apply(try StyleSheet.parse("label_priority_strike: high\n", file: "Styles/x.yaml")))
        XCTAssertThrowsError(try style.apply(try StyleSheet.parse("label_priority_volcano: 3\n", file: "Styles/x.yaml")))
        // Villages first: in the crowded Idlib map they take room a higher label had (a post's,
        // on 8 Feb), and no village loses its label.
        let situation = try Situation(at: try XCTUnwrap(Day("2020-02-08")), in: shipped)
        var doc = try MapDocument(situation: situation)
        let before = Set(try texts(doc))
        doc.style.labelPriority["village"] = 0
        let after = Set(try texts(doc))
        let villages = Set(shipped.gazetteer.places.filter { $0.rank == 3 }.map(\.name))
        let lost = before.subtracting(after)
        XCTAssertFalse(lost.isEmpty, "the order changed nothing")
        XCTAssertTrue(lost.isDisjoint(with: villages), "\(lost)")
        XCTAssertGreaterThanOrEqual(after.intersection(villages).count, before.intersection(villages).count)
    }

    func testAKindDeclaredInTheKindsFileIsDrawnByItsProperties() throws {
        // A kind the code has never heard of draws as a strike because the file says so.
        let root = try theatreCopy(
            kinds: { $0 + "- {id: drone-strike, legend: Drone strike, draws: strike, symbol: star, colour: post, map_label: drone strike}\n" },
            events: { $0.replacingOccurrences(of: "type: strike", with: "type: drone-strike") })
        let t = try Theatre.load(from: root)
        let situation = try Situation(at: try XCTUnwrap(Day("2021-01-04")), in: t)
        XCTAssertEqual(situation.strikes.map(\.event.kind.id), ["drone-strike"])
        let drawn = try texts(try MapDocument(situation: situation))
        XCTAssertTrue(drawn.contains("Drone strike"), "its legend line: \(drawn)")
        XCTAssertTrue(drawn.contains { $0.hasPrefix("drone strike") }, "its map label: \(drawn)")
        XCTAssertFalse(drawn.contains("Air strike or shelling, with reported deaths"))
    }

    func testAnUnknownEventTypeNamesTheFileLineAndTheKinds() throws {
        let root = try theatreCopy(events: { $0.replacingOccurrences(of: "type: strike", with: "type: airstrike") })
        XCTAssertThrowsError(try Theatre.load(from: root)) { e in
            let d = "\(e)"
            XCTAssertTrue(d.contains("events.yaml:5: unknown event type \"airstrike\""), d)
            XCTAssertTrue(d.contains("convoy, post-established"), d)
            XCTAssertTrue(d.contains("event-kinds.yaml"), d)
        }
        // And the kinds file itself is checked, line by line.
        XCTAssertThrowsError(try EventKinds.parse("- {id: a, legend: A}\n- {id: b, legend: B, draws: arrows}\n", file: "k.yaml")) { e in
            XCTAssertEqual((e as? DataError)?.line, 2, "\(e)")
            XCTAssertTrue("\(e)".contains("movement, strike, none"), "\(e)")
        }
        XCTAssertThrowsError(try EventKinds.parse("- {id: a, legend: A}\n- {id: a, legend: B}\n", file: "k.yaml"))
        let bad = EventKinds([EventKind(id: "x", legend: "X", draws: .strike, colour: "mauve")], file: "k.yaml")
        XCTAssertThrowsError(try MapDocument.check(bad, style: MapStyle())) { e in
            XCTAssertTrue("\(e)".contains("colour \"mauve\" is not a style colour key"), "\(e)")
        }
    }
}
