import Foundation

/// Reads a session file and validates it completely: every problem in the file is reported
/// at once, each with its JSON path, line and column.
public enum SessionDecoder {
    /// Decodes and validates `data` (UTF-8 JSON). `source` names the file in error messages.
    /// Throws `SessionErrors` listing every problem, in file order.
    public static func decode(_ data: Data, source: String, vocabulary: SessionVocabulary) throws -> Session {
        let bytes = [UInt8](data)
        let encodingProblems = UTF8Validation.problems(in: bytes)
        if !encodingProblems.isEmpty {
            throw SessionErrors(encodingProblems.map {
                SessionError(kind: .invalidUTF8, source: source, path: "$", message: $0.message,
                             location: TextPosition.of(offset: $0.offset, in: bytes))
            })
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch let syntax as JSONParser.SyntaxError {
            throw SessionErrors([SessionError(kind: .malformedJSON, source: source, path: syntax.path.description,
                                              message: "malformed JSON: " + syntax.message,
                                              location: TextPosition.of(offset: syntax.offset, in: bytes))])
        }
        let validator = SessionValidator(source: source, bytes: bytes, vocabulary: vocabulary)
        let session = validator.session(from: root)
        let errors = validator.sortedErrors()
        guard errors.isEmpty, let session else {
            throw SessionErrors(errors)
        }
        return session
    }
}
