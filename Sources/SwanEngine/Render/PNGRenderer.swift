/// Writes a page as a PNG image (previews, contact sheets), atomically.
import Foundation
internal import CCairo

public struct PNGRenderer: Sendable {
    public init() {}

    /// Renders `page` at `dpi` onto a white background.
    public func write(_ page: Page, to url: URL, dpi: Double = 150) throws {
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
        try AtomicFile.write(to: url) { temporary in
            let status = cairo_surface_write_to_png(surface, temporary.path)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw EngineError.output(path: url.path, reason: String(cString: cairo_status_to_string(status)))
            }
        }
    }
}
