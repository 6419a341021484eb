import SwanDiagnostics

/// The codes of the problems found while laying out documents.
/// Their wording is in Messages/en.txt and Messages/nl.txt.
public enum LayoutCode: String, DiagnosticCode {
    case overflow = "layout.overflow"
    case bandOverflow = "layout.band-overflow"
    case missingGlyph = "layout.missing-glyph"
    case unknownFilledSection = "layout.unknown-filled-section"
    case worded = "layout.worded"
    case subjectCard = "layout.subject-card"
    case subjectCardBand = "layout.subject-card-band"
    case subjectField = "layout.subject-field"
    case subjectFilledMap = "layout.subject-filled-map"
    case sideFront = "layout.side-front"
    case sideBack = "layout.side-back"
    case noSuchInput = "layout.no-such-input"
}
