import CCairo
import Foundation

/// Writes a Cairo image surface as an RGB PNG with libpng's fast settings. Cairo's own writer
/// compresses harder and took ~140 ms of a ~0.5 s run for a 1600×1200 map; this one favours
/// speed (files come out ~30 % larger). Same pixels, same bytes on every run.
enum PNGWriter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func encode(_ surface: OpaquePointer, text: [(String, String)] = [], dpi: Double? = nil) throws -> Data {
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let src = cairo_image_surface_get_data(surface) else { throw Failure(description: "empty image") }
        // Cairo stores native-endian 0xXXRRGGBB words; PNG wants R, G, B bytes.
        var rgb = [UInt8](repeating: 0, count: w * h * 3)
        rgb.withUnsafeMutableBufferPointer { dst in
            for y in 0..<h {
                let row = UnsafeRawPointer(src + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = y * w * 3
                for x in 0..<w {
                    let px = row[x]
                    dst[o] = UInt8((px >> 16) & 0xff); dst[o + 1] = UInt8((px >> 8) & 0xff); dst[o + 2] = UInt8(px & 0xff)
                    o += 3
                }
            }
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(w)
        image.height = UInt32(h)
        image.format = UInt32(PNG_FORMAT_RGB)
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        // Encode into memory (one pass: the buffer is sized for the worst case, an uncompressed
        // image), then add the metadata chunks.
        var size = w * h * 3 + h * 6 + 4096
        var png = Data(count: size)
        let ok = png.withUnsafeMutableBytes { out in
            rgb.withUnsafeBufferPointer {
                png_image_write_to_memory(&image, out.baseAddress, &size, 0, $0.baseAddress, Int32(w * 3), nil)
            }
        }
        if ok == 0 {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&image)
            throw Failure(description: message)
        }
        png.count = size
        insertChunks(into: &png, text: text, dpi: dpi)
        return png
    }

    /// Inserts tEXt chunks (and pHYs for the resolution) right after IHDR. The simplified libpng
    /// API cannot write them, and they are plain length–type–data–CRC records.
    static func insertChunks(into png: inout Data, text: [(String, String)], dpi: Double?) {
        let ihdrEnd = 8 + 4 + 4 + 13 + 4
        guard png.count > ihdrEnd, !text.isEmpty || dpi != nil else { return }
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
        png.insert(contentsOf: extra, at: ihdrEnd)
    }

    static func chunk(_ type: String, _ data: Data) -> Data {
        var out = Data(withUnsafeBytes(of: UInt32(data.count).bigEndian, Array.init))
        let body = Data(type.utf8) + data
        out.append(body)
        out.append(contentsOf: withUnsafeBytes(of: crc32(body).bigEndian, Array.init))
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xedb88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xffffffff
        for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffffffff
    }
}
