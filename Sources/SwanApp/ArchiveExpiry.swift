/// `swan expire`: deletes the records whose term has ended, or the records named (erasure on
/// request), in an order a kill -9 at any point cannot break:
///
/// 1. a killed run's manifest journal is folded in, and every file the deletion log lists that
///    is there (a killed expire's, or one a restored backup brought back) is deleted again;
/// 2. the records to delete are chosen and each gets its line in the deletion log (fsync'ed);
/// 3. the files are deleted (unlink: whole or gone) and the folder is fsync'ed;
/// 4. the manifest is written without them (the one safe write path).
///
/// A run killed after 2 has logged its deletions: the next run finishes them in step 1.
/// Only records the manifest lists are deleted (swan wrote them here); with a term, only those
/// whose attached session matches their name (their dates are read from it). Anything else stays.
package import Foundation
package import SwanDiagnostics
import SwanIO
package import SwanSession

package enum ExpiryRequest: Sendable {
    /// Records whose term ended before `on`.
    case term(ArchiveTerm, on: SessionDate)
    /// The records with these ids (file names without `.pdf`).
    case ids([String])
}

package struct ExpiryOutcome: Sendable {
    /// Files the log already listed that were there and were deleted again (or would be).
    package var deletedAgain: [String] = []
    /// What was deleted (or would be), as logged.
    package var deleted: [DeletionLog.Line] = []
    /// Ids asked for that the log lists as deleted already.
    package var alreadyDeleted: [String] = []
    /// Records looked at and kept.
    package var kept = 0
    /// Files that could not be read: left alone.
    package var problems: [Diagnostic] = []
}

package enum ArchiveExpiry {
    /// `swan expire` on the archive folder at `url`: the folder checked, then `request` run
    /// while the archive's lock (the one `swan archive` holds) is held.
    package static func run(_ request: ExpiryRequest, inArchive url: URL, dryRun: Bool) throws -> ExpiryOutcome {
        let folder = ArchiveFolder(url)
        try folder.checkExists()
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        return try run(request, in: folder, dryRun: dryRun)
    }

    /// Runs `request` on `folder`; the caller holds the archive's lock. With `dryRun` nothing on
    /// disk changes. Throws (having deleted nothing of this request) when an id is not a record.
    package static func run(_ request: ExpiryRequest, in folder: ArchiveFolder, dryRun: Bool,
                           now: String = DeletionLog.timestamp()) throws -> ExpiryOutcome {
        var outcome = ExpiryOutcome()
        var manifest = try ArchiveManifest.complete(folder, write: !dryRun)
        // Only in an archive swan keeps: a folder without a manifest is not one (docs/archive.md).
        guard manifest.exists else {
            throw DiagnosticError([.error(ArchiveCode.notAnArchive, at: SourceLocation(file: folder.file(ArchiveFolder.manifestName).relativePath))])
        }
        let log = try DeletionLog.load(folder)
        let logged = log.files

        // 1. What the log lists goes, again.
        for name in logged.sorted() where folder.hasFileIfRegular(name) {
            if !dryRun { try FileRemoval.remove(folder.file(name)) }
            outcome.deletedAgain.append(name)
        }
        var manifestChanged = false
        for name in logged where manifest.entries.removeValue(forKey: name) != nil { manifestChanged = true }
        if !dryRun && !outcome.deletedAgain.isEmpty { try FileRemoval.sync(folder.url) }

        // 2. What this request deletes.
        let chosen: [DeletionLog.Line]
        switch request {
        case .term(let term, let day):
            // The records the manifest lists (swan wrote them here); anything else stays.
            let names = manifest.entries.keys.sorted().filter { ArchiveFolder.isRecordName($0) && folder.hasFileIfRegular($0) && !logged.contains($0) }
            let read = names.concurrentMap(width: Workplace.processorCount) { name -> Result<ArchivedRecord, DiagnosticError> in
                do { return .success(try ArchivedRecord.read(name, in: folder)) } catch let error as DiagnosticError {
                    return .failure(error)
                } catch { return .failure(DiagnosticError(Diagnostic.all(from: error))) }
            }
            var lines: [DeletionLog.Line] = []
            for result in read {
                switch result {
                case .success(let record):
                    if let latest = record.facts.latestDate, term.hasEnded(for: latest, on: day) {
                        lines.append(DeletionLog.Line(deletedAt: now, file: record.name, sessionDate: record.sessionDate,
                                                      sha256: record.sha256, reason: .term))
                    } else {
                        outcome.kept += 1
                    }
                case .failure(let error):
                    outcome.problems += error.diagnostics.map { var warning = $0; warning.severity = .warning; return warning }
                }
            }
            chosen = lines
        case .ids(let ids):
            var lines: [DeletionLog.Line] = [], errors: [Diagnostic] = []
            for id in ids {
                let name = id + ".pdf"
                if lines.contains(where: { $0.file == name }) { continue }
                guard folder.hasFileIfRegular(name), manifest.entries[name] != nil else {
                    if logged.contains(name) && !folder.hasFileIfRegular(name) {
                        outcome.alreadyDeleted.append(id)
                    } else if folder.hasFileIfRegular(name) {
                        errors.append(.error(ArchiveCode.notInManifest, at: SourceLocation(file: folder.file(name).relativePath)))
                    } else {
                        errors.append(.error(ArchiveCode.unknownID, ["id": "\(id)"], at: SourceLocation(file: folder.url.relativePath)))
                    }
                    continue
                }
                do {
                    let record = try ArchivedRecord.read(name, in: folder)
                    lines.append(DeletionLog.Line(deletedAt: now, file: name, sessionDate: record.sessionDate, sha256: record.sha256, reason: .request))
                } catch {
                    // A damaged record the manifest lists is still swan's record: erased all the same.
                    guard let bytes = ArchivedRecord.readFile(folder.file(name)),
                          let date = ArchiveFolder.date(ofID: id) else {
                        errors += Diagnostic.all(from: error)
                        continue
                    }
                    lines.append(DeletionLog.Line(deletedAt: now, file: name, sessionDate: date, sha256: ArchiveFolder.sha256(bytes), reason: .request))
                }
            }
            if !errors.isEmpty {
                if !dryRun && manifestChanged { try manifest.write(to: folder) }
                throw DiagnosticError(errors)
            }
            chosen = lines
        }
        outcome.deleted = chosen
        if dryRun { return outcome }

        // 3. Logged first, then deleted, then the manifest.
        try DeletionLog.append(chosen, to: folder)
        CrashPoint.here("expire-logged")
        for (index, line) in chosen.enumerated() {
            try FileRemoval.remove(folder.file(line.file))
            if index == 0 { CrashPoint.here("expire-removed-one") }
            if manifest.entries.removeValue(forKey: line.file) != nil { manifestChanged = true }
        }
        if !chosen.isEmpty { try FileRemoval.sync(folder.url) }
        CrashPoint.here("expire-removed")
        if manifestChanged { try manifest.write(to: folder) }
        return outcome
    }
}
