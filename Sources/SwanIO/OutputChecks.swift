/// What may be written to: a regular file (or nothing yet) in a folder that exists. Folders,
/// devices, FIFOs, sockets and symbolic links are refused, never replaced or written through.
package import Foundation

package enum OutputChecks {
    /// The folder must exist: swan does not invent folders from a mistyped -o.
    static func folder(_ folder: String, for shownAs: String) throws {
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0 else {
            throw errno == ENOENT ? FileError(.write, shownAs, .missingFolder) : FileError.system(.write, shownAs)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(.write, shownAs, .system(ENOTDIR)) }
    }

    /// The destination is absent or a regular file.
    package static func destination(_ path: String, shownAs: String) throws {
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
    package static func destinationFolder(_ folder: URL) throws {
        var info = stat()
        guard stat(folder.path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileError.system(.write, folder.relativePath)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(.write, folder.relativePath, .system(ENOTDIR)) }
    }

    /// Before anything is rendered: `output` may be written and is none of the run's inputs.
    package static func check(_ output: URL) throws {
        let shown = output.relativePath
        try folder(output.deletingLastPathComponent().path, for: shown)
        try destination(output.path, shownAs: shown)
        try notAnInput(output.path, shownAs: shown)
    }

    /// The one rule for what no output may touch: a file this run reads (RunInputs), compared
    /// by device and inode, so no spelling of its path (`../../Fonts`, a hard link) gets past.
    package static func notAnInput(_ path: String, shownAs shown: String) throws {
        guard let identity = FileIdentity(path), let input = RunInputs.shared.readAs(identity) else { return }
        throw FileError(.write, shown, .isInput(readAs: input))
    }

    /// A folder that is replaced as a whole (the previews, the screen edition's images): no file
    /// in it, at any depth, is one the run reads. Symbolic links are not followed.
    package static func noInput(under folder: URL, shownAs shown: String) throws {
        var info = stat()
        guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
              let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
        while let relative = walker.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if let input = RunInputs.shared.readAs(identity) { throw FileError(.write, shown, .isInput(readAs: input)) }
        }
    }
}

/// A file by device and inode: two paths name the same file when these are equal.
package struct FileIdentity: Hashable, Sendable {
    package let device: UInt64
    package let inode: UInt64

    /// Following symbolic links; nil when there is no such file.
    package init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev); inode = UInt64(info.st_ino)
    }

    package init(device: UInt64, inode: UInt64) { self.device = device; self.inode = inode }
}
