/// The files this run reads: the deck's files, its fonts, the message catalogues, the session,
/// the hyphenation dictionary, the ICC profile, swan itself. Each is recorded, by device and
/// inode, by whatever reads it (InputFile, the font loader, the hyphenator…); OutputChecks
/// refuses any output that is one of them, however its path is spelled (`../../Fonts/x.ttf`, a
/// second hard link). Recorded files are never forgotten: one process, one set.
package import Foundation
import SwanDiagnostics

package final class RunInputs: Sendable {
    package static let shared = RunInputs()

    /// Each file by identity, with the path it was first read under (for the message).
    private let files = LockedBox([FileIdentity: String]())

    /// `path` is read by this run; a path that names no file is ignored.
    package func record(_ path: String) {
        guard let identity = FileIdentity(path) else { return }
        record(identity, readAs: path)
    }

    package func record(_ url: URL) { record(url.relativePath) }

    package func record(_ identity: FileIdentity, readAs path: String) {
        files.withLockedValue { files in
            // An entry whose file is gone left its inode number free for this one (a long process:
            // `swan watch`, the test runner): the new path replaces it.
            if let earlier = files[identity], FileIdentity(earlier) == identity { return }
            files[identity] = path
        }
    }

    /// The path the file was read under, nil when the run does not read it. A file read and
    /// since deleted or replaced at that path (an editor saves by rename; `swan watch` reads
    /// again) is no input any more: its inode number may be given to a new file.
    package func readAs(_ identity: FileIdentity) -> String? {
        files.withLockedValue { files in
            guard let path = files[identity] else { return nil }
            guard FileIdentity(path) == identity else { files[identity] = nil; return nil }
            return path
        }
    }
}
