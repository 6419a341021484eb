/// Writes a page-model document as a PDF with cairo: fonts embedded and subset, metadata and a
/// pinned creation date (reproducible bytes), bookmarks; then, where needed, page boxes and
/// print hints added with qpdf. The file appears atomically.
import Foundation
internal import CCairo

public struct PDFRenderer: Sendable {
    public let fonts: FontLibrary
    public init(fonts: FontLibrary) { self.fonts = fonts }

    /// Renders `document` to `url`. `permissions` (e.g. 0o600) is set before the file appears.
    public func write(_ document: Document, to url: URL, permissions: Int? = nil, overwrite: Bool = true) throws {
        try AtomicFile.write(to: url, permissions: permissions, overwrite: overwrite) { temporary in
            let needsPostProcessing = document.pages.contains { $0.trimBox != nil || $0.bleedBox != nil }
                || document.info.duplex != nil || document.info.printAtActualSize
            if needsPostProcessing {
                let raw = AtomicFile.temporaryPath(for: url)
                defer { AtomicFile.discard(raw) }
                try render(document, to: raw)
                try PDFPostProcessor.finish(raw, into: temporary, pages: document.pages, info: document.info)
            } else {
                try render(document, to: temporary)
            }
        }
    }

    private func render(_ document: Document, to url: URL) throws {
        let first = document.pages.first?.size ?? Size(width: mm(210), height: mm(297))
        guard let surface = cairo_pdf_surface_create(url.path, first.width, first.height) else {
            throw EngineError.cairo("could not create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), url)
        setMetadata(surface, document.info)

        guard let context = cairo_create(surface) else { throw EngineError.cairo("could not create a context") }
        defer { cairo_destroy(context) }
        let canvas = CairoCanvas(context: context, fonts: fonts)
        var outlineParents: [Int: Int32] = [:]
        for (index, page) in document.pages.enumerated() {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            canvas.draw(page.items)
            addOutline(surface, document.outline.filter { $0.pageIndex == index }, parents: &outlineParents)
            cairo_show_page(context)
        }
        try check(cairo_status(context), url)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), url)
    }

    private func check(_ status: cairo_status_t, _ url: URL) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw EngineError.output(path: url.path, reason: String(cString: cairo_status_to_string(status)))
        }
    }

    private func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title)
        if let subject = info.subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
        if let author = info.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let keywords = info.keywords { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, info.creator)
        let date = Self.pdfDate(info.creationDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// cairo accepts only `YYYY-MM-DDThh:mm:ssZ`-style dates and ignores anything else silently.
    static func pdfDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

    /// Outline entries of this page; a level-n entry nests under the last entry of level n-1.
    private func addOutline(_ surface: OpaquePointer, _ entries: [OutlineEntry], parents: inout [Int: Int32]) {
        for entry in entries {
            let known = parents
            let parent = (1..<max(1, entry.level)).reversed().compactMap { known[$0] }.first ?? 0
            let target = String(format: "page=%d pos=[%.2f %.2f]", locale: Locale(identifier: "en_US_POSIX"),
                                entry.pageIndex + 1, 0.0, max(0, entry.y))
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target,
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            parents[entry.level] = id
            for deeper in parents.keys where deeper > entry.level { parents[deeper] = nil }
        }
    }
}
