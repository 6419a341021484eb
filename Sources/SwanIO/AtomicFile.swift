/// The one write path for every file swan writes. The bytes go into a temporary file created in
/// the destination's folder (O_CREAT|O_EXCL, mode 0600 from its first byte, locked while it is
/// written); every write is checked; the file is fsync'ed, given its final mode, renamed into
/// place and the folder fsync'ed. On any failure the temporary file is removed, an existing
/// destination is left as it was, and the error names the destination. A run killed half way
/// leaves a temporary file that the next run writing into that folder removes.
///
/// A batch (`writeAll`, the archive's) takes the same steps for many files at once: every
/// temporary file is written first, then each is fsync'ed (the device writes them together, one
/// journal commit covers most), then each is renamed, then each folder is fsync'ed once. A file
/// is only renamed after its own bytes are on disk, so no name ever points at bytes that are not.
package import Foundation
import SwanDiagnostics

/// One file of a batch: its bytes, where they go, the final mode, and whether an existing file
/// may be replaced (as in `AtomicFile.write`).
package struct FileWrite: Sendable {
    package var data: Data
    package var destination: URL
    package var permissions: Int?
    package var overwrite: Bool

    package init(_ data: Data, to destination: URL, permissions: Int? = nil, overwrite: Bool = true) {
        self.data = data; self.destination = destination; self.permissions = permissions; self.overwrite = overwrite
    }
}

/// The points between a batch's steps, for a caller's kill tests (CrashPoint in SwanApp).
package enum FileWriteStep: Sendable {
    /// Every temporary file written, none flushed yet.
    case written
    /// Every temporary file on disk, none renamed yet.
    case flushed
    /// The first file renamed into place.
    case renamedOne
    /// Every file renamed, the folders not fsync'ed yet.
    case renamed
}

package enum AtomicFile {
    /// Writes `data` to `destination`. `permissions` (e.g. 0o600) is the final mode (default:
    /// 0666 less the umask); `overwrite: false` fails with `.exists` if the file is there, with
    /// no race between check and write.
    package static func write(_ data: Data, to destination: URL, permissions: Int? = nil, overwrite: Bool = true) throws {
        if let error = writeAll([FileWrite(data, to: destination, permissions: permissions, overwrite: overwrite)])[0] {
            throw error
        }
    }

    /// Writes every file of `files` as `write` does, made durable together; the outcome of each,
    /// in order: nil when it is in place and on disk, else its error. One file's failure fails
    /// that file only; a failed folder fsync fails every file renamed into that folder (they are
    /// there, but not known to be on disk). `step` hears of each step as it is passed.
    package static func writeAll(_ files: [FileWrite], step: (FileWriteStep) -> Void = { _ in }) -> [Error?] {
        guard PendingFiles.shared.begin() else {
            return files.map { FileError(.write, $0.destination.relativePath, .interrupted) }
        }
        defer { PendingFiles.shared.end() }
        var outcomes = [Error?](repeating: nil, count: files.count)
        var temporaries: [(index: Int, file: TemporaryFile)] = []
        for (index, file) in files.enumerated() {
            do { temporaries.append((index, try writeTemporary(file))) } catch { outcomes[index] = error }
        }
        step(.written)
        var flushed: [(index: Int, file: TemporaryFile)] = []
        for (index, temporary) in temporaries {
            do {
                try temporary.finish(mode: files[index].permissions.map { mode_t($0) } ?? FileMode.defaultMode)
                flushed.append((index, temporary))
            } catch {
                temporary.discard()
                outcomes[index] = error
            }
        }
        step(.flushed)
        var renamed: [Int] = []
        for (index, temporary) in flushed {
            do {
                try temporary.publish(as: files[index].destination.path, overwrite: files[index].overwrite)
                renamed.append(index)
                if renamed.count == 1 { step(.renamedOne) }
            } catch {
                temporary.discard()
                outcomes[index] = error
            }
        }
        step(.renamed)
        let folders = Dictionary(grouping: renamed) { files[$0].destination.deletingLastPathComponent().path }
        for (folder, indices) in folders.sorted(by: { $0.key < $1.key }) {
            let code = FolderCommit.shared.sync(folder)
            if code != 0 {
                for index in indices { outcomes[index] = FileError(.write, files[index].destination.relativePath, .system(code)) }
            }
        }
        return outcomes
    }

    /// The checks of the destination, then its temporary file with every byte written (removed
    /// again on a failure).
    private static func writeTemporary(_ file: FileWrite) throws -> TemporaryFile {
        let destination = file.destination, path = destination.relativePath
        let folder = destination.deletingLastPathComponent().path
        try OutputChecks.folder(folder, for: path)
        TemporaryFiles.clearLeftovers(in: folder)
        try OutputChecks.destination(destination.path, shownAs: path)
        try OutputChecks.notAnInput(destination.path, shownAs: path)
        let temporary = try TemporaryFile(beside: destination, shownAs: path)
        do {
            try temporary.write(file.data)
        } catch {
            temporary.discard()
            throw error
        }
        return temporary
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
