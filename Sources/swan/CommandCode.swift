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
    case archiveKeptSummary = "command.archive-kept-summary"
    case archiveOutputNotStandardOutput = "command.archive-output-not-standard-output"
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

/// ArgumentParser's own error messages and the lines around them, recognised by their fixed form
/// and worded in the user's language (ArgumentErrors).
public enum ArgumentCode: String, DiagnosticCode {
    case usage = "argument.usage"
    case help = "argument.help"
    case seeHelp = "argument.see-help"
    case missingArgument = "argument.missing-argument"
    case missingOneOf = "argument.missing-one-of"
    case unknownOption = "argument.unknown-option"
    case unknownOptionSuggestion = "argument.unknown-option-suggestion"
    case missingValue = "argument.missing-value"
    case noValueTaken = "argument.no-value-taken"
    case unexpectedArgument = "argument.unexpected-argument"
    case unexpectedArguments = "argument.unexpected-arguments"
    case invalidValue = "argument.invalid-value"
    case invalidValueChoices = "argument.invalid-value-choices"
    case invalidValueListed = "argument.invalid-value-listed"
}

/// The help texts of the commands and options (`swan --help`), in the user's language; the
/// headings ArgumentParser adds itself (USAGE, OPTIONS) cannot be changed and stay English.
public enum HelpCode: String, DiagnosticCode {
    case swanAbstract = "help.swan"
    case swanDiscussion = "help.swan-discussion"
    case allAbstract = "help.all"
    case allOutput = "help.all-output"
    case checkAbstract = "help.check"
    case checkDiscussion = "help.check-discussion"
    case checkPaths = "help.check-paths"
    case checkTemplates = "help.check-templates"
    case checkSessions = "help.check-sessions"
    case checkQuiet = "help.check-quiet"
    case deckTemplates = "help.templates"
    case pdfWriter = "help.pdf-writer"
    case quiet = "help.quiet"
    case cardsAbstract = "help.cards"
    case cardsKind = "help.cards-kind"
    case cardsPaper = "help.cards-paper"
    case cardsFlip = "help.cards-flip"
    case cardsBleed = "help.cards-bleed"
    case cardsCropMarks = "help.cards-crop-marks"
    case cardsSelection = "help.cards-selection"
    case cardsOutput = "help.cards-output"
    case invulbladAbstract = "help.invulblad"
    case invulbladSession = "help.invulblad-session"
    case invulbladOutput = "help.invulblad-output"
    case personalMetadata = "help.personal-metadata"
    case invulbladFillable = "help.invulblad-fillable"
    case checklistAbstract = "help.checklist"
    case handleidingAbstract = "help.handleiding"
    case pdfOutput = "help.pdf-output"
    case overzichtAbstract = "help.overzicht"
    case archiveAbstract = "help.archive"
    case archiveInputs = "help.archive-inputs"
    case archiveOutput = "help.archive-output"
    case archiveForce = "help.archive-force"
    case archivePersonalMetadata = "help.archive-personal-metadata"
    case archiveJobs = "help.archive-jobs"
    case archiveVerbose = "help.archive-verbose"
    case importAbstract = "help.import"
    case importForm = "help.import-form"
    case importOutput = "help.import-output"
    case watchAbstract = "help.watch"
    case watchSettle = "help.watch-settle"
}

extension HelpCode {
    var text: String { Catalogue.current.text(Message(self)) }
}
