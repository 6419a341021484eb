/// Atomic output: everything is written to a temporary file in the destination's folder and
/// renamed over the destination only when complete, so an interrupted run leaves the old file
/// or the new one, never half a file.
import Foundation

public enum AtomicFile {
    /// A fresh temporary path beside `destination` (same file system, so rename is atomic).
    public static func temporaryPath(for destination: URL) -> URL {
        let name = ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp"
        return destination.deletingLastPathComponent().appendingPathComponent(name)
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
        let temporary = temporaryPath(for: destination)
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
