import ArgumentParser
import Render

/// `svg,png,pdf` → formats; an empty list means none.
func parseFormats(_ list: String) throws -> [MapFormat] {
    try list.split(separator: ",").map { f in
        guard let m = MapFormat(rawValue: f.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ValidationError("unknown format \"\(f)\"; choose from \(MapFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return m
    }
}

/// `1600x1200` or a preset name → pixel size, checked for sense.
func parseSize(_ text: String) throws -> (Int, Int) {
    let size: (Int, Int)
    if let preset = PageSize.presets[text.lowercased()] {
        size = preset
    } else {
        let p = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard p.count == 2 else {
            throw ValidationError("--size takes WIDTHxHEIGHT (e.g. 1600x1200) or a preset: \(PageSize.presets.keys.sorted().joined(separator: ", "))")
        }
        size = (p[0], p[1])
    }
    try checkSize(size)
    return size
}

func checkSize(_ s: (Int, Int)) throws {
    guard (200...10000).contains(s.0), (150...10000).contains(s.1) else {
        throw ValidationError("the image size must be between 200x150 and 10000x10000 px")
    }
}
