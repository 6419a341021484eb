/// Writes a page as a PNG image (previews, contact sheets), through the one safe write path.
import Foundation
import SwanIO
internal import CCairo

public struct PNGRenderer: Sendable {
    public init() {}

    /// Renders `page` at `dpi` onto a white background, written through the safe write path.
    public func write(_ page: Page, to url: URL, dpi: Double = 150) throws {
        try AtomicFile.write(try data(page, dpi: dpi), to: url)
    }

    /// The PNG's bytes, made in memory.
    public func data(_ page: Page, dpi: Double = 150) throws -> Data {
        let scale = dpi / 72
        let width = Int32((page.size.width * scale).rounded(.up)), height = Int32((page.size.height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw EngineError.cairo("could not create a \(width)x\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { throw EngineError.cairo("could not create a context") }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        try CairoCanvas(context: context).draw(page.items)
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.cairoWrite, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw EngineError.cairo(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }
}
