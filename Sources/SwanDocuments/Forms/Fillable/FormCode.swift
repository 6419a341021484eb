import SwanDiagnostics

/// The messages of reading a filled-in invulblad (swan import); worded in Messages/*.txt.
package enum FormCode: String, DiagnosticCode {
    case noFields = "form.import.no-fields"
    case notSwan = "form.import.not-swan"
    case otherDeck = "form.import.other-deck"
    case otherVersion = "form.import.other-version"
    case badDate = "form.import.bad-date"
    case impossibleDate = "form.import.impossible-date"
    case badOrder = "form.import.bad-order"
    case badState = "form.import.bad-state"
    case unanswered = "form.import.unanswered"
    case unreadable = "form.import.unreadable"
    case severalSessions = "form.import.several-sessions"
    case attachmentReplaced = "form.import.attachment-replaced"
    case archiveNameMismatch = "form.import.archive-name-mismatch"
    case badCheckbox = "form.import.bad-checkbox"
}
