import Foundation
import XCTest

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = repoRoot.appendingPathComponent("Tests/Fixtures")

/// A scratch folder removed after the test.
func scratch(_ test: XCTestCase) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-vio-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir
}

/// A data root that shares the repository's gazetteer and has its own copy of Reports/, so an
/// import does not touch the shipped data.
func dataRoot(_ test: XCTestCase, copyGazetteer: Bool = false) throws -> URL {
    let root = try scratch(test)
    let fm = FileManager.default
    if copyGazetteer {
        try fm.createDirectory(at: root.appendingPathComponent("Gazetteer"), withIntermediateDirectories: true)
        for item in try fm.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("Gazetteer").path) {
            let src = repoRoot.appendingPathComponent("Gazetteer").appendingPathComponent(item)
            if item == "places.tsv" {
                try fm.copyItem(at: src, to: root.appendingPathComponent("Gazetteer").appendingPathComponent(item))
            } else {
                try fm.createSymbolicLink(at: root.appendingPathComponent("Gazetteer").appendingPathComponent(item), withDestinationURL: src)
            }
        }
    } else {
        try fm.createSymbolicLink(at: root.appendingPathComponent("Gazetteer"),
                                  withDestinationURL: repoRoot.appendingPathComponent("Gazetteer"))
    }
    try fm.copyItem(at: repoRoot.appendingPathComponent("Reports"), to: root.appendingPathComponent("Reports"))
    try linkTheatreDescription(into: root)
    return root
}

/// The default theatre's description and style beside a scratch copy of its data (links).
func linkTheatreDescription(into root: URL) throws {
    for item in ["theatre.yaml", "Styles"] {
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(item),
                                                   withDestinationURL: repoRoot.appendingPathComponent(item))
    }
}

/// Runs a command-line tool (ogrinfo) and returns its standard output; skips when it is absent.
func tool(_ name: String, _ args: [String]) throws -> String {
    let path = "/usr/bin/\(name)"
    guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("\(name) is not installed (gdal-bin)") }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = Pipe()
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, "\(name) \(args.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
}
