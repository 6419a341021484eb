import SwanDiagnostics

/// Errors of the engine, worded for the person who runs the tool.
public enum EngineError: Error, CustomStringConvertible, Equatable {
    case fontMissing(String)
    case fontUnreadable(String)
    case hyphenationDictionaryMissing([String])
    case cairo(String)
    case output(path: String, reason: String)
    case pdfPostProcessing(reason: String)
    case pdfWriter(String)

    public var description: String {
        switch self {
        case .fontMissing(let path): "font file not found: \(path)"
        case .fontUnreadable(let path): "font file could not be read as a font: \(path)"
        case .hyphenationDictionaryMissing(let tried):
            "hyphenation dictionary not found; tried \(tried.prefix(4).joined(separator: ", ")) (install hyphen-nl, or hyphen-LANG for another language, or set SWAN_HYPHEN_DICT)"
        case .cairo(let message): "cairo: \(message)"
        case .output(let path, let reason): "\(path): cannot write: \(reason)"
        case .pdfPostProcessing(let reason): "PDF post-processing failed: \(reason)"
        case .pdfWriter(let message): "PDF writer: \(message)"
        }
    }
}

extension EngineError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [.worded(.error, description)] }
}
