/// The names of the archive (`swan archive`): a PDF `<datum>-<id>.pdf` carries its session file as
/// `<datum>-<id>.json`, where the id is the first 96 bits of the SHA-256 of the session file's
/// bytes (24 hex digits; archives before December 2026 used the first 32 bits of a 64-bit FNV-1a,
/// 8 hex digits). Reading an archive checks the bytes against both names: a replaced attachment
/// or a file renamed onto another's name is an error, not a different session.

/// The session in a PDF, for `swan import` and `swan archive`: SessionFromPDF, and when it came
/// from an archive's attachment, checked against the attachment's name and the PDF's own name.
package enum ArchivedSession {
    /// `source` names the file in diagnostics; `fileName` is its name on disk (nil for standard input).
    package static func read(_ pdf: Data, source: String, fileName: String?, context: DocumentContext) throws -> SessionFromPDF.Found {
        let found = try SessionFromPDF.read(pdf, source: source, context: context)
        if let attachment = found.attachmentName {
            try ArchiveName.check(found.data, attachmentName: attachment, archiveName: fileName, at: SourceLocation(file: source))
        }
        return found
    }
}
import Crypto
package import Foundation
package import SwanDiagnostics
package import SwanDocuments
package import SwanSession

package enum ArchiveName {
    /// 12 bytes: 24 hexadecimal digits.
    package static let idBytes = 12

    /// `<datum>-<id>.pdf` for a session file's bytes.
    package static func pdfName(for session: Session, data: Data) -> String {
        "\(session.datum)-\(id(of: data)).pdf"
    }

    /// The id of the current scheme: the SHA-256 prefix in hexadecimal.
    package static func id(of data: Data) -> String {
        String(ArchiveFolder.sha256(data).prefix(2 * idBytes))
    }

    /// The earlier scheme's id: FNV-1a (64 bit), its first 8 hex digits.
    static func earlierID(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(String(format: "%016llx", hash).prefix(8))
    }

    /// The id in `name` when it is one of ours (`YYYY-MM-DD-<id>.<ext>`), else nil.
    static func id(inName name: String, extension ext: String) -> String? {
        let suffix = "." + ext
        guard name.lowercased().hasSuffix(suffix) else { return nil }
        let stem = name.dropLast(suffix.count)
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts[0...2].allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let id = parts[3]
        guard id.count == 2 * idBytes || id.count == 8, id.allSatisfy({ $0.isHexDigit && $0.isASCII && !$0.isUppercase }) else { return nil }
        return String(id)
    }

    /// Whether `data` has the id `id` in the scheme its length names.
    static func matches(_ data: Data, id: String) -> Bool {
        id.count == 8 ? earlierID(of: data) == id : Self.id(of: data) == id
    }

    /// Throws when the attachment's name, or the archive PDF's own name, is one of ours and
    /// names other bytes than `data`.
    package static func check(_ data: Data, attachmentName: String, archiveName: String?, at location: SourceLocation) throws {
        if let id = id(inName: attachmentName, extension: "json"), !matches(data, id: id) {
            throw DiagnosticError([.error(FormCode.attachmentReplaced, ["name": EchoedValue.argument(attachmentName)], at: location)])
        }
        if let archiveName, let id = id(inName: archiveName, extension: "pdf"), !matches(data, id: id) {
            throw DiagnosticError([.error(FormCode.archiveNameMismatch, ["name": EchoedValue.argument(archiveName)], at: location)])
        }
    }
}
