import CWebP
import Foundation

/// An animated WebP built frame by frame with libwebp's animation encoder, in memory: full
/// colour (no palette), lossy at quality 85; the encoder itself stores only what changes
/// between frames. Owns the encoder handle; used by one thread at a time.
public final class WebPAnimation: AnimationEncoder {
    private var encoder: OpaquePointer?
    private var width = 0, height = 0
    /// Where the next frame starts, in milliseconds.
    private var time = 0
    public private(set) var frameCount = 0

    public init() {}

    deinit { if let encoder { WebPAnimEncoderDelete(encoder) } }

    public func add(_ frame: Frame, delay: Int) throws {
        if encoder == nil {
            width = frame.width; height = frame.height
            var options = WebPAnimEncoderOptions()
            guard WebPAnimEncoderOptionsInit(&options) != 0 else { throw GIFAnimation.Failure(description: "libwebp version mismatch") }
            options.anim_params.loop_count = 0
            guard let e = WebPAnimEncoderNew(Int32(width), Int32(height), &options) else {
                throw GIFAnimation.Failure(description: "libwebp could not start an animation of \(width)x\(height)")
            }
            encoder = e
        }
        guard let encoder, frame.width == width, frame.height == height else {
            throw GIFAnimation.Failure(description: "an animation frame of \(frame.width)x\(frame.height) among frames of \(width)x\(height)")
        }
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw GIFAnimation.Failure(description: "libwebp version mismatch") }
        config.quality = 85
        config.method = 3
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw GIFAnimation.Failure(description: "libwebp version mismatch") }
        picture.width = Int32(width); picture.height = Int32(height); picture.use_argb = 1
        defer { WebPPictureFree(&picture) }
        // Cairo's RGB24 words are 0x00RRGGBB in native (little-endian) order: bytes B, G, R, X.
        let imported = frame.pixels.withUnsafeBytes { raw in
            WebPPictureImportBGRX(&picture, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(width * 4))
        }
        guard imported != 0, WebPAnimEncoderAdd(encoder, &picture, Int32(time), &config) != 0 else {
            throw GIFAnimation.Failure(description: "libwebp could not add frame \(frameCount + 1)")
        }
        time += delay * 10
        frameCount += 1
    }

    public func finish() throws -> Data {
        guard let encoder else { throw GIFAnimation.Failure(description: "an animation needs at least one frame") }
        defer { WebPAnimEncoderDelete(encoder); self.encoder = nil }
        var data = WebPData()
        WebPDataInit(&data)
        defer { WebPDataClear(&data) }
        guard WebPAnimEncoderAdd(encoder, nil, Int32(time), nil) != 0, WebPAnimEncoderAssemble(encoder, &data) != 0,
              let bytes = data.bytes else {
            throw GIFAnimation.Failure(description: "libwebp could not assemble the animation")
        }
        return Data(bytes: bytes, count: data.size)
    }
}

/// An animation file built frame by frame (GIF or WebP).
public protocol AnimationEncoder: AnyObject {
    /// Appends a frame shown for `delay` hundredths of a second.
    func add(_ frame: Frame, delay: Int) throws
    func finish() throws -> Data
}
