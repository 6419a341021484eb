/// Appending to a log swan keeps (the archive's manifest journal and deletion log): the lines go
/// to the end in checked writes and are fsync'ed before the call returns, so what a log says was
/// about to happen is on disk before it happens. A line a kill cut short is ended before the next
/// one is appended, and readers skip it. Symbolic links are refused (O_NOFOLLOW).
package import Foundation

package enum AppendFile {
    /// Appends `data` (whole lines) to `url`, creating it with `permissions` when absent.
    package static func append(_ data: Data, to url: URL, permissions: mode_t = 0o600) throws {
        let shown = url.relativePath
        guard PendingFiles.shared.begin() else { throw FileError(.write, shown, .interrupted) }
        defer { PendingFiles.shared.end() }
        // Created by exactly one of the threads that append at once (O_EXCL); the others open it.
        var fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        let created = fd >= 0
        if !created && errno == EEXIST {
            fd = open(url.path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else {
            throw errno == ELOOP ? FileError(.write, shown, .isSymbolicLink) : FileError.system(.write, shown)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError.system(.write, shown) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileError(.write, shown, .notRegularFile) }
        var bytes = data
        if info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != UInt8(ascii: "\n") { bytes.insert(UInt8(ascii: "\n"), at: 0) }
        }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = FaultInjection.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileError.system(.write, shown)
                }
                if written == 0 { throw FileError(.write, shown, .system(EIO)) }
                offset += written
            }
        }
        guard FaultInjection.fsync(fd) == 0 else { throw FileError.system(.write, shown) }
        if created {
            let code = FolderCommit.shared.sync(url.deletingLastPathComponent().path)
            if code != 0 { throw FileError(.write, shown, .system(code)) }
        }
    }
}

/// Removing a file swan wrote (an expired archive record): unlink(2) is one step, so the file is
/// whole or gone, never half; a symbolic link or folder of that name is never followed or removed.
package enum FileRemoval {
    /// Removes the regular file at `url`; false when it was not there.
    @discardableResult
    package static func remove(_ url: URL) throws -> Bool {
        let shown = url.relativePath
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw FileError.system(.write, shown)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileError(.write, shown, .isFolder)
        case S_IFLNK: throw FileError(.write, shown, .isSymbolicLink)
        default: throw FileError(.write, shown, .notRegularFile)
        }
        guard unlink(url.path) == 0 else {
            if errno == ENOENT { return false }
            throw FileError.system(.write, shown)
        }
        return true
    }

    /// Makes the removals in `folder` durable (one folder fsync).
    package static func sync(_ folder: URL) throws {
        let code = FolderCommit.shared.sync(folder.path)
        if code != 0 { throw FileError(.write, folder.relativePath, .system(code)) }
    }
}
