import SwanDocuments
import SwanEngine

/// The forms rendered by the default run, by output file.
enum FormsInDefaultRun {
    static let documents: [(String, @Sendable (DocumentContext, Diagnostics) throws -> Document)] = [
        (OutputNames.invulblad, { try InvulbladDocument.blank($0, diagnostics: $1) }),
        (OutputNames.checklist, { try ChecklistDocument.make($0, diagnostics: $1) }),
        (OutputNames.handleiding, { try HandleidingDocument.make($0, diagnostics: $1) }),
    ]
}
