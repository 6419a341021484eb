/// PNG images for the native writer: decoded with cairo's PNG reader (libpng), written as an
/// RGB image XObject with an alpha soft mask when the image is not opaque, deflated once per
/// run and kept in a bounded cache by path.
import Foundation
import SwanDiagnostics
internal import CCairo

struct PDFImage: Sendable {
    let width: Int, height: Int
    /// Deflated 8-bit RGB samples, and the deflated alpha samples (nil when opaque).
    let rgb: [UInt8]
    let alpha: [UInt8]?
}

final class PDFImages: Sendable {
    static let limit = 32
    /// The images by path, and the paths in the order they came (the oldest is dropped first).
    private let cache = LockedBox((images: [String: PDFImage](), order: [String]()))

    func image(at path: String) throws -> PDFImage {
        if let hit = cache.withLockedValue({ $0.images[path] }) { return hit }
        let image = try Self.decode(path)
        cache.withLockedValue { cache in
            cache.images[path] = image; cache.order.append(path)
            if cache.order.count > Self.limit { cache.images[cache.order.removeFirst()] = nil }
        }
        return image
    }

    private static func decode(_ path: String) throws -> PDFImage {
        guard let surface = cairo_image_surface_create_from_png(path),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw EngineError.pdfWriter("\(path): not a readable PNG image")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw EngineError.pdfWriter("\(path): empty image")
        }
        var rgb = [UInt8](); rgb.reserveCapacity(width * height * 3)
        var alpha = [UInt8](); alpha.reserveCapacity(width * height)
        var opaque = true
        for row in 0..<height {
            let line = data + row * stride
            for column in 0..<width {
                // cairo stores native-endian 32-bit pixels, premultiplied ARGB (or xRGB).
                let pixel = UnsafeRawPointer(line + column * 4).loadUnaligned(as: UInt32.self)
                let a = format == CAIRO_FORMAT_ARGB32 ? UInt32(pixel >> 24) : 255
                func channel(_ shift: UInt32) -> UInt8 {
                    let premultiplied = (pixel >> shift) & 0xFF
                    return a == 0 ? 0 : UInt8(min(255, (premultiplied * 255 + a / 2) / a))
                }
                rgb.append(channel(16)); rgb.append(channel(8)); rgb.append(channel(0))
                alpha.append(UInt8(a))
                if a != 255 { opaque = false }
            }
        }
        return PDFImage(width: width, height: height,
                        rgb: PDFDeflate.compress(rgb, level: PDFDeflate.runLevel),
                        alpha: opaque ? nil : PDFDeflate.compress(alpha, level: PDFDeflate.runLevel))
    }
}
