import Foundation
import SwanDocuments
import SwanEngine

/// Writes the screen edition: the PDF, and a PNG per page in a folder named after it
/// (Output/kaarten-scherm.pdf -> Output/kaarten-scherm/01-ronde-1.png, …).
enum ScreenOutput {
    static func imageFolder(for pdf: URL) -> URL {
        pdf.pathExtension.lowercased() == "pdf" ? pdf.deletingPathExtension() : pdf.appendingPathExtension("png")
    }

    static func write(_ edition: ScreenEdition, engine: Engine, to pdf: URL) throws {
        try engine.pdf.write(edition.document, to: pdf)
        let folder = imageFolder(for: pdf)
        let png = engine.png
        let pages = edition.document.pages
        let errors = ConcurrentErrors()
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            do {
                try png.write(pages[index], to: folder.appendingPathComponent(edition.imageNames[index]), dpi: edition.imageDPI)
            } catch { errors.add(error) }
        }
        if let error = errors.first { throw error }
    }
}
