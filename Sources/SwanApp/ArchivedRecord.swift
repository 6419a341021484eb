/// One archived PDF, read back: the SHA-256 of its bytes and the session file it carries (by the
/// PDF reading code `swan import` uses), checked against its name: the id is the start of the
/// session file's SHA-256 and the date its `datum`.
import Foundation
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanPDFReading
import SwanIO
package import SwanSession

package struct ArchivedRecord: Sendable {
    package var name: String
    /// The SHA-256 of the PDF file.
    package var sha256: String
    /// What the attached session holds (dates, texts), read without a deck.
    package var facts: SessionFacts

    package var id: String { String(name.dropLast(4)) }
    /// The session's `datum` (the same as the name's date: it is checked).
    package var sessionDate: SessionDate { facts.datum ?? ArchiveFolder.date(ofID: id)! }

    /// The file's bytes when it is a regular file (never through a symbolic link); nil otherwise.
    static func readFile(_ url: URL) -> Data? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try? InputFile.read(url, limit: InvulbladImport.maximumFileSize, ownOutput: true)
    }

    /// Reads `name` in `folder`; every problem is an error located at the file: it cannot be read,
    /// carries no session file (or several), or its session does not match its name.
    package static func read(_ name: String, in folder: ArchiveFolder) throws -> ArchivedRecord {
        let url = folder.file(name)
        let shown = url.relativePath
        guard let id = ArchiveFolder.id(ofFile: name) else {
            throw DiagnosticError([.error(ArchiveCode.notARecord, at: SourceLocation(file: shown))])
        }
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw DiagnosticError([.error(ArchiveCode.notARecord, at: SourceLocation(file: shown))])
        }
        let pdf = try InputFile.read(url, limit: InvulbladImport.maximumFileSize, ownOutput: true)
        // Counted before any is decoded; the one session file decoded within the session limit.
        let session: EmbeddedSourceFile
        do {
            let reader = try BudgetedPDF(pdf)
            let sessions = try reader.sourceFiles().filter {
                $0.mediaType.map { $0 == "application/json" } ?? $0.name.lowercased().hasSuffix(".json")
            }
            guard sessions.count == 1, let file = sessions.first else {
                throw DiagnosticError([.error(ArchiveCode.noSession, ["count": "\(sessions.count)"], at: SourceLocation(file: shown))])
            }
            session = EmbeddedSourceFile(name: file.name, mediaType: file.mediaType,
                                         data: try reader.data(of: file, limit: SessionFile.maximumFileSize))
        } catch let error as PDFReadError {
            throw DiagnosticError([.error(ArchiveCode.unreadableRecord, ["reason": .message(error.message)], at: SourceLocation(file: shown))])
        }
        let sessionHash = ArchiveFolder.sha256(session.data)
        guard id.hasSuffix("-" + sessionHash.prefix(2 * SessionArchive.idBytes)) else {
            throw DiagnosticError([.error(ArchiveCode.sessionMismatch, at: SourceLocation(file: shown))])
        }
        let facts: SessionFacts
        do {
            facts = try SessionFacts.read(session.data, source: "\(shown) (\(session.name))")
        } catch {
            throw DiagnosticError([.error(ArchiveCode.sessionUnreadable, at: SourceLocation(file: shown))])
        }
        guard let datum = facts.datum, datum == ArchiveFolder.date(ofID: id) else {
            throw DiagnosticError([.error(ArchiveCode.sessionDateMismatch, at: SourceLocation(file: shown))])
        }
        return ArchivedRecord(name: name, sha256: ArchiveFolder.sha256(pdf), facts: facts)
    }
}
