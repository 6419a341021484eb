/// What may be written to: a regular file (or nothing yet) in a folder that exists. Folders,
/// devices, FIFOs, sockets and symbolic links are refused, never replaced or written through.
import Foundation

public enum OutputChecks {
    /// The folder must exist: swan does not invent folders from a mistyped -o.
    static func folder(_ folder: String, for shownAs: String) throws {
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0 else {
            throw errno == ENOENT ? FileError(.write, shownAs, .missingFolder) : FileError.system(.write, shownAs)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(.write, shownAs, .system(ENOTDIR)) }
    }

    /// The destination is absent or a regular file.
    public static func destination(_ path: String, shownAs: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileError.system(.write, shownAs)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw FileError(.write, shownAs, .isFolder)
        case S_IFLNK: throw FileError(.write, shownAs, .isSymbolicLink)
        default: throw FileError(.write, shownAs, .notRegularFile)
        }
    }

    /// An output folder (the archive's): absent, or a folder; a file or device there is refused.
    public static func destinationFolder(_ folder: URL) throws {
        var info = stat()
        guard stat(folder.path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileError.system(.write, folder.relativePath)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(.write, folder.relativePath, .system(ENOTDIR)) }
    }

    /// Before anything is rendered: `output` may be written and is none of `inputs` (the same
    /// file by device and inode, whatever the path).
    public static func check(_ output: URL, notAnyOf inputs: Set<FileIdentity>) throws {
        let shown = output.relativePath
        try folder(output.deletingLastPathComponent().path, for: shown)
        try destination(output.path, shownAs: shown)
        if let identity = FileIdentity(output.path), inputs.contains(identity) { throw FileError(.write, shown, .isInput) }
    }
}

/// A file by device and inode: two paths name the same file when these are equal.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// Following symbolic links; nil when there is no such file.
    public init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev); inode = UInt64(info.st_ino)
    }

    /// Every file under `folder` (recursively) and the folder's own files.
    public static func all(under folder: URL) -> Set<FileIdentity> {
        var result = Set<FileIdentity>()
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = walker.nextObject() as? String {
            if let identity = FileIdentity(folder.appendingPathComponent(relative).path) { result.insert(identity) }
        }
        return result
    }
}
