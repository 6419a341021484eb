/// Group commit of the folder fsync after a rename (issue 18). On ext4 the journal serializes
/// fsyncs, so one folder fsync per document made `swan archive` wait on the disk whatever --jobs.
/// A writer asks for "a folder fsync that started after my rename": if one is running it waits
/// for the next, and one fsync covers every rename made before it started. Every writer covered
/// by a failed fsync gets its error. A single write makes the same one fsync as before.
/// The file's own fsync (before its rename) stays per file, in TemporaryFile.finish.
import Foundation

/// Unchecked, one of the three left: `folders` is only touched holding `condition`, which a
/// caller waits on (a LockedBox has no condition to wait for).
final class FolderCommit: @unchecked Sendable {
    static let shared = FolderCommit(fsync: FaultInjection.folderFsync)

    private struct Folder {
        var started = 0        // fsyncs started on this folder
        var finished = 0       // fsyncs returned
        var running = false
        var failure: (generation: Int, code: Int32)?
        var waiting = 0
    }
    private var folders: [String: Folder] = [:]
    private let condition = NSCondition()
    private let fsync: (Int32) -> Int32

    /// `fsync` is the call to make (tests pass a fake one); it returns 0 or -1 with errno set.
    init(fsync: @escaping (Int32) -> Int32) { self.fsync = fsync }

    /// Returns once a folder fsync that started after this call has returned: 0, or its errno.
    func sync(_ folder: String) -> Int32 {
        condition.lock()
        defer { condition.unlock() }
        if folders[folder] == nil { folders[folder] = Folder() }
        let target = folders[folder]!.started + 1
        folders[folder]!.waiting += 1
        while folders[folder]!.finished < target {
            if !folders[folder]!.running {
                folders[folder]!.running = true
                folders[folder]!.started += 1
                let generation = folders[folder]!.started
                condition.unlock()
                let code = syncNow(folder)
                condition.lock()
                folders[folder]!.running = false
                folders[folder]!.finished = generation
                if code != 0 { folders[folder]!.failure = (generation, code) }
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        folders[folder]!.waiting -= 1
        let failure = folders[folder]!.failure.flatMap { $0.generation >= target ? $0.code : nil }
        if folders[folder]!.waiting == 0 && !folders[folder]!.running { folders[folder] = nil }
        return failure ?? 0
    }

    /// Writers waiting on `folder` right now (for the tests).
    func waiters(_ folder: String) -> Int {
        condition.lock(); defer { condition.unlock() }
        return folders[folder]?.waiting ?? 0
    }

    /// One fsync of the folder. A folder that cannot be opened is skipped as before; EINVAL means
    /// the file system does not sync folders at all.
    private func syncNow(_ folder: String) -> Int32 {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        if fsync(fd) == 0 { return 0 }
        return errno == EINVAL ? 0 : errno
    }
}
