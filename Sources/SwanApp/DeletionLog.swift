/// The deletion log of an archive (deletions.log): one tab-separated line per deleted file,
///
///     2026-12-06T22:40:00Z	2011-03-14-0123456789abcdef01234567.pdf	2011-03-14	<sha-256 of the PDF>	term
///
/// the moment of deletion (UTC), the file name, the session's date, the file's SHA-256 and the
/// reason (`term`: its term ended; `request`: erased on request). No name, no text of the session.
/// A line is appended (and fsync'ed) before its file is deleted: a run killed in between leaves a
/// line whose file is still there, and every later `swan expire` deletes every file the log lists
/// (also one a restored backup brought back). Lines starting with `#` are comments.
package import Foundation
import SwanIO
package import SwanSession

package struct DeletionLog: Sendable {
    package enum Reason: String, Sendable {
        case term, request
    }

    package struct Line: Sendable, Equatable {
        package var deletedAt: String
        package var file: String
        package var sessionDate: SessionDate
        package var sha256: String
        package var reason: Reason

        var text: String { "\(deletedAt)\t\(file)\t\(sessionDate)\t\(sha256)\t\(reason.rawValue)\n" }
    }

    package var lines: [Line] = []
    package var files: Set<String> { Set(lines.map(\.file)) }

    static let header = "# deleted (UTC)\tfile\tsession date\tsha-256\treason (term|request)\n"

    /// The log of `folder` (empty when there is none). Lines that are not whole (a kill cut them
    /// short) or not of this shape are passed over; only file names of records count.
    package static func load(_ folder: ArchiveFolder) throws -> DeletionLog {
        let url = folder.file(ArchiveFolder.deletionLogName)
        guard try folder.hasFile(ArchiveFolder.deletionLogName) else { return DeletionLog() }
        var log = DeletionLog()
        let data = try InputFile.read(url, limit: ArchiveManifest.maximumSize, ownOutput: true)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, ArchiveFolder.isRecordName(fields[1]), let date = SessionDate(fields[2]),
                  let reason = Reason(rawValue: fields[4]) else { continue }
            log.lines.append(Line(deletedAt: fields[0], file: fields[1], sessionDate: date, sha256: fields[3], reason: reason))
        }
        return log
    }

    /// Appends `lines` in one write, fsync'ed, before their files are deleted.
    package static func append(_ lines: [Line], to folder: ArchiveFolder) throws {
        guard !lines.isEmpty else { return }
        let url = folder.file(ArchiveFolder.deletionLogName)
        let isNew = try !folder.hasFile(ArchiveFolder.deletionLogName)
        try AppendFile.append(Data(((isNew ? header : "") + lines.map(\.text).joined()).utf8), to: url)
    }

    /// Now, as the log writes it: `2026-12-06T22:40:00Z`.
    package static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
