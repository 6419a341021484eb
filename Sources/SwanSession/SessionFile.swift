package import Foundation
import SwanIO

/// Reading and writing session files on disk. A session holds personal data about residents
/// and colleagues: it is written through the one safe write path, readable by its owner only.
package enum SessionFile {
    /// The permissions of every session file written here: read and write for the owner only.
    package static let permissions: Int = 0o600

    /// The largest session file swan reads (see docs/session.md).
    package static let maximumFileSize = 16 << 20

    /// Reads and validates the file at `url` (`-` for standard input); errors name the file as it
    /// was given (so two files of the same name in different folders are told apart, as in an
    /// archive run). A missing, unreadable or oversized file is a `FileError`.
    package static func read(_ url: URL, vocabulary: SessionVocabulary) throws -> Session {
        try readWithBytes(url, vocabulary: vocabulary).session
    }

    /// The same, with the bytes read (an archive name is a hash of them; standard input can be
    /// read only once).
    package static func readWithBytes(_ url: URL, vocabulary: SessionVocabulary) throws -> (session: Session, data: Data) {
        let data = try InputFile.read(url, limit: maximumFileSize)
        // Standard input by its marker: the message names it in the user's language when printed.
        let session = try SessionDecoder.decode(data, source: InputFile.name(of: url), vocabulary: vocabulary)
        return (session, data)
    }
}
