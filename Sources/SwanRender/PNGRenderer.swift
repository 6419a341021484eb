/// Draws a page as a PNG image (previews, contact sheets), in memory: the caller writes it.
package import Foundation
package import SwanLayout
internal import CCairo
internal import PNGEncoder

package struct PNGRenderer: Sendable {
    /// zlib level and row filter of the PNG, chosen by measurement on the default run's previews
    /// (docs/benchmarks.md): cairo_surface_write_to_png's libpng defaults (level 6, adaptive
    /// filtering over all five filters) were four fifths of `swan all`'s CPU time. The pixels are
    /// the same; the bytes depend on the pixels only (no time or other ancillary chunk).
    package static let level: Int32 = 3
    static let filter = SWAN_PNG_FILTER_NONE

    package init() {}

    /// The PNG's bytes, made in memory.
    package func data(_ page: Page, dpi: Double = 150) throws -> Data {
        try drawn(page, dpi: dpi) { try Self.encode($0) }
    }

    /// `body` given the page drawn at `dpi` on a white RGB24 cairo image surface.
    func drawn<T>(_ page: Page, dpi: Double, _ body: (OpaquePointer) throws -> T) throws -> T {
        let scale = dpi / 72
        let width = Int32((page.size.width * scale).rounded(.up)), height = Int32((page.size.height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw EngineError.coded(.cairoNoImage, ["width": "\(width)", "height": "\(height)"])
        }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { throw EngineError.coded(.cairoNoContext, [:]) }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        try CairoCanvas(context: context).draw(page.items)
        cairo_surface_flush(surface)
        return try body(surface)
    }

    /// The same page through cairo_surface_write_to_png (the reference the encoder is tested against).
    func cairoData(_ page: Page, dpi: Double) throws -> Data {
        try drawn(page, dpi: dpi) { surface in
            let sink = ByteSink()
            let status = cairo_surface_write_to_png_stream(surface, ByteSink.cairoWrite, Unmanaged.passUnretained(sink).toOpaque())
            guard status == CAIRO_STATUS_SUCCESS else { throw EngineError.cairo(String(cString: cairo_status_to_string(status))) }
            return sink.data
        }
    }

    /// The surface's RGB24 pixels as a PNG, through libpng.
    static func encode(_ surface: OpaquePointer) throws -> Data {
        guard let pixels = cairo_image_surface_get_data(surface) else { throw EngineError.coded(.cairoNoPixels, [:]) }
        var output: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = swan_png_encode_rgb24(pixels, cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
                                           cairo_image_surface_get_stride(surface), level, filter, &output, &size,
                                           &message, message.count)
        guard status == 0, let output else {
            throw EngineError.coded(.pngEncoding, ["message": "\(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))"])
        }
        return Data(bytesNoCopy: output, count: size, deallocator: .free)
    }
}
