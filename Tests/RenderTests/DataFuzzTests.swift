import Foundation
import XCTest

/// Damaged data must give a clean error, never a crash or a hang. Each mutation copies the
/// shipped data, damages one file once (byte flips, truncations, deleted and duplicated lines,
/// invalid UTF-8, letters and absurd numbers in numeric columns, deep YAML nesting) and runs the
/// built `mapgen check` (and for every twentieth, `mapgen analyze`) on it as a subprocess.
///
/// The seed is fixed so that a run can be repeated; explore others with
/// `MAPGEN_FUZZ_SEED=7 MAPGEN_FUZZ_COUNT=500 swift test --filter DataFuzzTests`
/// (`MAPGEN_FUZZ_ANALYZE_EVERY=1` runs `analyze` after every mutation).
final class DataFuzzTests: XCTestCase {
    static let files = ["Gazetteer/places.tsv", "Gazetteer/arabic.tsv", "Gazetteer/sites.tsv", "Gazetteer/highways.tsv",
                        "Gazetteer/basemap/land.geojson", "Gazetteer/basemap/border.geojson", "Gazetteer/basemap/lakes.geojson",
                        "Gazetteer/basemap/admin1.geojson", "Gazetteer/basemap/inset_countries_ne110m.geojson",
                        "Gazetteer/basemap/sea.geojson", "Gazetteer/basemap/coast.geojson", "Gazetteer/basemap/rivers.geojson",
                        "Reports/events.yaml", "Reports/control.tsv", "Reports/areas.tsv", "theatre.yaml", "Styles/default.yaml"]
    /// Any data file a message may name.
    static let fileNamePattern = try! NSRegularExpression(pattern: #"[A-Za-z0-9_]+\.(tsv|yaml|geojson)\b"#)

    struct Result {
        let mutation: DataMutation
        let command: String
        let outcome: MapgenProcess.Outcome
    }

    func testDamagedDataGivesACleanErrorNeverACrashOrAHang() throws {
        try MapgenProcess.requireBinary()
        let env = ProcessInfo.processInfo.environment
        let seed = env["MAPGEN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_200_208
        let count = max(200, env["MAPGEN_FUZZ_COUNT"].flatMap { Int($0) } ?? 200)   // at least 200 per run
        let analyzeEvery = max(1, env["MAPGEN_FUZZ_ANALYZE_EVERY"].flatMap { Int($0) } ?? 20)
        var originals = [String: [UInt8]]()
        for f in Self.files { originals[f] = [UInt8](try Data(contentsOf: repoRoot.appendingPathComponent(f))) }
        var rng = SplitMix64(seed: seed)
        let mutations = (0..<count).map { _ in DataMutation.random(&rng, files: originals) }

        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let pristine = base.appendingPathComponent("pristine")
        for dir in ["Gazetteer", "Reports", "Styles", "theatre.yaml"] {
            try FileManager.default.createDirectory(at: pristine, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent(dir), to: pristine.appendingPathComponent(dir))
        }

        let started = Date()
        let lock = NSLock()
        var results: [Result] = []
        var setupErrors: [String] = []
        DispatchQueue.concurrentPerform(iterations: mutations.count) { i in
            let m = mutations[i]
            do {
                let root = base.appendingPathComponent("m\(i)")
                try FileManager.default.copyItem(at: pristine, to: root)
                defer { try? FileManager.default.removeItem(at: root) }
                try Data(m.bytes).write(to: root.appendingPathComponent(m.file))
                var mine = [Result(mutation: m, command: "check",
                                   outcome: try MapgenProcess.run(["check"], data: root, timeout: 60))]
                if i % analyzeEvery == 0 {
                    mine.append(Result(mutation: m, command: "analyze",
                                       outcome: try MapgenProcess.run(["analyze", "--date", "2020-02-08"], data: root, timeout: 120)))
                }
                lock.lock(); results += mine; lock.unlock()
            } catch {
                lock.lock(); setupErrors.append("\(m): \(error)"); lock.unlock()
            }
        }
        XCTAssertEqual(setupErrors, [])

        var clean = 0, success = 0, crash = 0, hang = 0, other = 0
        for r in results {
            let o = r.outcome
            let what = "mapgen \(r.command) after \(r.mutation)"
            if o.hung { hang += 1; XCTFail("\(what): no answer within the time limit"); continue }
            if o.crashed { crash += 1; XCTFail("\(what): crashed (signal \(o.status))\n\(o.err.prefix(600))"); continue }
            switch o.status {
            case 0:
                success += 1
                XCTAssertFalse(r.mutation.mustFailNamingFile, "\(what): accepted")
            case 1:
                clean += 1
                let range = NSRange(o.err.startIndex..., in: o.err)
                XCTAssertNotNil(Self.fileNamePattern.firstMatch(in: o.err, range: range), "\(what): the error names no file: \(o.err)")
                XCTAssertTrue(o.err.hasPrefix("error: "), "\(what): \(o.err)")
                XCTAssertFalse(o.err.contains("Fatal error") || o.err.contains("Backtrac"), "\(what): \(o.err)")
                if r.mutation.mustFailNamingFile {
                    let name = (r.mutation.file as NSString).lastPathComponent
                    XCTAssertTrue(o.err.contains(name), "\(what): the error should name \(name): \(o.err)")
                }
                if r.mutation.kind == .invalidUTF8 { XCTAssertTrue(o.err.contains("save the file as UTF-8"), "\(what): \(o.err)") }
            default:
                other += 1
                XCTFail("\(what): exit status \(o.status), expected 0 or 1\n\(o.err.prefix(600))")
            }
        }
        XCTAssertGreaterThan(clean, 0)
        let byKind = Dictionary(grouping: mutations, by: \.kind.rawValue).mapValues(\.count).sorted { $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print(String(format: "fuzz seed %llu: %d mutations (%@), %d runs in %.1f s: %d clean error, %d success, %d crash, %d hang, %d other exit",
                     seed, mutations.count, byKind, results.count, Date().timeIntervalSince(started), clean, success, crash, hang, other))
    }
}
