/// An archive folder as `swan archive` keeps it: the PDFs (`<datum>-<id>.pdf`), the manifest
/// (SHA256SUMS), the deletion log, and while a run writes, the manifest's journal. Everything the
/// archive's commands touch is a plain file directly in this folder, found with lstat: a symbolic
/// link or a subfolder is never followed, only named.
import Crypto
package import Foundation
import SwanDiagnostics
package import SwanIO
package import SwanSession

package struct ArchiveFolder: Sendable {
    package let url: URL

    /// The manifest, in the format of `sha256sum` (so `sha256sum -c SHA256SUMS` checks it).
    package static let manifestName = "SHA256SUMS"
    /// The deletion log: one tab-separated line per deleted file.
    package static let deletionLogName = "deletions.log"
    /// Lines of a run under way: what it is about to write (see ArchiveManifest).
    static let journalName = ".swan-manifest-journal"

    package init(_ url: URL) { self.url = url }

    package func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The folder must exist and be a folder; anything else is refused before any work.
    package func checkExists() throws {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw FileError.system(.read, url.relativePath) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(.read, url.relativePath, .system(ENOTDIR)) }
    }

    /// Holds the archive's lock (the one `swan archive` holds) until the returned object goes.
    package func lock() throws -> FolderLock {
        try FolderLock(url) {
            DiagnosticPrinter.print([.warning(ArchiveCode.waitingForLock, ["folder": "\(url.relativePath)"])])
        }
    }

    /// Whether the folder holds a regular file `name`; a symbolic link, folder or device of that
    /// name is refused (never followed).
    package func hasFile(_ name: String) throws -> Bool {
        let url = file(name)
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw FileError.system(.read, url.relativePath)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFLNK: throw FileError(.read, url.relativePath, .isSymbolicLink)
        case S_IFDIR: throw FileError(.read, url.relativePath, .isFolder)
        default: throw FileError(.read, url.relativePath, .notRegularFile)
        }
    }

    /// Whether `name` is a regular file here (false for a symbolic link, folder or nothing).
    package func hasFileIfRegular(_ name: String) -> Bool {
        var info = stat()
        return lstat(file(name).path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// One entry of the folder, as lstat sees it.
    package struct Entry: Sendable, Equatable {
        package enum Kind: Sendable { case file, link, folder, other }
        package var name: String
        package var kind: Kind
    }

    /// Every entry but swan's own bookkeeping (the manifest, the log, the journal, a temporary
    /// file of a write), sorted by name.
    package func entries() throws -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw FileError.system(.read, url.relativePath)
        }
        return names.sorted().compactMap { name in
            if Self.isOwnFile(name) { return nil }
            var info = stat()
            guard lstat(file(name).path, &info) == 0 else { return nil }
            let kind: Entry.Kind = switch info.st_mode & S_IFMT {
            case S_IFREG: .file
            case S_IFLNK: .link
            case S_IFDIR: .folder
            default: .other
            }
            return Entry(name: name, kind: kind)
        }
    }

    /// Also a temporary file a killed `swan archive` left (`.swan-tmp-<pid>-<hex>.<name>`): the
    /// next archive run removes it; until then `swan verify` passes over it.
    static func isOwnFile(_ name: String) -> Bool {
        name == manifestName || name == deletionLogName || name == journalName || TemporaryFiles.isTemporaryName(name)
            || (name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".swan-"))
    }

    /// `2025-03-14-0123456789abcdef01234567.pdf`: a name `swan archive` gives.
    package static func isRecordName(_ name: String) -> Bool { id(ofFile: name) != nil }

    /// The id (the name without `.pdf`) of a record's file name; nil for any other name.
    package static func id(ofFile name: String) -> String? {
        guard name.hasSuffix(".pdf") else { return nil }
        let id = String(name.dropLast(4))
        return isID(id) ? id : nil
    }

    /// `YYYY-MM-DD-` and 24 lowercase hexadecimal digits, the date a real one.
    package static func isID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 11 + 2 * SessionArchive.idBytes, SessionDate(String(id.prefix(10))) != nil,
              bytes[10] == UInt8(ascii: "-") else { return false }
        return bytes[11...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// The date part of a record's id.
    package static func date(ofID id: String) -> SessionDate? { SessionDate(String(id.prefix(10))) }

    /// The SHA-256 of bytes, in lowercase hexadecimal (as sha256sum prints it). Digits from a
    /// table: `String(format:)` per byte was 1.6 % of an archive's CPU time.
    package static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) { hex.append(digits[Int(byte >> 4)]); hex.append(digits[Int(byte & 15)]) }
        return String(decoding: hex, as: UTF8.self)
    }
}
