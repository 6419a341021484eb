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
    case pdfUnreadableAt = "engine.pdf-unreadable-at"
    case pdfEmpty = "engine.pdf-empty"
    case pdfObjectStreamTooLarge = "engine.pdf-object-stream-too-large"
    case pdfObjectStreamNested = "engine.pdf-object-stream-nested"
    case pdfDecodedTooMuch = "engine.pdf-decoded-too-much"
    case pdfAttachmentTooLarge = "engine.pdf-attachment-too-large"
    case pdfAttachmentUndecodable = "engine.pdf-attachment-undecodable"
    case pdfAttachmentMissing = "engine.pdf-attachment-missing"
    case pdfAttachmentSizeMismatch = "engine.pdf-attachment-size-mismatch"
    case pdfTooManyAttachments = "engine.pdf-too-many-attachments"
    case pdfFieldsTooDeep = "engine.pdf-fields-too-deep"
    case pdfTooManyFields = "engine.pdf-too-many-fields"
    case pdfFieldNameTooLong = "engine.pdf-field-name-too-long"
    case pdfFieldTextTooLarge = "engine.pdf-field-text-too-large"
    case invalidColour = "engine.invalid-colour"
}
