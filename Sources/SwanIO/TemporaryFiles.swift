/// Names of temporary files, and the removal of those a killed run left behind.
import Foundation
import SwanDiagnostics

/// What swan writes besides its outputs carries this prefix, and only names of the exact form
/// below (with a process id and 8 hex digits) are ever removed as leftovers, and only when the
/// running user owns them: a look-alike of someone else's (`.notities.txt.1-DEADBEEF.tmp`,
/// `.swan-tmp-notes`) is never touched.
enum SwanNames {
    static let prefix = ".swan-"

    /// `<prefix><kind>-<pid>-<8 hex digits>`, the part every leftover name starts with.
    static func stem(_ kind: String) -> String {
        "\(prefix)\(kind)-\(getpid())-\(String(format: "%08x", UInt32.random(in: 0...UInt32.max)))"
    }

    /// The process id in a name `<prefix><kind>-<pid>-<8 hex digits>[<rest>]`, nil for any other name.
    static func processID(in name: String, kind: String, restAllowed: Bool) -> Int32? {
        let head = prefix + kind + "-"
        guard name.hasPrefix(head) else { return nil }
        let tail = name.utf8.dropFirst(head.utf8.count)
        let digits = tail.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let afterDigits = tail.dropFirst(digits.count)
        guard (1...10).contains(digits.count), afterDigits.first == UInt8(ascii: "-") else { return nil }
        let hex = afterDigits.dropFirst().prefix(8)
        guard hex.count == 8, hex.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) })
        else { return nil }
        let rest = afterDigits.dropFirst(9)
        guard rest.isEmpty || (restAllowed && rest.first == UInt8(ascii: ".")) else { return nil }
        return Int32(String(decoding: digits, as: UTF8.self))
    }

    /// The running user owns the entry (lstat: a link is judged by itself).
    static func ownedByUs(_ info: stat) -> Bool { info.st_uid == geteuid() }

    /// The process that wrote it is gone (not this process, and no process of that id).
    static func processGone(_ pid: Int32) -> Bool { pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH }
}

package enum TemporaryFiles {
    static let kind = "tmp"

    /// Whether `name` has the form `name(for:)` gives: a file being written, or one a killed run
    /// left, which the next write into its folder removes.
    package static func isTemporaryName(_ name: String) -> Bool {
        SwanNames.processID(in: name, kind: kind, restAllowed: true) != nil
    }

    /// `.swan-tmp-<pid>-<random>.<name>`: hidden, beside the destination, recognisable later by
    /// its prefix; the destination's name (shortened to fit a file name) only for a person reading.
    static func name(for destination: String) -> String {
        var shown = ""
        for character in destination {
            if shown.utf8.count + String(character).utf8.count > 200 { break }
            shown.append(character)
        }
        return SwanNames.stem(kind) + "." + shown
    }

    /// A leftover is older than this or belongs to a process that is gone, and nobody holds its lock.
    static let minimumAge: TimeInterval = 60

    private static let cleared = ClearedFolders()

    /// Removes leftovers in `folder`, once per folder per process: regular files named by
    /// `name(for:)`, owned by the running user. A file another run is still writing is locked
    /// (and its process alive): it stays.
    static func clearLeftovers(in folder: String) {
        let folder = folder.isEmpty ? "." : folder
        guard cleared.firstVisit(folder), let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Date().timeIntervalSince1970
        for name in names {
            guard let pid = SwanNames.processID(in: name, kind: kind, restAllowed: true) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, SwanNames.ownedByUs(info) else { continue }
            let old = now - Double(info.st_mtim.tv_sec) > minimumAge
            guard SwanNames.processGone(pid) || old else { continue }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
            close(fd)
        }
    }
}

private final class ClearedFolders: Sendable {
    private let folders = LockedBox(Set<String>())
    func firstVisit(_ folder: String) -> Bool {
        folders.withLockedValue { $0.insert(folder).inserted }
    }
}
