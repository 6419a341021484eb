package import Foundation

/// Waits for changes in a deck folder tree. One call returns when something in the tree changed
/// and the tree has then been quiet for `settle` seconds, so an editor's save burst (a temporary
/// file written, then renamed over the original) is one change. It returns false when the watcher
/// stopped working (the caller then renders once and falls back to polling).
package protocol FolderWatcher: AnyObject {
    func waitForChange(settle: Double) -> Bool
}

package enum FolderWatchers {
    /// The kernel's file notifications where there are any (inotify on Linux); polling elsewhere
    /// or when they cannot be had (the instance or watch limit reached).
    package static func make(_ folder: URL) -> FolderWatcher {
        #if canImport(Glibc)
        if let watcher = InotifyWatcher(folder) { return watcher }
        #endif
        return PollingWatcher(folder)
    }
}

/// The fallback: compares snapshots of the tree (sizes and modification times) every tenth of a
/// second; a change counts once a snapshot equals the one before it.
package final class PollingWatcher: FolderWatcher {
    private let folder: URL
    private var seen: FolderSnapshot
    package static let interval = 0.1

    package init(_ folder: URL) {
        self.folder = folder
        seen = FolderSnapshot(folder)
    }

    package func waitForChange(settle: Double) -> Bool {
        var now = seen
        while now == seen {
            Thread.sleep(forTimeInterval: Self.interval)
            now = FolderSnapshot(folder)
        }
        var quietSince = Date()
        while Date().timeIntervalSince(quietSince) < max(settle, Self.interval) {
            Thread.sleep(forTimeInterval: Self.interval / 2)
            let later = FolderSnapshot(folder)
            if later != now { now = later; quietSince = Date() }
        }
        seen = now
        return true
    }
}

/// The files of a folder (recursively, hidden names left out) with their sizes and modification
/// times, from `lstat` (no owner look-ups).
struct FolderSnapshot: Equatable {
    private var entries: [String: [Double]] = [:]

    init(_ folder: URL) {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
        for case let path as String in walker where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var status = stat()
            guard lstat(folder.appendingPathComponent(path).path, &status) == 0 else { continue }
            #if canImport(Darwin)
            let time = status.st_mtimespec
            #else
            let time = status.st_mtim
            #endif
            let modified = Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
            entries[path] = [modified, Double(status.st_size)]
        }
    }
}
