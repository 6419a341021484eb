import SwanDiagnostics

/// The codes of the engine's problems: fonts, hyphenation, drawing, writing files.
/// Their wording is in Messages/en.txt and Messages/nl.txt.
public enum EngineCode: String, DiagnosticCode {
    case fontMissing = "engine.font-missing"
    case fontUnreadable = "engine.font-unreadable"
    case hyphenationDictionaryMissing = "engine.hyphenation-dictionary-missing"
    case notHyphenated = "engine.not-hyphenated"
    case cairo = "engine.cairo"
    case cannotWrite = "engine.cannot-write"
    case postProcessing = "engine.post-processing"
    case pdfWriter = "engine.pdf-writer"
    case pdfReading = "engine.pdf-reading"
    case invalidColour = "engine.invalid-colour"
}
