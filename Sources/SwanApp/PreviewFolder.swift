/// The card previews as files: the documents lay the pictures out, this encodes them as PNG on
/// all cores and writes them into a folder through the safe write path.
package import Foundation
package import SwanDeck
import SwanDiagnostics
package import SwanDocuments
import SwanIO
import SwanRender

package enum PreviewFolder {
    /// The images by file name, encoded in memory, in the documents' order.
    package static func images(_ cards: [Card], _ context: DocumentContext,
                              diagnostics: Diagnostics) throws -> [(name: String, data: Data)] {
        try encoded(try CardPreviews.pictures(cards, context, diagnostics: diagnostics))
    }

    /// Laid-out pictures as PNG files, encoded on all cores, in the pictures' order; every
    /// picture that cannot be encoded is reported, not only the first.
    package static func encoded(_ pictures: [CardPreviews.Picture]) throws -> [(name: String, data: Data)] {
        let png = PNGRenderer()
        return try pictures.concurrentMap(width: Workplace.processorCount) { picture in (picture.name, try png.data(picture.page, dpi: picture.dpi)) }
    }

    /// Writes `<folder>/<nn>-<id>-front.png`, `…-back.png` and `contact-sheet.png`; returns the paths.
    @discardableResult
    package static func write(_ cards: [Card], _ context: DocumentContext, to folder: URL,
                             diagnostics: Diagnostics) throws -> [URL] {
        let images = try self.images(cards, context, diagnostics: diagnostics)
        for image in images { try AtomicFile.write(image.data, to: folder.appendingPathComponent(image.name)) }
        return images.map { folder.appendingPathComponent($0.name) }
    }
}
