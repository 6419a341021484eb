package import Foundation
import SwanDiagnostics
package import SwanDocuments
import SwanIO

/// Writes the screen edition: the PDF, and a PNG per page in a folder named after it
/// (Output/kaarten-scherm.pdf -> Output/kaarten-scherm/01-ronde-1.png, …).
package enum ScreenOutput {
    package static func imageFolder(for pdf: URL) -> URL {
        pdf.pathExtension.lowercased() == "pdf" ? pdf.deletingPathExtension() : pdf.appendingPathExtension("png")
    }

    package static func write(_ edition: ScreenEdition, exporters: Exporters, to pdf: URL) throws {
        let files = try self.files(edition, exporters: exporters, named: pdf.lastPathComponent)
        try FileSet.write(files, into: pdf.deletingLastPathComponent())
    }

    /// The PDF and its images, by path relative to the PDF's folder, made in memory.
    package static func files(_ edition: ScreenEdition, exporters: Exporters, named pdfName: String) throws -> [(path: String, data: Data)] {
        let folder = imageFolder(for: URL(fileURLWithPath: pdfName)).lastPathComponent
        let png = exporters.png
        let pages = edition.document.pages
        let names = edition.imageNames, dpi = edition.imageDPI
        let images = try Array(pages.indices).concurrentMap(width: Workplace.processorCount) { index in
            ("\(folder)/\(names[index])", try png.data(pages[index], dpi: dpi))
        }
        return [(pdfName, try exporters.pdf.export(edition.document))] + images
    }
}
