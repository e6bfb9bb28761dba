import CGIF
import Foundation

/// An animated GIF built with giflib, in memory.
///
/// One palette for the whole animation, so colours do not flicker from frame to frame: a median
/// cut of the colours of every frame (each frame's 15-bit colour counts, summed and divided by
/// the number of frames, every colour met at least once), so a colour that first appears in a
/// later frame (a side's new ground, a new symbol) gets its own entry instead of the nearest of
/// the first frame's. Frames are therefore kept (as 15-bit colours, two bytes a pixel) until
/// `finish`. Each frame after the first stores only the rectangle that changed, since the
/// basemap and furniture stay put. Used by one thread at a time (the caller serialises `add`).
public final class GIFAnimation: AnimationEncoder {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let sink = GIFSink()
    private var palette: [(UInt8, UInt8, UInt8)] = []
    /// Nearest palette index for each 15-bit colour, filled as colours are met.
    private var nearest = [Int16](repeating: -1, count: 1 << 15)
    /// The frames so far, as 15-bit colours, with their delays.
    private var frames: [(colours: [UInt16], delay: Int)] = []
    /// How many pixels of all frames have each 15-bit colour.
    private var counts = [Int](repeating: 0, count: 1 << 15)
    private var width = 0, height = 0
    public var frameCount: Int { frames.count }

    public init() {}

    /// Appends a frame shown for `delay` hundredths of a second. Every frame has the first's size.
    public func add(_ frame: Frame, delay: Int) throws {
        if frames.isEmpty { width = frame.width; height = frame.height }
        guard frame.width == width, frame.height == height else {
            throw Failure(description: "an animation frame of \(frame.width)x\(frame.height) among frames of \(width)x\(height)")
        }
        let colours = frame.pixels.map(Self.colour15)
        for c in colours { counts[Int(c)] += 1 }
        frames.append((colours, delay))
    }

    /// Chooses the palette, writes every frame, ends the file and returns its bytes.
    public func finish() throws -> Data {
        guard !frames.isEmpty else { throw Failure(description: "an animation needs at least one frame") }
        try choosePalette()
        var e: Int32 = 0
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let gif = EGifOpen(closure, { file, bytes, count in
            guard let file, let user = file.pointee.UserData, let bytes else { return 0 }
            Unmanaged<GIFSink>.fromOpaque(user).takeUnretainedValue().data.append(bytes, count: Int(count))
            return count
        }, &e) else { throw Failure(description: "giflib could not start a file (error \(e))") }
        var open = true
        defer { if open { EGifCloseFile(gif, &e) } }
        func check(_ status: Int32, _ what: String) throws {
            guard status == GIF_OK else { throw Failure(description: "giflib could not write the \(what) (error \(gif.pointee.Error))") }
        }
        EGifSetGifVersion(gif, true)
        let colors = palette.map { GifColorType(Red: $0.0, Green: $0.1, Blue: $0.2) }
        guard let cmap = GifMakeMapObject(256, colors) else { throw Failure(description: "giflib could not make the palette") }
        defer { GifFreeMapObject(cmap) }
        try check(EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, cmap), "screen")
        // Loop forever (the NETSCAPE2.0 application extension).
        try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "loop")
        try check(EGifPutExtensionBlock(gif, 11, Array("NETSCAPE2.0".utf8)), "loop")
        try check(EGifPutExtensionBlock(gif, 3, [1, 0, 0]), "loop")
        try check(EGifPutExtensionTrailer(gif), "loop")

        var previous: [UInt8] = []
        for (colours, delay) in frames {
            let indices = colours.map(index)
            // Only the changed rectangle (all of the first frame).
            var minX = width, minY = height, maxX = -1, maxY = -1
            if previous.isEmpty {
                (minX, minY, maxX, maxY) = (0, 0, width - 1, height - 1)
            } else {
                for y in 0..<height {
                    let row = y * width
                    for x in 0..<width where indices[row + x] != previous[row + x] {
                        minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                    }
                }
                if maxX < 0 { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }   // unchanged: one pixel, for the delay
            }
            var gcb = GraphicsControlBlock(DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false, DelayTime: Int32(delay),
                                           TransparentColor: NO_TRANSPARENT_COLOR)
            var ext = [GifByteType](repeating: 0, count: 4)
            _ = EGifGCBToExtension(&gcb, &ext)
            let w = maxX - minX + 1, h = maxY - minY + 1
            try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, ext), "frame timing")
            try check(EGifPutImageDesc(gif, Int32(minX), Int32(minY), Int32(w), Int32(h), false, nil), "frame header")
            var line = [GifByteType](repeating: 0, count: w)
            for y in minY...maxY {
                for x in 0..<w { line[x] = indices[y * width + minX + x] }
                try check(EGifPutLine(gif, &line, Int32(w)), "frame pixels")
            }
            previous = indices
        }
        open = false
        guard EGifCloseFile(gif, &e) == GIF_OK else { throw Failure(description: "giflib could not finish the file (error \(e))") }
        return sink.data
    }

    /// A pixel's colour with 5 bits a channel (all that giflib's median cut looks at).
    private static func colour15(_ p: UInt32) -> UInt16 {
        let r: UInt32 = (p >> 19) & 0x1f, g: UInt32 = (p >> 11) & 0x1f, b: UInt32 = (p >> 3) & 0x1f
        return UInt16(r << 10 | g << 5 | b)
    }

    /// Median cut (giflib's, which works on 5 bits a channel) of the mean frame's colours.
    private func choosePalette() throws {
        var r = [GifByteType](), g = [GifByteType](), b = [GifByteType]()
        let n = frames.count
        for (key, count) in counts.enumerated() where count > 0 {
            // The mean count, rounded; one frame gives its own counts, as a one-frame palette.
            let times = max(1, (count + n / 2) / n)
            let (r8, g8, b8) = (UInt8((key >> 10) << 3), UInt8(((key >> 5) & 0x1f) << 3), UInt8((key & 0x1f) << 3))
            r.append(contentsOf: repeatElement(r8, count: times))
            g.append(contentsOf: repeatElement(g8, count: times))
            b.append(contentsOf: repeatElement(b8, count: times))
        }
        var size: Int32 = 256
        var map = [GifColorType](repeating: GifColorType(), count: 256)
        var scratch = [GifByteType](repeating: 0, count: r.count)
        guard GifQuantizeBuffer(UInt32(r.count), 1, &size, &r, &g, &b, &scratch, &map) == GIF_OK else {
            throw Failure(description: "giflib could not choose the palette")
        }
        palette = map.prefix(Int(size)).map { ($0.Red, $0.Green, $0.Blue) }
        while palette.count < 256 { palette.append((0, 0, 0)) }
    }

    /// The palette index nearest to a 15-bit colour (cached).
    private func index(_ key: UInt16) -> UInt8 {
        let k = Int(key)
        if nearest[k] >= 0 { return UInt8(nearest[k]) }
        let r = (k >> 10) << 3 | 4, g = ((k >> 5) & 0x1f) << 3 | 4, b = (k & 0x1f) << 3 | 4
        var best = 0, bestD = Int.max
        for (i, c) in palette.enumerated() {
            let dr = r - Int(c.0), dg = g - Int(c.1), db = b - Int(c.2)
            let d: Int = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if d < bestD { bestD = d; best = i }
        }
        nearest[k] = Int16(best)
        return UInt8(best)
    }
}

/// Bytes giflib writes.
final class GIFSink {
    var data = Data()
}
