/// The one write path for every file swan writes. The bytes go into a temporary file created in
/// the destination's folder (O_CREAT|O_EXCL, mode 0600 from its first byte, locked while it is
/// written); every write is checked; the file is fsync'ed, given its final mode, renamed into
/// place and the folder fsync'ed. On any failure the temporary file is removed, an existing
/// destination is left as it was, and the error names the destination. A run killed half way
/// leaves a temporary file that the next run writing into that folder removes.
package import Foundation
import SwanDiagnostics

package enum AtomicFile {
    /// Writes `data` to `destination`. `permissions` (e.g. 0o600) is the final mode (default:
    /// 0666 less the umask); `overwrite: false` fails with `.exists` if the file is there, with
    /// no race between check and write.
    package static func write(_ data: Data, to destination: URL, permissions: Int? = nil, overwrite: Bool = true) throws {
        let path = destination.relativePath
        guard PendingFiles.shared.begin() else { throw FileError(.write, path, .interrupted) }
        defer { PendingFiles.shared.end() }
        let folder = destination.deletingLastPathComponent().path
        try OutputChecks.folder(folder, for: path)
        TemporaryFiles.clearLeftovers(in: folder)
        try OutputChecks.destination(destination.path, shownAs: path)
        try OutputChecks.notAnInput(destination.path, shownAs: path)
        let temporary = try TemporaryFile(beside: destination, shownAs: path)
        do {
            try temporary.write(data)
            try temporary.finish(mode: permissions.map { mode_t($0) } ?? FileMode.defaultMode)
            try temporary.publish(as: destination.path, overwrite: overwrite)
        } catch {
            temporary.discard()
            throw error
        }
        let code = FolderCommit.shared.sync(folder)
        if code != 0 { throw FileError(.write, path, .system(code)) }
    }

    /// Creates `folder` (and its parents) where swan is meant to: the archive folder, Output/.
    package static func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
                throw FileError(.write, folder.relativePath, .system(ENOTDIR))
            }
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw FileError(.write, folder.relativePath, .system(code.map(Int32.init) ?? EACCES))
        }
    }

    /// For an interrupted process: start no new file, let the files being written finish (up to
    /// `timeout` seconds), then remove any temporary file still there. Leaves whole files or none.
    package static func stopWriting(timeout: TimeInterval = 10) {
        PendingFiles.shared.stop()
        let deadline = Date().addingTimeInterval(timeout)
        while PendingFiles.shared.inFlight > 0 && Date() < deadline { usleep(5_000) }
        for path in PendingFiles.shared.drain() { unlink(path) }
        for folder in PendingFiles.shared.drainFolders() { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// One temporary file being written: an open, locked descriptor and its path.
final class TemporaryFile {
    let path: String
    /// The destination as the user named it, for messages.
    let shownAs: String
    private var descriptor: Int32

    init(beside destination: URL, shownAs: String) throws {
        self.shownAs = shownAs
        let folder = destination.deletingLastPathComponent().path
        var attempt = 0
        while true {
            let candidate = (folder as NSString).appendingPathComponent(TemporaryFiles.name(for: destination.lastPathComponent))
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                path = candidate; descriptor = fd
                break
            }
            attempt += 1
            if errno != EEXIST || attempt > 8 { throw FileError.system(.write, shownAs) }
        }
        PendingFiles.shared.add(path)
        // Held until the file is renamed or removed: a later run sees the lock and leaves it.
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
    }

    /// Every byte, in chunks, each write checked (short writes continue, errors stop).
    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let length = min(FaultInjection.chunkSize, buffer.count - offset)
                let written = FaultInjection.write(descriptor, base + offset, length)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileError.system(.write, shownAs)
                }
                if written == 0 { throw FileError(.write, shownAs, .system(EIO)) }
                offset += written
            }
        }
    }

    /// fsync, the final mode, close: each checked.
    func finish(mode: mode_t) throws {
        guard FaultInjection.fsync(descriptor) == 0 else { throw FileError.system(.write, shownAs) }
        guard fchmod(descriptor, mode) == 0 else { throw FileError.system(.write, shownAs) }
        let fd = descriptor
        descriptor = -1
        guard close(fd) == 0 else { throw FileError.system(.write, shownAs) }
    }

    /// Renames into place; without `overwrite`, link(2) fails if the destination exists.
    func publish(as destination: String, overwrite: Bool) throws {
        if overwrite {
            guard FaultInjection.rename(path, destination) == 0 else { throw FileError.system(.write, shownAs) }
        } else {
            guard link(path, destination) == 0 else {
                throw errno == EEXIST ? FileError(.write, shownAs, .exists) : FileError.system(.write, shownAs)
            }
            unlink(path)
        }
        PendingFiles.shared.remove(path)
    }

    /// After a failure: the temporary file goes, the destination stays as it was.
    func discard() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlink(path)
        PendingFiles.shared.remove(path)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}

enum FileMode {
    /// 0666 less the process's umask, as a plain `open` would create it. Read from /proc on Linux
    /// (changing the umask to read it would race with other threads).
    static let defaultMode: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) {
            return 0o666 & ~mask
        }
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }()
}

/// Temporary files being written right now, and how many writes are under way.
final class PendingFiles: Sendable {
    static let shared = PendingFiles()
    private struct State {
        var paths = Set<String>()
        var folders = Set<String>()
        var writes = 0
        var stopping = false
    }
    private let state = LockedBox(State())

    /// False once stopping: no new write may start.
    func begin() -> Bool {
        state.withLockedValue { state in
            if state.stopping { return false }
            state.writes += 1
            return true
        }
    }
    func end() { state.withLockedValue { $0.writes -= 1 } }
    func stop() { state.withLockedValue { $0.stopping = true } }
    var inFlight: Int { state.withLockedValue { $0.writes } }
    func add(_ path: String) { state.withLockedValue { _ = $0.paths.insert(path) } }
    func remove(_ path: String) { state.withLockedValue { _ = $0.paths.remove(path) } }
    func drain() -> [String] { state.withLockedValue { state in defer { state.paths.removeAll() }; return Array(state.paths) } }
    /// Staging folders of a file set (FileSet), removed whole when interrupted.
    func addFolder(_ path: String) { state.withLockedValue { _ = $0.folders.insert(path) } }
    func removeFolder(_ path: String) { state.withLockedValue { _ = $0.folders.remove(path) } }
    func drainFolders() -> [String] { state.withLockedValue { state in defer { state.folders.removeAll() }; return Array(state.folders) } }
}
