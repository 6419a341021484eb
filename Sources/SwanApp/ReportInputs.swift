/// The sessions a team report counts, from whatever form they come in: session files, folders
/// of them, archived invulbladen (their attached session, checked against the file's name) and
/// filled-in fillable forms. Each session is counted once: two inputs with the same content
/// (a session file and its archived PDF) are one discussion. Read on all cores; only the
/// counts and a hash per session are kept, so memory stays flat however big the archive.
import Crypto
package import Foundation
import SwanDeck
package import SwanDiagnostics
package import SwanDocuments
import SwanIO
import SwanSession

package struct ReportReading: Sendable {
    package var report: TeamReport
    /// Inputs whose session was already counted (the same discussion in another form).
    package var duplicates = 0
    /// Sessions outside `--from`/`--to`.
    package var outside = 0
    /// Every problem, per input; the report is not written when there is one.
    package var failures: [Diagnostic] = []
}

package enum ReportInputs {
    /// Reads `files` (as `SessionArchive.collect` found them) into a report on `jobs` threads.
    package static func read(_ files: [URL], into report: TeamReport, context: DocumentContext, jobs: Int) -> ReportReading {
        let state = LockedBox((reading: ReportReading(report: report), seen: Set<Data>()))
        let vocabulary = SessionVocabulary(deck: context.deck)
        files.concurrentForEach(width: jobs) { _, file in
            do {
                let session = try Self.session(in: file, vocabulary: vocabulary, context: context)
                var canonical = session
                canonical.schema = nil
                let key = Data(SHA256.hash(data: canonical.encodeJSON()))
                state.withLockedValue { state in
                    guard state.seen.insert(key).inserted else { state.reading.duplicates += 1; return }
                    if !state.reading.report.add(session) { state.reading.outside += 1 }
                }
            } catch {
                let diagnostics = Diagnostic.all(from: error).map { diagnostic in
                    var placed = diagnostic
                    if placed.location == nil { placed.location = SourceLocation(file: file.path) }
                    return placed
                }
                state.withLockedValue { $0.reading.failures += diagnostics }
            }
        }
        return state.withLockedValue { $0.reading }
    }

    /// One input's session. An archived invulblad's attached session must be the one its file
    /// name was made from: a replaced attachment is an error, not a silent count.
    static func session(in file: URL, vocabulary: SessionVocabulary, context: DocumentContext) throws -> Session {
        guard SessionInput.isForm(file) else {
            return try SessionInput.read(file, source: file.path, vocabulary: vocabulary, context: { context }).session
        }
        let found = try SessionFromPDF.read(try InputFile.read(file, limit: InvulbladImport.maximumFileSize),
                                            source: file.path, context: context)
        if found.fromArchive, isArchiveName(file.lastPathComponent),
           SessionArchive.fileName(for: found.session, data: found.data) != file.lastPathComponent {
            throw DiagnosticError([.error(ReportCode.attachmentMismatch, at: SourceLocation(file: file.path))])
        }
        return found.session
    }

    /// `YYYY-MM-DD-<24 hexadecimal digits>.pdf`, the names `swan archive` gives.
    static func isArchiveName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        let hexCount = SessionArchive.idBytes * 2
        guard scalars.count == 11 + hexCount + 4, name.hasSuffix(".pdf"), scalars[10] == "-",
              SessionDate(String(String.UnicodeScalarView(scalars[0..<10]))) != nil else { return false }
        return scalars[11..<(11 + hexCount)].allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}

package enum ReportCode: String, DiagnosticCode {
    case attachmentMismatch = "report.attachment-mismatch"
}
