import SwanDiagnostics

/// The codes of what the swan command itself says: summaries, and mistakes in its options.
/// Their wording is in Messages/en.txt and Messages/nl.txt.
public enum CommandCode: String, DiagnosticCode {
    case checkSummary = "command.check-summary"
    case checkRound = "command.check-round"
    case renderedAll = "command.rendered-all"
    case archiveSummary = "command.archive-summary"
    case archiveRendered = "command.archive-rendered"
    case archiveKept = "command.archive-kept"
    case archiveNeedsInput = "command.archive-needs-input"
    case jobsAtLeastOne = "command.jobs-at-least-one"
    case bleedRange = "command.bleed-range"
    case unknownCards = "command.unknown-cards"
}
