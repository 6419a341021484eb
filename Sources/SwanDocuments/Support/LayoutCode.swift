import SwanDiagnostics

/// The codes of the problems found while laying out documents.
/// Their wording is in Messages/en.txt and Messages/nl.txt.
public enum LayoutCode: String, DiagnosticCode {
    case overflow = "layout.overflow"
    case bandOverflow = "layout.band-overflow"
    case missingGlyph = "layout.missing-glyph"
    case unknownFilledSection = "layout.unknown-filled-section"
    case subjectCard = "layout.subject-card"
    case subjectCardBand = "layout.subject-card-band"
    case subjectField = "layout.subject-field"
    case subjectFilledMap = "layout.subject-filled-map"
    case sideFront = "layout.side-front"
    case sideBack = "layout.side-back"
    case noSuchInput = "layout.no-such-input"
    // Relations between layout values (LayoutRelations).
    case marginsTooWide = "layout.margins-too-wide"
    case marginsTooHigh = "layout.margins-too-high"
    case lineSpacingOrder = "layout.line-spacing-order"
    case safeMarginTooWide = "layout.safe-margin-too-wide"
    case bandTooHigh = "layout.band-too-high"
    case cornerRadiusTooLarge = "layout.corner-radius-too-large"
    case cardOffA4 = "layout.card-off-a4"
    case cardOffPaper = "layout.card-off-paper"
    case screenMarginsTooLarge = "layout.screen-margins-too-large"
    case fontFileMissing = "layout.font-file-missing"
    case printProfileMissing = "layout.print-profile-missing"
    case fontFileWhere = "layout.font-file-where"
    case filledNoSection = "layout.filled-no-section"
    case filledNoSupportCard = "layout.filled-no-support-card"
    // Documents that cannot be laid out as the deck asks.
    case fillableFieldUnplaced = "layout.fillable-field-unplaced"
    case fillableListLineBreak = "layout.fillable-list-line-break"
    case fillableChosenWithoutLevel = "layout.fillable-chosen-without-level"
    case fillableFieldName = "layout.fillable-field-name"
    case noOverview = "layout.no-overview"
    case overzichtPastMargin = "layout.overzicht-past-margin"
    case tooManyLines = "layout.too-many-lines"
    case screenTableScale = "layout.screen-table-scale"
    case screenCaptionLines = "layout.screen-caption-lines"
    case screenHeaderLine = "layout.screen-header-line"
}
