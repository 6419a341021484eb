/// The exporters of one run, chosen here in the application layer (`--pdf-writer`): documents
/// only lay out, and the layout target knows no writer (typst's pdf/render split).
package import SwanLayout
package import SwanPDF
package import SwanRender

/// Which PDF writer a command uses (`--pdf-writer`).
package enum PDFWriterKind: String, CaseIterable, Sendable {
    /// SwanPDF's own writer: fonts subset once per run, boxes and preferences written directly.
    case native
    /// cairo's PDF surface (SwanRender), post-processed with qpdf for boxes and print preferences.
    case cairo
}

/// Fixed at creation: one value is shared by every thread of a run.
package final class Exporters: Sendable {
    package let pdfWriter: PDFWriterKind
    /// One native writer per run: its font subsets serve every document.
    package let native: NativePDFExporter

    /// `iccProfile`: an sRGB profile for PDF/A, tried before the installed ones (Workplace).
    package init(pdfWriter: PDFWriterKind = .native, iccProfile: String? = nil) {
        self.pdfWriter = pdfWriter
        native = NativePDFExporter(iccProfile: iccProfile)
    }

    /// The PDF exporter chosen by `pdfWriter`.
    package var pdf: any DocumentExporter {
        switch pdfWriter {
        case .cairo: CairoPDFExporter()
        case .native: native
        }
    }

    package var png: PNGRenderer { PNGRenderer() }
}
