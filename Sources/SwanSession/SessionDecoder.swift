package import Foundation
import SwanDiagnostics

/// Reads a session file and validates it completely: every problem in the file is reported
/// at once, each with its JSON path, line and column.
package enum SessionDecoder {
    /// Decodes and validates `data` (UTF-8 JSON). `source` names the file in error messages.
    /// Throws a `DiagnosticError` listing every problem, in file order, each located by line,
    /// column and JSON path.
    package static func decode(_ data: Data, source: String, vocabulary: SessionVocabulary) throws -> Session {
        let bytes = [UInt8](data)
        let root = try parse(bytes, source: source)
        let validator = SessionValidator(source: source, bytes: bytes, vocabulary: vocabulary)
        let session = validator.session(from: root)
        let errors = validator.sortedErrors()
        guard errors.isEmpty, let session else {
            throw DiagnosticError(errors)
        }
        return session
    }

    /// The JSON tree of `bytes`, or the encoding or syntax errors, located.
    static func parse(_ bytes: [UInt8], source: String) throws -> JSONNode {
        let encodingProblems = UTF8Validation.problems(in: bytes)
        if !encodingProblems.isEmpty {
            let positions = TextPosition.of(sortedOffsets: encodingProblems.map(\.offset), in: bytes)
            throw DiagnosticError(zip(encodingProblems, positions).map { problem, position in
                Diagnostic(.error, problem.message, at: position.location(in: source, path: "$"),
                           hints: [Message(SessionCode.saveAsUtf8)])
            })
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch let syntax as JSONParser.SyntaxError {
            let position = TextPosition.of(offset: syntax.offset, in: bytes)
            throw DiagnosticError([Diagnostic(.error, syntax.message, at: position.location(in: source, path: syntax.path.description))])
        }
        return root
    }
}
