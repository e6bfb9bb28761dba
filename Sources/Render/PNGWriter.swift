import CCairo
import Dispatch
import Foundation

/// Writes a Cairo image surface as an RGB PNG, favouring speed: rows unfiltered (on maps,
/// with their flat areas, filtering made the files larger, not smaller) and deflated at zlib
/// level 1 in bands of rows on all cores, joined into one zlib stream. Cairo's own writer
/// compressed harder and took ~140 ms of a ~0.5 s run for a 1600×1200 map; libpng's
/// simplified API (level 3, one core) ~50 ms; this ~15 ms of wall time on two cores.
/// The bands are fixed by the image's height, not by the number of cores, so the bytes are
/// the same on every machine and every run.
enum PNGWriter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Rows per independently deflated band (~1 MB of pixels at 1600 px wide).
    static let bandRows = 200
    /// zlib level 1: the fastest; level 3 (libpng's "fast") made the file ~4 % smaller for
    /// ~30 % more time.
    static let level: Int32 = 1

    static func encode(_ surface: OpaquePointer, text: [(String, String)] = [], dpi: Double? = nil) throws -> Data {
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard w > 0, h > 0, let src = cairo_image_surface_get_data(surface) else { throw Failure(description: "empty image") }
        let pixels = Pixels(base: UnsafeRawPointer(src))
        let bands = (h + bandRows - 1) / bandRows
        let results = BandResults(count: bands)
        DispatchQueue.concurrentPerform(iterations: bands) { b in
            let rows = b * bandRows..<min(h, (b + 1) * bandRows)
            results.set(b, deflateBand(pixels, stride: stride, width: w, rows: rows, last: b == bands - 1))
        }
        var stream = Data([0x78, 0x01])   // zlib header: deflate, 32 KB window, fastest
        var adler = adler32(0, nil, 0)
        for band in results.all {
            guard let band else { throw Failure(description: "zlib could not compress the image") }
            stream.append(band.deflated)
            adler = adler32_combine(adler, band.adler, band.length)
        }
        stream.append(contentsOf: withUnsafeBytes(of: UInt32(truncatingIfNeeded: adler).bigEndian, Array.init))

        var png = Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        var ihdr = Data()
        for v in [UInt32(w), UInt32(h)] { ihdr.append(contentsOf: withUnsafeBytes(of: v.bigEndian, Array.init)) }
        ihdr.append(contentsOf: [8, 2, 0, 0, 0])   // 8 bits, RGB, deflate, adaptive filtering, not interlaced
        png.append(chunk("IHDR", ihdr))
        png.append(metadataChunks(text: text, dpi: dpi))
        png.append(chunk("IDAT", stream))
        png.append(chunk("IEND", Data()))
        return png
    }

    /// One band of rows, each as filter byte 0 then R, G, B (Cairo stores native-endian
    /// 0xXXRRGGBB words), as raw deflate: ending on a byte boundary (sync flush) so that the
    /// next band's data can follow, or finished for the last band.
    static func deflateBand(_ pixels: Pixels, stride: Int, width w: Int, rows: Range<Int>, last: Bool) -> Band? {
        let rowBytes = 1 + 3 * w
        var raw = [UInt8](repeating: 0, count: rowBytes * rows.count)
        raw.withUnsafeMutableBufferPointer { dst in
            for (i, y) in rows.enumerated() {
                let row = (pixels.base + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = i * rowBytes + 1
                for x in 0..<w {
                    let px = row[x]
                    dst[o] = UInt8(truncatingIfNeeded: px >> 16); dst[o + 1] = UInt8(truncatingIfNeeded: px >> 8)
                    dst[o + 2] = UInt8(truncatingIfNeeded: px)
                    o += 3
                }
            }
        }
        var z = z_stream()
        guard deflateInit2_(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { deflateEnd(&z) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&z, uLong(raw.count))) + 64)
        let status: Int32 = raw.withUnsafeMutableBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                z.next_in = input.baseAddress
                z.avail_in = uInt(input.count)
                z.next_out = output.baseAddress
                z.avail_out = uInt(output.count)
                return deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH)
            }
        }
        guard status == (last ? Z_STREAM_END : Z_OK), z.avail_in == 0 else { return nil }
        let adler = raw.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }
        return Band(deflated: Data(out[0..<Int(z.total_out)]), adler: adler, length: off_t(raw.count))
    }

    /// The surface's pixels, read (never written) by the band workers while `encode` waits
    /// for them: the surface outlives the workers, so the pointer may cross threads.
    struct Pixels: @unchecked Sendable {
        let base: UnsafeRawPointer
    }

    struct Band: Sendable {
        let deflated: Data
        let adler: uLong
        let length: off_t
    }

    /// Where the bands land, each written by one worker and read after all have finished.
    final class BandResults: @unchecked Sendable {
        private var bands: [Band?]
        private let lock = NSLock()
        init(count: Int) { bands = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ band: Band?) { lock.lock(); bands[i] = band; lock.unlock() }
        var all: [Band?] { lock.lock(); defer { lock.unlock() }; return bands }
    }

    /// tEXt chunks, and pHYs for the resolution.
    static func metadataChunks(text: [(String, String)], dpi: Double?) -> Data {
        var extra = Data()
        if let dpi {
            let ppm = UInt32((dpi / 0.0254).rounded())
            var d = Data()
            for v in [ppm, ppm] { d.append(contentsOf: withUnsafeBytes(of: v.bigEndian, Array.init)) }
            d.append(1)  // unit: metre
            extra.append(chunk("pHYs", d))
        }
        for (key, value) in text {
            // tEXt is Latin-1: fold what is outside it (Arabic names stay in the SVG and PDF).
            // (An ICU transliterator would do it too, but costs ~30 ms to create.)
            let bytes = value.unicodeScalars.map { c -> UInt8 in
                if c.value < 256 { return UInt8(c.value) }
                let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? c
                return base.value < 256 ? UInt8(base.value) : UInt8(ascii: "?")
            }
            extra.append(chunk("tEXt", Data(key.utf8) + Data([0]) + Data(bytes)))
        }
        return extra
    }

    /// A PNG chunk: length, type, data, CRC of type and data.
    static func chunk(_ type: String, _ data: Data) -> Data {
        var out = Data(withUnsafeBytes(of: UInt32(data.count).bigEndian, Array.init))
        let body = Data(type.utf8) + data
        out.append(body)
        let crc = body.withUnsafeBytes { crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt($0.count)) }
        out.append(contentsOf: withUnsafeBytes(of: UInt32(truncatingIfNeeded: crc).bigEndian, Array.init))
        return out
    }
}
