/// Atomic output: everything is written to a temporary file in the destination's folder and
/// renamed over the destination only when complete, so an interrupted run leaves the old file
/// or the new one, never half a file.
import Foundation

public enum AtomicFile {
    /// A fresh temporary path beside `destination` (same file system, so rename is atomic). It is
    /// registered until removed, so an interrupted run can clean up (`stopWriting`).
    public static func temporaryPath(for destination: URL) -> URL {
        let name = ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp"
        let url = destination.deletingLastPathComponent().appendingPathComponent(name)
        PendingFiles.shared.add(url.path)
        return url
    }

    /// Removes a temporary file that is no longer needed.
    public static func discard(_ temporary: URL) {
        try? FileManager.default.removeItem(at: temporary)
        PendingFiles.shared.remove(temporary.path)
    }

    /// For an interrupted process: start no new file, let the files being written finish (up to
    /// `timeout` seconds), then remove any temporary file still there. Leaves whole files or none.
    public static func stopWriting(timeout: TimeInterval = 10) {
        PendingFiles.shared.stop()
        let deadline = Date().addingTimeInterval(timeout)
        while PendingFiles.shared.inFlight > 0 && Date() < deadline { usleep(5_000) }
        for path in PendingFiles.shared.drain() { unlink(path) }
    }

    /// Runs `produce` with a temporary path, then sets `permissions` and renames it into place.
    /// On any error the temporary file is removed and the destination is untouched.
    public static func write(to destination: URL, permissions: Int? = nil, overwrite: Bool = true,
                             _ produce: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let folder = destination.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EngineError.output(path: destination.path, reason: "cannot create folder \(folder.path)")
        }
        guard PendingFiles.shared.begin() else {
            throw EngineError.output(path: destination.path, reason: "interrupted")
        }
        defer { PendingFiles.shared.end() }
        let temporary = temporaryPath(for: destination)
        defer { PendingFiles.shared.remove(temporary.path) }
        do {
            try produce(temporary)
            if let permissions { try fm.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path) }
            if overwrite {
                guard rename(temporary.path, destination.path) == 0 else {
                    throw EngineError.output(path: destination.path, reason: String(cString: strerror(errno)))
                }
            } else {
                // link(2) fails if the destination exists: no race between check and write.
                guard link(temporary.path, destination.path) == 0 else {
                    let reason = errno == EEXIST ? "file exists" : String(cString: strerror(errno))
                    throw EngineError.output(path: destination.path, reason: reason)
                }
                unlink(temporary.path)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `data` atomically.
    public static func write(_ data: Data, to destination: URL, permissions: Int? = nil, overwrite: Bool = true) throws {
        try write(to: destination, permissions: permissions, overwrite: overwrite) { temporary in
            do { try data.write(to: temporary) } catch {
                throw EngineError.output(path: destination.path, reason: error.localizedDescription)
            }
        }
    }
}

/// Temporary files being written right now, and how many writes are under way.
/// Unchecked: every property is read and written only under `lock` (writers and the signal
/// handler run on different threads).
final class PendingFiles: @unchecked Sendable {
    static let shared = PendingFiles()
    private var paths = Set<String>()
    private var writes = 0
    private var stopping = false
    private let lock = NSLock()

    /// False once stopping: no new write may start.
    func begin() -> Bool { lock.lock(); defer { lock.unlock() }; if stopping { return false }; writes += 1; return true }
    func end() { lock.lock(); writes -= 1; lock.unlock() }
    func stop() { lock.lock(); stopping = true; lock.unlock() }
    var inFlight: Int { lock.lock(); defer { lock.unlock() }; return writes }
    func add(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }
    func drain() -> [String] { lock.lock(); defer { paths.removeAll(); lock.unlock() }; return Array(paths) }
}
