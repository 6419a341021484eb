import SwanDocuments
import SwanEngine

/// The forms rendered by the default run (filled in when the forms land).
enum FormsInDefaultRun {
    static let documents: [(String, (DocumentContext) throws -> Document)] = []
}
