package import SwanDiagnostics

/// Errors of the engine, typed for callers; worded for the person who runs the tool by the
/// message catalogues (EngineCode).
package enum EngineError: Error, CustomStringConvertible, Equatable {
    case fontMissing(String)
    case fontUnreadable(String)
    case hyphenationDictionaryMissing([String])
    case cairo(String)
    case output(path: String, reason: String)
    case pdfPostProcessing(reason: String)
    /// A problem worded by its code alone (the wording is in the catalogues, never here).
    case coded(EngineCode, [String: MessageArgument])
    case pdfReading(reason: String)

    package var message: Message {
        switch self {
        case .fontMissing(let path): Message(EngineCode.fontMissing, ["path": "\(path)"])
        case .fontUnreadable(let path): Message(EngineCode.fontUnreadable, ["path": "\(path)"])
        case .hyphenationDictionaryMissing(let tried):
            Message(EngineCode.hyphenationDictionaryMissing, ["tried": "\(tried.prefix(4).joined(separator: ", "))"])
        case .cairo(let message): Message(EngineCode.cairo, ["message": "\(message)"])
        case .output(let path, let reason): Message(EngineCode.cannotWrite, ["path": "\(path)", "reason": "\(reason)"])
        case .pdfPostProcessing(let reason): Message(EngineCode.postProcessing, ["reason": "\(reason)"])
        case .coded(let code, let arguments): Message(code, arguments)
        case .pdfReading(let reason): Message(EngineCode.pdfReading, ["reason": "\(reason)"])
        }
    }

    /// The message in the user's language.
    package var description: String { Catalogue.current.text(message) }
}

extension EngineError: DiagnosticConvertible {
    package var diagnostics: [Diagnostic] { [Diagnostic(.error, message)] }
}
