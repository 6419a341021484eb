/// A set of files that belong together (the default run's Output/): written whole or not at all.
/// Every file is first written into a staging folder beside the target folder (same disk, owner
/// only), each through the safe write path; only when all are there are they moved into place,
/// one rename per entry, and a failed rename puts back what was moved before it.
import Foundation

public enum FileSet {
    /// Writes `files` (paths relative to `folder`, e.g. "x.pdf", "previews/01-a-front.png")
    /// into `folder`, creating it (not its parents) when missing. Entries of `folder` that are
    /// not in the set are left alone; a top-level subfolder in the set is replaced as a whole.
    public static func write(_ files: [(path: String, data: Data)], into folder: URL) throws {
        let shown = folder.relativePath
        let parent = folder.deletingLastPathComponent()
        try OutputChecks.folder(parent.path, for: shown)
        try OutputChecks.destinationFolder(folder)
        StagingFolders.clearLeftovers(in: parent.path)
        let entries = Array(Set(files.map { topLevel($0.path) })).sorted()
        for entry in entries where !files.contains(where: { $0.path != entry && topLevel($0.path) == entry }) {
            try OutputChecks.destination(folder.appendingPathComponent(entry).path, shownAs: folder.appendingPathComponent(entry).relativePath)
        }
        let stage = try StagingFolders.make(beside: folder)
        defer { StagingFolders.remove(stage) }
        let fresh = stage.appendingPathComponent("new"), old = stage.appendingPathComponent("old")
        for path in [fresh, old] where mkdir(path.path, 0o700) != 0 { throw FileError.system(.write, shown) }
        for file in files {
            let target = fresh.appendingPathComponent(file.path)
            let subfolder = target.deletingLastPathComponent()
            if subfolder.path != fresh.path && !FileManager.default.fileExists(atPath: subfolder.path) {
                try AtomicFile.makeFolder(subfolder)
            }
            do { try AtomicFile.write(file.data, to: target) } catch var error as FileError {
                error.path = folder.appendingPathComponent(file.path).relativePath
                throw error
            }
        }
        if !FileManager.default.fileExists(atPath: folder.path) {
            guard mkdir(folder.path, 0o777) == 0 || errno == EEXIST else { throw FileError.system(.write, shown) }
        }
        // An interruption waits for the moves to finish (AtomicFile.stopWriting).
        guard PendingFiles.shared.begin() else { throw FileError(.write, shown, .interrupted) }
        defer { PendingFiles.shared.end() }
        try swap(entries, from: fresh, into: folder, keepingOldIn: old)
        // The set is in place by now; a failed folder fsync is not reported (as before).
        _ = FolderCommit.shared.sync(folder.path)
    }

    /// Moves each staged entry into place, the entry it replaces aside first; on a failure every
    /// move made so far is undone, so `folder` holds the old set.
    private static func swap(_ entries: [String], from fresh: URL, into folder: URL, keepingOldIn old: URL) throws {
        var done: [(entry: String, hadOld: Bool)] = []
        func undo() {
            for step in done.reversed() {
                let target = folder.appendingPathComponent(step.entry).path
                if step.hadOld {
                    if (try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType) == .typeDirectory {
                        _ = rename(target, fresh.appendingPathComponent(step.entry).path)
                    }
                    _ = rename(old.appendingPathComponent(step.entry).path, target)
                } else {
                    _ = rename(target, fresh.appendingPathComponent(step.entry).path)
                }
            }
        }
        for entry in entries {
            let target = folder.appendingPathComponent(entry)
            var info = stat()
            let hadOld = lstat(target.path, &info) == 0
            // A file keeps its name throughout: a second link holds the old one for an undo, and
            // rename replaces it in one step. A folder cannot be replaced so: it is moved aside.
            let keptAside = hadOld && (info.st_mode & S_IFMT) == S_IFREG && link(target.path, old.appendingPathComponent(entry).path) == 0
            if hadOld && !keptAside && rename(target.path, old.appendingPathComponent(entry).path) != 0 {
                let error = FileError.system(.write, target.relativePath)
                undo()
                throw error
            }
            if FaultInjection.rename(fresh.appendingPathComponent(entry).path, target.path) != 0 {
                let error = FileError.system(.write, target.relativePath)
                if hadOld { _ = rename(old.appendingPathComponent(entry).path, target.path) }
                undo()
                throw error
            }
            done.append((entry, hadOld))
        }
    }

    private static func topLevel(_ path: String) -> String {
        String(path.split(separator: "/", maxSplits: 1).first ?? Substring(path))
    }
}

/// `.<folder>.swan-stage-<pid>-<random>` beside the target folder; a killed run's is removed by
/// the next run once its process is gone.
enum StagingFolders {
    static func make(beside folder: URL) throws -> URL {
        let random = String(format: "%08x", UInt32.random(in: 0...UInt32.max))
        let stage = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(folder.lastPathComponent).swan-stage-\(getpid())-\(random)")
        guard PendingFiles.shared.begin() else { throw FileError(.write, folder.relativePath, .interrupted) }
        defer { PendingFiles.shared.end() }
        guard mkdir(stage.path, 0o700) == 0 else { throw FileError.system(.write, folder.relativePath) }
        PendingFiles.shared.addFolder(stage.path)
        return stage
    }

    static func remove(_ stage: URL) {
        try? FileManager.default.removeItem(at: stage)
        PendingFiles.shared.removeFolder(stage.path)
    }

    private static let pattern = try! NSRegularExpression(pattern: #"^\..+\.swan-stage-([0-9]+)-[0-9a-f]{8}$"#)

    static func clearLeftovers(in parent: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent) else { return }
        for name in names where name.hasPrefix(".") && name.contains(".swan-stage-") {
            guard let match = pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)),
                  let range = Range(match.range(at: 1), in: name), let pid = Int32(name[range]),
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
        }
    }
}
