import XCTest
@testable import Render

/// The GIF's one palette is chosen from all its frames: a colour that first appears in a later
/// frame keeps its own entry instead of falling to the nearest colour of the first frame.
final class GIFPaletteTests: XCTestCase {
    func frame(_ w: Int, _ h: Int, _ colour: (Int, Int) -> UInt32) -> Frame {
        var f = Frame(width: w, height: h, pixels: [])
        f.pixels = (0..<(w * h)).map { colour($0 % w, $0 / w) }
        return f
    }

    /// The global colour table of a GIF file.
    func palette(_ gif: [UInt8]) -> [(Int, Int, Int)] {
        guard gif.count > 13, gif[10] & 0x80 != 0 else { return [] }
        let size = 1 << (Int(gif[10] & 7) + 1)
        return (0..<size).map { i in (Int(gif[13 + 3 * i]), Int(gif[14 + 3 * i]), Int(gif[15 + 3 * i])) }
    }

    func testALaterFramesColourHasItsOwnEntry() throws {
        let red: UInt32 = 0xFFC8_3232, grey: UInt32 = 0xFFE0_E0E0, blue: UInt32 = 0xFF1E_3CDC
        // First frame: two colours. Later frames: a block of blue the first frame does not have.
        let first = frame(80, 60) { x, _ in x < 40 ? red : grey }
        let later = frame(80, 60) { x, y in (20..<40).contains(x) && (10..<30).contains(y) ? blue : x < 40 ? red : grey }
        let gif = GIFAnimation()
        try gif.add(first, delay: 50)
        for _ in 0..<3 { try gif.add(later, delay: 50) }
        XCTAssertEqual(gif.frameCount, 4)
        let bytes = [UInt8](try gif.finish())
        XCTAssertEqual(Array(bytes.prefix(6)), Array("GIF89a".utf8))
        let table = palette(bytes)
        XCTAssertEqual(table.count, 256)
        func has(_ c: UInt32) -> Bool {
            let (r, g, b) = (Int((c >> 16) & 0xff), Int((c >> 8) & 0xff), Int(c & 0xff))
            return table.contains { abs($0.0 - r) <= 8 && abs($0.1 - g) <= 8 && abs($0.2 - b) <= 8 }
        }
        XCTAssertTrue(has(blue), "blue, first seen in frame 2, is in the palette: \(table.prefix(8))")
        XCTAssertTrue(has(red) && has(grey), "the first frame's colours too")
    }

    func testAnAnimationNeedsAFrameAndFramesOfOneSize() throws {
        XCTAssertThrowsError(try GIFAnimation().finish())
        let gif = GIFAnimation()
        try gif.add(frame(10, 10) { _, _ in 0xFFFF_FFFF }, delay: 10)
        XCTAssertThrowsError(try gif.add(frame(12, 10) { _, _ in 0xFFFF_FFFF }, delay: 10))
    }
}
