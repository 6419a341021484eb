/// Draws page-model items with cairo, onto any cairo surface (PDF pages or PNG images).
import Foundation
import SwanLayout
internal import CCairo

struct CairoCanvas {
    let context: OpaquePointer

    init(context: OpaquePointer) {
        self.context = context
        // Unhinted outlines and metrics: glyphs land exactly where HarfBuzz placed them.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    func draw(_ items: [PageItem]) throws {
        for item in items { try draw(item) }
    }

    func draw(_ item: PageItem) throws {
        switch item {
        case .text(let run): try drawText(run)
        case .rectangle(let rect, let radius, let fill, let stroke):
            path(rect, radius: radius)
            if let fill { setColour(fill); stroke == nil ? cairo_fill(context) : cairo_fill_preserve(context) }
            if let stroke { apply(stroke); cairo_stroke(context) }
            cairo_new_path(context)
        case .line(let from, let to, let stroke):
            cairo_move_to(context, from.x, from.y)
            cairo_line_to(context, to.x, to.y)
            apply(stroke)
            cairo_stroke(context)
        case .clipped(let rect, let inner):
            cairo_save(context)
            cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
            cairo_clip(context)
            defer { cairo_restore(context) }
            try draw(inner)
        case .turned(let centre, let inner):
            cairo_save(context)
            cairo_translate(context, centre.x, centre.y)
            cairo_rotate(context, Double.pi)
            cairo_translate(context, -centre.x, -centre.y)
            defer { cairo_restore(context) }
            try draw(inner)
        case .marked(_, let inner):
            // cairo 1.16 cannot write tags with attributes or artifacts: it draws the content.
            try draw(inner)
        }
    }

    private func drawText(_ run: GlyphRun) throws {
        guard !run.glyphs.isEmpty else { return }
        cairo_set_font_face(context, try CairoFontFaces.shared.face(for: run.font))
        cairo_set_font_size(context, run.size)
        setColour(run.colour)
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: run.origin.x + $0.x, y: run.origin.y + $0.y)
        }
        if run.decorative {
            cairo_glyph_path(context, &glyphs, Int32(glyphs.count))
            cairo_fill(context)
            return
        }
        var clusters = run.clusterSpans.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
        // Glyphs with their clusters: the PDF gets ActualText, so extraction gives the real text.
        run.text.withCString { utf8 in
            cairo_show_text_glyphs(context, utf8, Int32(run.text.utf8.count), &glyphs, Int32(glyphs.count),
                                   &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
        }
    }

    private func path(_ rect: Rect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        guard r > 0 else {
            cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height); return
        }
        cairo_new_sub_path(context)
        cairo_arc(context, rect.maxX - r, rect.minY + r, r, -Double.pi / 2, 0)
        cairo_arc(context, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
        cairo_arc(context, rect.minX + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
        cairo_arc(context, rect.minX + r, rect.minY + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(context)
    }

    private func setColour(_ colour: Colour) {
        cairo_set_source_rgba(context, colour.red, colour.green, colour.blue, colour.alpha)
    }

    private func apply(_ stroke: Stroke) {
        setColour(stroke.colour)
        cairo_set_line_width(context, stroke.width)
        switch stroke.style {
        case .solid: cairo_set_dash(context, nil, 0, 0)
        case .dashed(let on, let off):
            var dashes = [on, off]
            cairo_set_dash(context, &dashes, 2, 0)
        }
    }
}
