/// A set of files that belong together (the default run's Output/): written whole or not at all.
/// Every file is first written into a staging folder inside the target folder (so on its file
/// system, whatever is mounted there; owner only), each through the safe write path; only when
/// all are there are they moved into place, one rename per entry, and a failed rename puts back
/// what was moved before it.
package import Foundation

package enum FileSet {
    /// Writes `files` (paths relative to `folder`, e.g. "x.pdf", "previews/01-a-front.png")
    /// into `folder`, creating it (not its parents) when missing. Entries of `folder` that are
    /// not in the set are left alone; a top-level subfolder in the set is replaced as a whole.
    /// No entry may be, or (a subfolder) hold, a file the run reads (OutputChecks.notAnInput).
    package static func write(_ files: [(path: String, data: Data)], into folder: URL) throws {
        let shown = folder.relativePath
        try OutputChecks.folder(folder.deletingLastPathComponent().path, for: shown)
        try OutputChecks.destinationFolder(folder)
        let entries = Array(Set(files.map { topLevel($0.path) })).sorted()
        for entry in entries {
            let target = folder.appendingPathComponent(entry)
            if files.contains(where: { $0.path != entry && topLevel($0.path) == entry }) {
                try OutputChecks.noInput(under: target, shownAs: target.relativePath)
            } else {
                try OutputChecks.destination(target.path, shownAs: target.relativePath)
                try OutputChecks.notAnInput(target.path, shownAs: target.relativePath)
            }
        }
        let created = mkdir(folder.path, 0o777) == 0
        guard created || errno == EEXIST else { throw FileError.system(.write, shown) }
        do {
            try stageAndSwap(files, entries: entries, into: folder)
        } catch {
            // A folder this run made and filled with nothing goes again (rmdir: only when empty).
            if created { rmdir(folder.path) }
            throw error
        }
    }

    private static func stageAndSwap(_ files: [(path: String, data: Data)], entries: [String], into folder: URL) throws {
        let shown = folder.relativePath
        StagingFolders.clearLeftovers(in: folder.path)
        let stage = try StagingFolders.make(in: folder)
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

/// `.swan-stage-<pid>-<random>` inside the target folder (its own file system: a USB stick
/// mounted there stages on the stick); a killed run's is removed by the next run writing there
/// once its process is gone, and only when the running user owns it.
enum StagingFolders {
    static let kind = "stage"

    static func make(in folder: URL) throws -> URL {
        let stage = folder.appendingPathComponent(SwanNames.stem(kind))
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

    static func clearLeftovers(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names {
            guard let pid = SwanNames.processID(in: name, kind: kind, restAllowed: false), SwanNames.processGone(pid) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, SwanNames.ownedByUs(info) else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
