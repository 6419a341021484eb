/// Reads the files a PDF carries as associated files (PDF/A-3 /AF): the archive puts the session
/// file it was rendered from there, with /AFRelationship /Source, so that `swan import` can give
/// it back byte for byte.
package import Foundation
import SwanLayout

/// One embedded file, decoded (its filters undone), as it was before it was embedded.
package struct EmbeddedSourceFile: Equatable, Sendable {
    /// The file name (/UF, else /F).
    package var name: String
    /// The media type (/Subtype of the EmbeddedFile stream), e.g. `application/json`.
    package var mediaType: String?
    package var data: Data

    package init(name: String, mediaType: String?, data: Data) {
        self.name = name; self.mediaType = mediaType; self.data = data
    }
}

package enum PDFAttachmentReader {
    /// The document's associated files whose relationship is /Source, in the order of the
    /// catalog's /AF, each at most `limit` bytes decoded. An empty list when there are none;
    /// throws (PDFReadError) when the PDF cannot be read, or an embedded file is damaged, too
    /// large, or its length differs from /Params /Size.
    package static func sourceFiles(in data: Data, limit: Int, limits: PDFReadLimits = .standard) throws -> [EmbeddedSourceFile] {
        let pdf = try BudgetedPDF(data, limits: limits)
        return try pdf.sourceFiles().map { file in
            EmbeddedSourceFile(name: file.name, mediaType: file.mediaType, data: try pdf.data(of: file, limit: limit))
        }
    }
}
