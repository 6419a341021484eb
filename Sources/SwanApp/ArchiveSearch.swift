/// `swan find`: the archive's records whose session mentions every text asked for, in any field
/// (each text in some field; case and accents ignored). Only file names and dates come out.
import Foundation
package import SwanDiagnostics
import SwanSession

package struct ArchiveMatch: Sendable, Equatable, Encodable {
    /// The archive file's name without `.pdf`, as `swan expire --id` takes it.
    package var id: String
    package var file: String
    /// The session's `datum`, and the evaluation's date when there is one.
    package var datum: String
    package var evaluatie: String?
}

package enum ArchiveSearch {
    /// Every record in `folder` (a PDF with a record's name) whose session mentions all of
    /// `texts`, sorted by name; `problems` hears of each file that could not be read.
    package static func find(_ texts: [String], in folder: ArchiveFolder) throws -> (matches: [ArchiveMatch], problems: [Diagnostic]) {
        let wanted = texts.map(SearchText.init)
        let names = try folder.entries().filter { $0.kind == .file && ArchiveFolder.isRecordName($0.name) }.map(\.name)
        let outcomes = names.concurrentMap(width: Workplace.processorCount) { name -> Result<ArchiveMatch?, DiagnosticError> in
            do {
                let record = try ArchivedRecord.read(name, in: folder)
                // Fields apart by a line break, which no folded search text holds: a match lies in one field.
                let fields = record.facts.texts.map(SearchText.fold).joined(separator: "\n")
                let mentioned = wanted.allSatisfy { !$0.folded.isEmpty && fields.contains($0.folded) }
                guard mentioned else { return .success(nil) }
                return .success(ArchiveMatch(id: record.id, file: name, datum: "\(record.sessionDate)",
                                             evaluatie: record.facts.evaluatieDatum.map { "\($0)" }))
            } catch let error as DiagnosticError {
                return .failure(error)
            } catch {
                return .failure(DiagnosticError(Diagnostic.all(from: error)))
            }
        }
        var matches: [ArchiveMatch] = [], problems: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let match): if let match { matches.append(match) }
            case .failure(let error): problems += error.diagnostics
            }
        }
        return (matches, problems)
    }
}
