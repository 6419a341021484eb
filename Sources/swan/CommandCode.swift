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
    case checkLaidOut = "command.check-laid-out"
    case wrote = "command.wrote"
    case wroteImages = "command.wrote-images"
    case nothingWritten = "command.nothing-written"
    case screenNeedsFile = "command.screen-needs-file"
    case unknownCommand = "command.unknown-command"
    case unknownCommandSuggestion = "command.unknown-command-suggestion"
    case notFound = "command.not-found"
    case notADeck = "command.not-a-deck"
    case sessionValid = "command.session-valid"
    case sessionSummary = "command.session-summary"
    case watching = "command.watching"
    case keptLastGood = "command.kept-last-good"
    case settleRange = "command.settle-range"
    case watchNeedsFile = "command.watch-needs-file"
    case interrupted = "command.interrupted"
}
