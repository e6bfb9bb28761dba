import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The command line as a user runs it: the built `mapgen` beside the test bundle.
final class CLITests: XCTestCase {
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mapgen")
    }

    struct Run {
        let status: Int32
        let out: String
        let err: String
        let signalled: Bool
    }

    func requireBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("mapgen is not built beside the tests (\(binary.path))")
        }
    }

    func process(_ args: [String], in dir: URL?, data: String?) -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = binary
        p.arguments = args + ["--data", data ?? repoRoot.path]
        p.currentDirectoryURL = dir ?? FileManager.default.temporaryDirectory
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        return (p, out, err)
    }

    @discardableResult
    func run(_ args: [String], in dir: URL? = nil, data: String? = nil) throws -> Run {
        try requireBinary()
        let (p, out, err) = process(args, in: dir, data: data)
        try p.run()
        // Read both pipes at once so that neither can fill up and stall the child.
        var o = Data(), e = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { o = out.fileHandleForReading.readDataToEndOfFile() }
        e = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self),
                   signalled: p.terminationReason == .uncaughtSignal)
    }

    func makeTemporaryFolder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-cli-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Every entry under `dir` with its kind, size and modification time.
    func snapshot(_ dir: URL) -> [String: String] {
        var out: [String: String] = [:]
        let keys: [URLResourceKey] = [.isDirectoryKey, .fileSizeKey, .contentModificationDateKey]
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: keys) else { return out }
        for case let url as URL in e {
            let v = try? url.resourceValues(forKeys: Set(keys))
            out[url.path.replacingOccurrences(of: dir.path, with: "")] =
                "\(v?.isDirectory == true ? "dir" : "file") \(v?.fileSize ?? -1) \(v?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return out
    }

    func temporaryFiles(under dir: URL) -> [String] {
        snapshot(dir).keys.filter { $0.contains(".tmp") }.sorted()
    }

    // MARK: identical bytes

    func testTheSameCommandTenTimesGivesIdenticalBytesInEveryFormat() throws {
        try requireBinary()
        let base = try makeTemporaryFolder("bytes")
        let runs = 10
        var results = [Run?](repeating: nil, count: runs)
        let lock = NSLock()
        // Two at a time, as a busy machine would run them.
        DispatchQueue.concurrentPerform(iterations: runs) { i in
            let r = try? self.run(["map", "--date", "2020-02-08", "--format", "svg,png,pdf", "--size", "800x600",
                                   "--out", base.appendingPathComponent("\(i)").path])
            lock.lock(); results[i] = r; lock.unlock()
        }
        for (i, r) in results.enumerated() { XCTAssertEqual(r?.status, 0, "run \(i): \(r?.err ?? "did not start")") }
        for ext in ["svg", "png", "pdf"] {
            let first = try Data(contentsOf: base.appendingPathComponent("0/2020-02-08.\(ext)"))
            XCTAssertGreaterThan(first.count, 10_000, ext)
            for i in 1..<runs {
                let other = try Data(contentsOf: base.appendingPathComponent("\(i)/2020-02-08.\(ext)"))
                XCTAssertEqual(first, other, "\(ext) of run \(i) differs from run 0")
            }
        }
    }

    // MARK: outputs

    func testAnExistingFolderPassedAsAnOutputSurvives() throws {
        let base = try makeTemporaryFolder("dirs")
        let keep = base.appendingPathComponent("keep")
        try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: keep.appendingPathComponent("notes.txt"))
        // analyze --geojson DIR, ".", and the folder itself by an absolute path.
        for target in ["keep", ".", keep.path] {
            let before = snapshot(base)
            let r = try run(["analyze", "--date", "2020-02-08", "--geojson", target], in: base)
            XCTAssertEqual(r.status, 1, "--geojson \(target): \(r.err)")
            XCTAssertTrue(r.err.hasPrefix("error: --geojson ") && r.err.contains("is a folder"), r.err)
            XCTAssertEqual(snapshot(base), before, "--geojson \(target) changed the folder")
        }
        // map with OUT/DATE.svg a folder: neither the folder nor the older PNG beside it is touched.
        let out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("2020-02-08.svg"), withIntermediateDirectories: true)
        try Data("inside".utf8).write(to: out.appendingPathComponent("2020-02-08.svg/inside.txt"))
        try Data("old png".utf8).write(to: out.appendingPathComponent("2020-02-08.png"))
        let before = snapshot(base)
        let r = try run(["map", "--date", "2020-02-08", "--out", out.path], in: base)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("2020-02-08.svg: is a folder"), r.err)
        XCTAssertEqual(snapshot(base), before)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("2020-02-08.svg/inside.txt"), encoding: .utf8), "inside")
    }

    func testGeoJSONToStandardOutputAndTheTableStaysOff() throws {
        let r = try run(["analyze", "--date", "2020-02-08", "--geojson", "-"])
        XCTAssertEqual(r.status, 0, r.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let features = try XCTUnwrap(json["features"] as? [[String: Any]])
        let areas = features.compactMap { $0["properties"] as? [String: Any] }.filter { $0["layer"] as? String == "control_area" }
        XCTAssertFalse(areas.isEmpty)
        for a in areas {
            XCTAssertNotNil(a["area_km2_in_view"], "the figure says what it measures")
            XCTAssertEqual(a["clipped_to"] as? String, "map view")
        }
    }

    func testGeoJSONFileIsOneFeatureCollectionLikeStandardOutput() throws {
        let base = try makeTemporaryFolder("geojson")
        let r = try run(["analyze", "--date", "2020-02-08", "--geojson", "out/a.geojson"], in: base)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("wrote out/a.geojson"), r.err)
        XCTAssertFalse(r.out.isEmpty, "the table still goes to standard output")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("out").path), ["a.geojson"],
                       "no temporary file is left beside it")
        let file = try Data(contentsOf: base.appendingPathComponent("out/a.geojson"))
        let stdout = try run(["analyze", "--date", "2020-02-08", "--geojson", "-"])
        XCTAssertEqual(String(decoding: file, as: UTF8.self), stdout.out, "the file and standard output are the same GeoJSON")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: file) as? [String: Any])
        XCTAssertEqual(json["type"] as? String, "FeatureCollection")
        let types = Set((json["features"] as? [[String: Any]] ?? []).compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String })
        XCTAssertTrue(types.isSuperset(of: ["Point", "MultiLineString"]) && types.contains { $0.hasSuffix("Polygon") },
                      "areas, lines and points in one collection: \(types)")
    }

    func testConcurrentRunsIntoOneFolderAllSucceedAndLeaveNoTemporaryFiles() throws {
        try requireBinary()
        let base = try makeTemporaryFolder("concurrent")
        var statuses = [Int32](repeating: -1, count: 4)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let r = try? self.run(["map", "--date", "2020-02-08", "--format", "svg,png", "--size", "800x600", "--out", "out"], in: base)
            lock.lock(); statuses[i] = r?.status ?? -2; lock.unlock()
        }
        XCTAssertEqual(statuses, [0, 0, 0, 0])
        XCTAssertEqual(temporaryFiles(under: base), [])
        let png = try Data(contentsOf: base.appendingPathComponent("out/2020-02-08.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4e, 0x47])
    }

    func testARepeatedFormatIsWrittenOnceAndWhole() throws {
        let base = try makeTemporaryFolder("twice")
        let r = try run(["map", "--date", "2020-02-08", "--format", "svg,SVG, svg", "--size", "800x600", "--out", "out"], in: base)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "wrote out/2020-02-08.svg\n")
        let svg = try Data(contentsOf: base.appendingPathComponent("out/2020-02-08.svg"))
        let parser = XMLParser(data: svg)
        XCTAssertTrue(parser.parse(), "well-formed SVG")
        XCTAssertEqual(snapshot(base).keys.sorted(), ["/out", "/out/2020-02-08.svg"])
    }

    func testAStoppedRunLeavesTheOldFileAndNoTemporaryFiles() throws {
        try requireBinary()
        let base = try makeTemporaryFolder("stopped")
        let out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old map".utf8).write(to: out.appendingPathComponent("2020-02-08.png"))
        // Stopped at several moments: while loading, computing, drawing or writing.
        for delay in [0.15, 0.4, 0.8] {
            let (p, _, _) = process(["map", "--date", "2020-02-08", "--format", "png,pdf", "--size", "4000x3000", "--out", out.path],
                                    in: base, data: nil)
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            p.terminate()
            p.waitUntilExit()
            XCTAssertEqual(temporaryFiles(under: base), [], "stopped after \(delay) s")
            let png = try Data(contentsOf: out.appendingPathComponent("2020-02-08.png"))
            // Either the old file, or (if it finished first) a whole new one.
            XCTAssertTrue(png == Data("old map".utf8) || png.prefix(4) == Data([0x89, 0x50, 0x4e, 0x47]), "stopped after \(delay) s")
        }
    }

    // MARK: bad input

    struct BadInput {
        let args: [String]
        let status: Int32
        /// What stderr must name: the option or the file.
        let names: String
        var data: String? = nil
    }

    /// Each bad input: the right exit status (never a signal), one line on stderr naming the
    /// option or file, and nothing written (the folder unchanged, no temporary files).
    func testBadInputGetsOneClearLineAndWritesNothing() throws {
        try requireBinary()
        let date = ["--date", "2020-02-08"]
        let cases: [BadInput] = [
            BadInput(args: ["map", "--date", "2020-02-08xyz"], status: 64, names: "--date"),
            BadInput(args: ["map", "--date", "2020-02-088"], status: 64, names: "--date"),
            BadInput(args: ["map", "--date", "2020-2-8"], status: 64, names: "--date"),
            BadInput(args: ["map", "--date", "2020-02-30"], status: 64, names: "--date"),
            BadInput(args: ["map", "--date", "+020-02-08"], status: 64, names: "--date"),
            BadInput(args: ["map", "--date", ""], status: 64, names: "--date"),
            BadInput(args: ["map", "--date", "2016-01-01"], status: 1, names: "no data for 2016-01-01"),
            BadInput(args: ["map"] + date + ["--size", "abcx1600x1200"], status: 64, names: "--size"),
            BadInput(args: ["map"] + date + ["--size", "1600x"], status: 64, names: "--size"),
            BadInput(args: ["map"] + date + ["--size", "1600x1200x3"], status: 64, names: "--size"),
            BadInput(args: ["map"] + date + ["--size", "10x10"], status: 64, names: "--size"),
            BadInput(args: ["map"] + date + ["--size", "99999999999999999999x1200"], status: 64, names: "--size"),
            BadInput(args: ["map"] + date + ["--width", "0"], status: 64, names: "--width"),
            BadInput(args: ["map"] + date + ["--width", "abc"], status: 64, names: "--width"),
            BadInput(args: ["map"] + date + ["--height", "1e9"], status: 64, names: "--height"),
            BadInput(args: ["map"] + date + ["--format", ""], status: 64, names: "--format"),
            BadInput(args: ["map"] + date + ["--format", "svg,gif"], status: 64, names: "--format"),
            BadInput(args: ["map"] + date + ["--format", ","], status: 64, names: "--format"),
            BadInput(args: ["map"] + date + ["--format", "jpeg"], status: 64, names: "--format"),
            BadInput(args: ["map"] + date + ["--buffer", "Idlib:1e19"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", "Idlib:0"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", "Idlib:-5"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", "Idlib"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", ":10"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", "Idlib:nan"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", "Idlib:inf"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--buffer", "Nowhereville:10"], status: 64, names: "--buffer"),
            BadInput(args: ["map"] + date + ["--window", "0"], status: 64, names: "--window"),
            BadInput(args: ["map"] + date + ["--window", "400"], status: 64, names: "--window"),
            BadInput(args: ["map"] + date + ["--window", "x"], status: 64, names: "--window"),
            BadInput(args: ["map"] + date + ["--dpi", "5"], status: 64, names: "--dpi"),
            BadInput(args: ["map"] + date + ["--paper", "a9"], status: 64, names: "--paper"),
            BadInput(args: ["map"] + date + ["--out", "file"], status: 1, names: "--out"),
            BadInput(args: ["map"] + date + ["--out", ""], status: 64, names: "--out"),
            BadInput(args: ["map"] + date + ["--out", "file/sub"], status: 1, names: "--out"),
            BadInput(args: ["map"] + date + ["--out", "clash"], status: 1, names: "2020-02-08.svg"),
            BadInput(args: ["map"] + date + ["--out", "/proc/mapgen-no-such-folder"], status: 1, names: "--out /proc/mapgen-no-such-folder"),
            BadInput(args: ["map"] + date, status: 64, names: "--data", data: "/nonexistent-mapgen-data"),
            BadInput(args: ["analyze"] + date + ["--geojson", ""], status: 64, names: "--geojson"),
            BadInput(args: ["analyze"] + date + ["--geojson", "."], status: 1, names: "--geojson"),
            BadInput(args: ["analyze"] + date + ["--geojson", "keep"], status: 1, names: "--geojson"),
            BadInput(args: ["analyze"] + date + ["--geojson", "keep/"], status: 64, names: "--geojson"),
            BadInput(args: ["analyze"] + date + ["--geojson", "-", "--json"], status: 64, names: "--geojson"),
            BadInput(args: ["analyze"] + date + ["--geojson", "file/x.geojson"], status: 1, names: "--geojson"),
            BadInput(args: ["analyze"] + date + ["--geojson", "/proc/mapgen.geojson"], status: 1, names: "--geojson /proc/mapgen.geojson"),
            BadInput(args: ["analyze"] + date + ["--buffer", "Idlib:1e19"], status: 64, names: "--buffer"),
            BadInput(args: ["analyze", "--date", "2020-02-08xyz"], status: 64, names: "--date"),
            BadInput(args: ["diff", "2020-02-09", "2020-02-06"], status: 64, names: "mapgen diff 2020-02-06 2020-02-09"),
            BadInput(args: ["diff", "2020-02-06", "2020-02-09", "--format", "gif"], status: 64, names: "--format"),
            BadInput(args: ["diff", "2020-02-06", "2020-02-09", "--size", "abc"], status: 64, names: "--size"),
            BadInput(args: ["diff", "2020-02-06", "2020-02-09xyz"], status: 64, names: "2020-02-09xyz"),
            BadInput(args: ["diff", "2020-02-06", "2020-02-09", "--out", "file"], status: 1, names: "--out"),
            BadInput(args: ["report", "--from", "2020-02-08", "--to", "9999-12-31"], status: 64, names: "--to"),
            BadInput(args: ["report", "--from", "2020-02-09", "--to", "2020-02-06"], status: 64, names: "--from"),
            BadInput(args: ["report", "--from", "2020-02-06", "--to", "2020-02-07", "--format", "pdf"], status: 64, names: "--format"),
            BadInput(args: ["report", "--from", "2021-01-01", "--to", "2021-01-02"], status: 64, names: "--from"),
            BadInput(args: ["report", "--from", "2020-02-06", "--to", "2020-02-07", "--out", "file"], status: 1, names: "--out"),
            BadInput(args: ["report", "--from", "2020-02-06", "--to", "2020-02-07", "--format", "md", "--out", "keep"],
                     status: 1, names: "report-2020-02-06_2020-02-07-2020-02-06.png"),
        ]
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        var failures = [String?](repeating: nil, count: cases.count)
        let lock = NSLock()
        let bases = try cases.indices.map { try makeTemporaryFolder("bad\($0)") }
        DispatchQueue.concurrentPerform(iterations: cases.count) { i in
            let c = cases[i], base = bases[i]
            let problem: String? = {
                do {
                    // What a user's folder might hold: a file, a folder with content, and a folder where a map would go.
                    try Data("a file".utf8).write(to: base.appendingPathComponent("file"))
                    try FileManager.default.createDirectory(at: base.appendingPathComponent("keep/report-2020-02-06_2020-02-07-2020-02-06.png"), withIntermediateDirectories: true)
                    try Data("keep".utf8).write(to: base.appendingPathComponent("keep/notes.txt"))
                    try FileManager.default.createDirectory(at: base.appendingPathComponent("clash/2020-02-08.svg"), withIntermediateDirectories: true)
                    let before = snapshot(base)
                    let r = try run(c.args, in: base, data: c.data)
                    var p: [String] = []
                    if r.signalled { p.append("killed by a signal") }
                    if r.status != c.status { p.append("exit \(r.status), expected \(c.status)") }
                    let lines = r.err.split(separator: "\n")
                    if lines.count != 1 { p.append("\(lines.count) lines on stderr") }
                    if !(lines.first?.hasPrefix("error: ") ?? false) || !r.err.contains(c.names) { p.append("stderr does not name \(c.names)") }
                    if snapshot(base) != before { p.append("the folder changed") }
                    return p.isEmpty ? nil : p.joined(separator: "; ") + " — stderr: \(r.err)"
                } catch { return "\(error)" }
            }()
            lock.lock(); failures[i] = problem; lock.unlock()
        }
        for (c, f) in zip(cases, failures) where f != nil {
            XCTFail("mapgen \(c.args.joined(separator: " ")): \(f ?? "")")
        }
    }

    func testADateAfterTheDataWarns() throws {
        let base = try makeTemporaryFolder("late")
        let r = try run(["map", "--date", "2021-06-01", "--format", "svg", "--size", "800x600", "--out", "out"], in: base)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.hasPrefix("warning: --date 2021-06-01 is after the last reported day"), r.err)
    }

    func testResolveAnswersAndSuggests() throws {
        let ok = try run(["resolve", "Saraqeb", "Kafr Lusin", "Al-Mastoumah", "Binnish", "Sarmin", "Taftanaz", "--json"])
        XCTAssertEqual(ok.status, 0, ok.err)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ok.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["Saraqib", "Kafr Lusin", "Al-Mastumah", "Binnish", "Sarmin", "Taftanaz"])
        let unknown = try run(["resolve", "Saraqiz"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.out.contains("did you mean \"Saraqib\""), unknown.out)
    }
}
