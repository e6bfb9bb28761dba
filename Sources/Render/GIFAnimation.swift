import CGIF
import Foundation

/// An animated GIF built frame by frame with giflib, in memory.
///
/// One palette for the whole animation (median cut of the first frame; later frames take the
/// nearest colour), so colours do not flicker from frame to frame; each frame after the first
/// stores only the rectangle that changed, since the basemap and furniture stay put. Owns the
/// giflib handle; used by one thread at a time (the caller serialises `add`).
public final class GIFAnimation: AnimationEncoder {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let sink = GIFSink()
    private var gif: UnsafeMutablePointer<GifFileType>?
    private var palette: [(UInt8, UInt8, UInt8)] = []
    /// Nearest palette index for each 15-bit colour, filled as colours are met.
    private var nearest = [Int16](repeating: -1, count: 1 << 15)
    private var previous: [UInt8] = []
    private var width = 0, height = 0
    public private(set) var frameCount = 0

    public init() {}

    deinit {
        if let gif { var e: Int32 = 0; EGifCloseFile(gif, &e) }
    }

    /// Appends a frame shown for `delay` hundredths of a second. Every frame has the first's size.
    public func add(_ frame: Frame, delay: Int) throws {
        if gif == nil { try start(frame) }
        guard let gif, frame.width == width, frame.height == height else {
            throw Failure(description: "an animation frame of \(frame.width)x\(frame.height) among frames of \(width)x\(height)")
        }
        let indices = frame.pixels.map(index)
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
        frameCount += 1
    }

    /// Ends the file and returns its bytes.
    public func finish() throws -> Data {
        guard let gif else { throw Failure(description: "an animation needs at least one frame") }
        self.gif = nil
        var e: Int32 = 0
        guard EGifCloseFile(gif, &e) == GIF_OK else { throw Failure(description: "giflib could not finish the file (error \(e))") }
        return sink.data
    }

    private func check(_ status: Int32, _ what: String) throws {
        guard status == GIF_OK else { throw Failure(description: "giflib could not write the \(what) (error \(gif?.pointee.Error ?? 0))") }
    }

    private func start(_ first: Frame) throws {
        width = first.width; height = first.height
        // Median cut of the first frame: the map's own colours and their anti-aliased blends.
        var r = [GifByteType](), g = [GifByteType](), b = [GifByteType]()
        r.reserveCapacity(first.pixels.count); g.reserveCapacity(first.pixels.count); b.reserveCapacity(first.pixels.count)
        for p in first.pixels { r.append(UInt8((p >> 16) & 0xff)); g.append(UInt8((p >> 8) & 0xff)); b.append(UInt8(p & 0xff)) }
        var size: Int32 = 256
        var map = [GifColorType](repeating: GifColorType(), count: 256)
        var scratch = [GifByteType](repeating: 0, count: first.pixels.count)
        guard GifQuantizeBuffer(UInt32(width), UInt32(height), &size, &r, &g, &b, &scratch, &map) == GIF_OK else {
            throw Failure(description: "giflib could not choose the palette")
        }
        palette = map.prefix(Int(size)).map { ($0.Red, $0.Green, $0.Blue) }
        while palette.count < 256 { palette.append((0, 0, 0)) }
        var e: Int32 = 0
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let gif = EGifOpen(closure, { file, bytes, count in
            guard let file, let user = file.pointee.UserData, let bytes else { return 0 }
            Unmanaged<GIFSink>.fromOpaque(user).takeUnretainedValue().data.append(bytes, count: Int(count))
            return count
        }, &e) else { throw Failure(description: "giflib could not start a file (error \(e))") }
        self.gif = gif
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
    }

    /// The palette index nearest to a pixel (by 5-bit-per-channel colour, cached).
    private func index(_ p: UInt32) -> UInt8 {
        let r5: UInt32 = (p >> 19) & 0x1f, g5: UInt32 = (p >> 11) & 0x1f, b5: UInt32 = (p >> 3) & 0x1f
        let key = Int((r5 << 10) | (g5 << 5) | b5)
        if nearest[key] >= 0 { return UInt8(nearest[key]) }
        let r = Int(r5 << 3) | 4, g = Int(g5 << 3) | 4, b = Int(b5 << 3) | 4
        var best = 0, bestD = Int.max
        for (i, c) in palette.enumerated() {
            let dr = r - Int(c.0), dg = g - Int(c.1), db = b - Int(c.2)
            let d: Int = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if d < bestD { bestD = d; best = i }
        }
        nearest[key] = Int16(best)
        return UInt8(best)
    }
}

/// Bytes giflib writes.
final class GIFSink {
    var data = Data()
}
