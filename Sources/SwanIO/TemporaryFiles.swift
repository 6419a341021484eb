/// Names of temporary files, and the removal of those a killed run left behind.
import Foundation

enum TemporaryFiles {
    /// `.<name>.swan-<pid>-<random>.tmp`: hidden, beside the destination, recognisable later.
    static func name(for destination: String) -> String {
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return ".\(destination).swan-\(getpid())-\(String(repeating: "0", count: 8 - random.count))\(random).tmp"
    }

    /// Ours (`.x.pdf.swan-123-0a1b2c3d.tmp`) and the earlier scheme's (`.x.pdf.123-0A1B2C3D.tmp`).
    private static let pattern = try! NSRegularExpression(pattern: #"^\..+\.(?:swan-)?([0-9]+)-[0-9A-Fa-f]{8}\.tmp$"#)

    /// A leftover is older than this or belongs to a process that is gone, and nobody holds its lock.
    static let minimumAge: TimeInterval = 60

    private static let cleared = ClearedFolders()

    /// Removes leftovers in `folder`, once per folder per process. A file another run is still
    /// writing is locked (and its process alive): it stays.
    static func clearLeftovers(in folder: String) {
        let folder = folder.isEmpty ? "." : folder
        guard cleared.firstVisit(folder), let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Date().timeIntervalSince1970
        // The regular expression (and ICU behind it) only for names that may be leftovers.
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let range = NSRange(name.startIndex..., in: name)
            guard let match = pattern.firstMatch(in: name, range: range),
                  let pidRange = Range(match.range(at: 1), in: name), let pid = Int32(name[pidRange]) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let processGone = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
            let old = now - Double(info.st_mtim.tv_sec) > minimumAge
            guard processGone || old else { continue }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
            close(fd)
        }
    }
}

private final class ClearedFolders: @unchecked Sendable {  // `folders` behind `lock`
    private var folders = Set<String>()
    private let lock = NSLock()
    func firstVisit(_ folder: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return folders.insert(folder).inserted
    }
}
