/// `swan verify`: every PDF against the manifest, every attached session against its file name,
/// every file the manifest lists present, no file there that it does not list, and no file there
/// that the deletion log lists. Reads only; a killed run's journal is folded in in memory.
import Foundation
package import SwanDiagnostics
package import SwanSession

package struct ArchiveVerification: Sendable {
    /// Every problem, one per file, located at the file, sorted by file name.
    package var problems: [Diagnostic] = []
    /// PDFs checked against the manifest, and sessions checked against their names.
    package var files = 0, sessions = 0
    package var oldest: SessionDate?, newest: SessionDate?
}

package enum ArchiveVerifier {
    package static func verify(_ folder: ArchiveFolder) throws -> ArchiveVerification {
        var result = ArchiveVerification()
        let manifest: ArchiveManifest
        do {
            manifest = try ArchiveManifest.complete(folder, write: false)
        } catch let error as DiagnosticError {
            result.problems += error.diagnostics
            manifest = ArchiveManifest(exists: true)
        }
        let deleted = try DeletionLog.load(folder).files
        let entries = try folder.entries()
        let present = Set(entries.filter { $0.kind == .file }.map(\.name))
        func at(_ name: String) -> SourceLocation { SourceLocation(file: folder.file(name).relativePath) }

        if !manifest.exists && manifest.entries.isEmpty && !present.isEmpty {  // a killed first run's journal counts
            result.problems.append(.error(ArchiveCode.noManifest, at: SourceLocation(file: folder.file(ArchiveFolder.manifestName).relativePath)))
        }
        for entry in entries where manifest.entries[entry.name] == nil || entry.kind != .file {
            let code: ArchiveCode = deleted.contains(entry.name) ? .deletedPresent : entry.kind == .file ? .unknownFile : .notPlainFile
            result.problems.append(.error(code, at: at(entry.name)))
        }
        let names = Set(entries.map(\.name))
        for name in manifest.entries.keys.sorted() where !names.contains(name) && !deleted.contains(name) {
            result.problems.append(.error(ArchiveCode.missingFile, at: at(name)))
        }
        let listed = manifest.entries.keys.filter { present.contains($0) }.sorted()
        let checked = listed.concurrentMap(width: Workplace.processorCount) { name -> Result<ArchivedRecord, DiagnosticError> in
            do { return .success(try ArchivedRecord.read(name, in: folder)) } catch let error as DiagnosticError {
                return .failure(error)
            } catch {
                return .failure(DiagnosticError(Diagnostic.all(from: error)))
            }
        }
        for (name, outcome) in zip(listed, checked) {
            if deleted.contains(name) { result.problems.append(.error(ArchiveCode.deletedPresent, at: at(name))) }
            switch outcome {
            case .success(let record):
                result.files += 1
                if record.sha256 != manifest.entries[name] {
                    result.problems.append(.error(ArchiveCode.changedFile, at: at(name)))
                    continue
                }
                result.sessions += 1
                let date = record.sessionDate
                result.oldest = min(result.oldest ?? date, date)
                result.newest = max(result.newest ?? date, date)
            case .failure(let error):
                result.files += 1
                // A file whose bytes differ from the manifest is reported as changed, whatever else.
                if let bytes = ArchivedRecord.readFile(folder.file(name)), ArchiveFolder.sha256(bytes) != manifest.entries[name] {
                    result.problems.append(.error(ArchiveCode.changedFile, at: at(name)))
                } else {
                    result.problems += error.diagnostics
                }
            }
        }
        result.problems.sort { ($0.location?.file ?? "") < ($1.location?.file ?? "") }
        return result
    }
}
