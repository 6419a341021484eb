/// The filled invulblad as the archive keeps it: PDF/A-3a and PDF/UA-1 at once, carrying the
/// session file it was made from, byte for byte, as its associated source file, so that the
/// record can be read back (`swan import`) as long as the PDF exists.
package import Foundation
package import SwanLayout

extension Document {
    /// This document held to the archive's standards, with `sessionData` attached as
    /// `attachmentName` (a name from the date and id, never a person's).
    package func archiveGrade(sessionData: Data, attachmentName: String, _ context: DocumentContext) throws -> Document {
        var archived = self
        archived.conformance = .archive
        archived.language = archived.language ?? context.deck.meta.language
        archived.attachments = [Attachment(name: attachmentName, mediaType: "application/json",
                                           description: try context.label(.formArchiveAttachment),
                                           data: sessionData, modified: context.date)]
        return archived
    }
}
