import ArgumentParser
import Foundation
import Geo
import Render

/// `svg,png,pdf` → formats, each once, in the order given; an empty list means none.
func parseFormats(_ list: String, option: String = "--format") throws -> [MapFormat] {
    var formats: [MapFormat] = []
    for f in list.split(separator: ",", omittingEmptySubsequences: false) {
        let name = f.trimmingCharacters(in: .whitespaces).lowercased()
        if name.isEmpty, list.trimmingCharacters(in: .whitespaces).isEmpty { continue }
        guard let m = MapFormat(rawValue: name) else {
            throw ValidationError("\(option): unknown format \"\(f)\"; choose from \(MapFormat.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated)")
        }
        if !formats.contains(m) { formats.append(m) }
    }
    return formats
}

/// `1600x1200` or a preset name → pixel size, checked for sense.
func parseSize(_ text: String) throws -> (Int, Int) {
    let size: (Int, Int)
    if let preset = PageSize.presets[text.lowercased()] {
        size = preset
    } else {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ p in !p.isEmpty && p.count <= 6 && p.allSatisfy(\.isASCIIDigit) }),
              let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw ValidationError("--size \"\(text)\": write WIDTHxHEIGHT in px (e.g. 1600x1200) or a preset: \(PageSize.presets.keys.sorted().joined(separator: ", "))")
        }
        size = (w, h)
    }
    try checkSize(size)
    return size
}

func checkSize(_ s: (Int, Int)) throws {
    guard (200...10000).contains(s.0), (150...10000).contains(s.1) else {
        throw ValidationError("the image size \(s.0)x\(s.1) is out of range: use between 200x150 and 10000x10000 px (--size, --width, --height)")
    }
}

/// The output folder of `option`, checked (not yet created: a run that fails creates nothing);
/// a file in the way or a folder that cannot be written is reported with the option's name.
func prepareOutputFolder(_ path: String, option: String = "--out") throws -> URL {
    guard !path.isEmpty else { throw ValidationError("\(option) needs a folder name (e.g. \(option) Output)") }
    let dir = URL(fileURLWithPath: path, isDirectory: true)
    try naming(option) { try AtomicFile.checkFolder(dir) }
    return dir
}

/// Fails early, before anything is computed, when an output file could not replace what is there.
func checkOutputs(_ urls: [URL], option: String) throws {
    try naming(option) { for url in urls { try AtomicFile.checkReplaceable(url) } }
}

/// Runs `body`, putting `option` before the path of any output error, so the user knows which
/// option to change.
func naming<T>(_ option: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as OutputError where !e.path.hasPrefix("-") {
        throw OutputError(path: "\(option) \(e.path)", problem: e.problem)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
