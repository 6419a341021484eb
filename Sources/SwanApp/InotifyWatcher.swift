#if canImport(Glibc)
package import Foundation
import Glibc

/// `swan watch` on Linux: the kernel reports every file closed after writing, renamed, created,
/// deleted or touched in the deck folder and its subfolders (folders made later are watched as
/// they appear), so a save is seen at once instead of at the next poll. Names starting with '.'
/// (editors' swap and temporary files, swan's own) are left out, as the polling snapshot does.
package final class InotifyWatcher: FolderWatcher {
    private let descriptor: Int32
    /// Watch descriptor -> the folder it watches.
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var failed = false

    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                       | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    package init?(_ folder: URL) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        guard watchTree(folder.path) else { close(descriptor); return nil }
    }

    deinit { close(descriptor) }

    package func waitForChange(settle: Double) -> Bool {
        // Until the first change that counts; then until `settle` seconds pass without another.
        var deadline: Double?
        while !failed {
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline - Self.now()
                if left <= 0 { return true }
                timeout = Int32((left * 1000).rounded(.up))
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, timeout)
            if ready < 0 && errno != EINTR { return false }
            if ready > 0 && readEvents() { deadline = Self.now() + settle }
        }
        return false
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Reads what the kernel has queued; true when one of the events is a change that counts.
    private func readEvents() -> Bool {
        var changed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event: wd, mask, cookie, len, then len bytes of name (NUL-padded).
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if changes(watch: watch, mask: mask, name: name) { changed = true }
            }
        }
        return changed
    }

    private func changes(watch: Int32, mask: UInt32, name: String) -> Bool {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch every folder again (new ones may be among them).
            for folder in Set(folders.values) where !watchTree(folder) { failed = true }
            return true
        }
        if mask & UInt32(IN_IGNORED) != 0 { folders[watch] = nil; return false }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return true }
        guard !name.hasPrefix("."), let folder = folders[watch] else { return false }
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !watchTree(folder + "/" + name) {
            failed = true
        }
        return true
    }

    /// Watches `root` and every folder under it (hidden ones left out), without recursion; false
    /// when the kernel refuses a watch (the per-user limit).
    private func watchTree(_ root: String) -> Bool {
        var pending = [root]
        while let folder = pending.popLast() {
            let watch = inotify_add_watch(descriptor, folder, Self.events)
            if watch < 0 {
                // A folder that went away meanwhile is no failure; the change is seen anyway.
                if errno == ENOENT || errno == ENOTDIR { continue }
                return false
            }
            folders[watch] = folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                var status = stat()
                let path = folder + "/" + name
                if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
            }
        }
        return true
    }
}
#endif
