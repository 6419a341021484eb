/// A PNG file decoded by cairo's own PNG reader (not by our renderer), so that tests can look at
/// the pixels: a blank or wrongly sized image fails, not only a file without the PNG signature.
import CCairo
package import Foundation

package struct PNGImage: Sendable {
    package struct Pixel: Equatable, Hashable, Sendable, CustomStringConvertible {
        package var red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8
        package init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
            self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
        }
        /// From "#RRGGBB".
        package init?(hex: String) {
            let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
            guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
            self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        }
        package static let white = Pixel(red: 255, green: 255, blue: 255)
        /// The largest difference of one channel (alpha included).
        package func distance(to other: Pixel) -> Int {
            max(abs(Int(red) - Int(other.red)), abs(Int(green) - Int(other.green)),
                abs(Int(blue) - Int(other.blue)), abs(Int(alpha) - Int(other.alpha)))
        }
        /// Dark enough to be ink of text (all channels below 100).
        package var isDark: Bool { alpha > 200 && red < 100 && green < 100 && blue < 100 }
        package var description: String { String(format: "#%02X%02X%02X/%02X", red, green, blue, alpha) }
    }

    package enum Failure: Error, CustomStringConvertible {
        case unreadable(String, String)
        package var description: String {
            switch self { case let .unreadable(path, status): return "cairo cannot read \(path) as a PNG: \(status)" }
        }
    }

    package let width: Int
    package let height: Int
    /// Row after row, un-premultiplied.
    package let pixels: [Pixel]

    package init(contentsOf url: URL) throws {
        guard let surface = cairo_image_surface_create_from_png(url.path) else {
            throw Failure.unreadable(url.path, "no surface")
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw Failure.unreadable(url.path, String(cString: cairo_status_to_string(status)))
        }
        // Whatever format the file had, draw it onto an ARGB32 surface to read one layout.
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(argb) }
        let cr = cairo_create(argb)!
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_flush(argb)
        let stride = Int(cairo_image_surface_get_stride(argb))
        let data = cairo_image_surface_get_data(argb)!
        var pixels: [Pixel] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // Native-endian 32-bit words: A in the top byte, then R, G, B; premultiplied.
                let word = UnsafeRawPointer(row + 4 * x).loadUnaligned(as: UInt32.self)
                let a = UInt8(word >> 24), r = UInt8(word >> 16 & 0xFF), g = UInt8(word >> 8 & 0xFF), b = UInt8(word & 0xFF)
                func straight(_ c: UInt8) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a))) }
                pixels.append(Pixel(red: straight(r), green: straight(g), blue: straight(b), alpha: a))
            }
        }
        self.width = width; self.height = height; self.pixels = pixels
    }

    package func pixel(x: Int, y: Int) -> Pixel { pixels[y * width + x] }

    /// How many pixels in the rectangle (in pixels; the whole image by default) satisfy `test`.
    package func count(x: Range<Int>? = nil, y: Range<Int>? = nil, where test: (Pixel) -> Bool) -> Int {
        let xs = (x ?? 0..<width).clamped(to: 0..<width), ys = (y ?? 0..<height).clamped(to: 0..<height)
        var count = 0
        for row in ys { for column in xs where test(pixels[row * width + column]) { count += 1 } }
        return count
    }

    /// Pixels within `tolerance` (per channel) of `colour`.
    package func count(of colour: Pixel, tolerance: Int = 8, x: Range<Int>? = nil, y: Range<Int>? = nil) -> Int {
        count(x: x, y: y) { $0.distance(to: colour) <= tolerance }
    }

    /// The number of distinct colours: 1 for a blank image.
    package var distinctColours: Int { Set(pixels).count }

    /// The colour most pixels have (the background).
    package var dominantColour: Pixel {
        var counts: [Pixel: Int] = [:]
        for pixel in pixels { counts[pixel, default: 0] += 1 }
        return counts.max { $0.value < $1.value }!.key
    }
}
