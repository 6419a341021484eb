/// cairo's PDF surface as an exporter: fonts embedded and subset by cairo, metadata and a pinned
/// creation date (reproducible bytes), bookmarks; then, where needed, page boxes and print hints
/// added with qpdf, all in memory. The reference the native writer is tested against.
package import Foundation
package import SwanLayout
import SwanPDF
internal import CCairo

package struct CairoPDFExporter: DocumentExporter {
    package init() {}

    package func export(_ document: Document) throws -> Data {
        // cairo 1.16 writes no form fields: a form would come out as a picture of one.
        if document.pages.contains(where: { !$0.fields.isEmpty }) {
            throw EngineError.coded(.cairoNoFormFields, [:])
        }
        // cairo draws in RGB only: a CMYK print-shop file (PDF/X-4) is the native writer's.
        if document.printCondition != nil {
            throw EngineError.coded(.cairoNoCMYK, [:])
        }
        let raw = try render(document)
        let needsPostProcessing = document.pages.contains { $0.trimBox != nil || $0.bleedBox != nil }
            || document.info.duplex != nil || document.info.printAtActualSize || document.info.printPageRange != nil
        return needsPostProcessing ? try PDFPostProcessor.finish(raw, pages: document.pages, info: document.info) : raw
    }

    /// The bytes cairo writes, collected through its stream callback.
    private final class Sink { var data = Data() }

    private func render(_ document: Document) throws -> Data {
        let first = document.pages.first?.size ?? Size(width: mm(210), height: mm(297))
        let sink = Sink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(write, closure, first.width, first.height) else {
            throw EngineError.coded(.cairoNoSurface, [:])
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        setMetadata(surface, document.info)

        guard let context = cairo_create(surface) else { throw EngineError.coded(.cairoNoContext, [:]) }
        defer { cairo_destroy(context) }
        let canvas = CairoCanvas(context: context)
        var outlineParents: [Int: Int32] = [:]
        for (index, page) in document.pages.enumerated() {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            try canvas.draw(page.items)
            addOutline(surface, document.outline.filter { $0.pageIndex == index }, parents: &outlineParents)
            cairo_show_page(context)
        }
        try check(cairo_status(context))
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface))
        return withExtendedLifetime(sink) { sink.data }
    }

    private func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw EngineError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    private func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title)
        if let subject = info.subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
        if let author = info.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let keywords = info.keywords { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, info.creator)
        let date = PDFDate.iso8601(info.creationDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// Outline entries of this page; a level-n entry nests under the last entry of level n-1.
    private func addOutline(_ surface: OpaquePointer, _ entries: [OutlineEntry], parents: inout [Int: Int32]) {
        for entry in entries {
            let known = parents
            let parent = (1..<max(1, entry.level)).reversed().compactMap { known[$0] }.first ?? 0
            let target = "page=\(entry.pageIndex + 1) pos=[0.00 \(PDFNumber.format(max(0, entry.y), decimals: 2))]"
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target,
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            parents[entry.level] = id
            for deeper in parents.keys where deeper > entry.level { parents[deeper] = nil }
        }
    }
}
