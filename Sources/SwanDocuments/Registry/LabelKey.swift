import SwanSession

/// A key of labels.yaml that a document looks up, declared here for the registry entry that owns
/// it: every document (the forms and the team report too) asks for `.sheetsTitle`, not a string,
/// so a misspelt key does not compile, and `swan check` checks every key an entry lists before
/// anything is rendered (DocumentRegistry.labelErrors). A key picked from data is a function over that data's closed set
/// (`.formFilledWeight(weging)`, `.sheetsFlip(flip)`), so it stays one of the declared keys.
/// Optional keys (looked up with `optionalLabel`, printed only when a coordinator switched them
/// on) are declared apart in `optional`: no entry lists them, as a deck may leave them out.
package struct LabelKey: Hashable, Sendable {
    package let name: String

    init(_ name: String) { self.name = name }
}

extension LabelKey {
    // Shared by the paged documents.
    static let pageNumber = LabelKey("page.number")

    // DocumentID.sheets: the home-print sheets (and the flip names the calibration sheet shares).
    static let sheetsTitle = LabelKey("sheets.title")
    static let sheetsFlipLong = LabelKey("sheets.flip.long")
    static let sheetsFlipShort = LabelKey("sheets.flip.short")
    static let sheetsInstructionsTitle = LabelKey("sheets.instructions.title")
    static let sheetsInstructionsIntro = LabelKey("sheets.instructions.intro")
    static let sheetsInstructionsSteps = LabelKey("sheets.instructions.steps")
    static func sheetsFlip(_ flip: FlipEdge) -> LabelKey {
        switch flip {
        case .long: sheetsFlipLong
        case .short: sheetsFlipShort
        }
    }

    // DocumentID.printshop.
    static let printshopTitle = LabelKey("printshop.title")

    // DocumentID.calibration.
    static let calibrationTitle = LabelKey("calibration.title")
    static let calibrationCaption = LabelKey("calibration.caption")
    static let calibrationAxisX = LabelKey("calibration.axis.x")
    static let calibrationAxisY = LabelKey("calibration.axis.y")
    static let calibrationCornerFirst = LabelKey("calibration.corner.first")
    static let calibrationCornerSecond = LabelKey("calibration.corner.second")
    static let calibrationInstructionsTitle = LabelKey("calibration.instructions.title")
    static let calibrationInstructionsIntro = LabelKey("calibration.instructions.intro")
    static let calibrationInstructionsSteps = LabelKey("calibration.instructions.steps")
    static func calibrationAxis(_ axis: CalibrationTarget.Axis) -> LabelKey {
        switch axis {
        case .x: calibrationAxisX
        case .y: calibrationAxisY
        }
    }

    // DocumentID.screen.
    static let screenTitle = LabelKey("screen.title")
    static let screenRound = LabelKey("screen.round")
    static let screenOthers = LabelKey("screen.others")
    static let screenTableFile = LabelKey("screen.table.file")
    static let screenFront = LabelKey("screen.front")
    static let screenBack = LabelKey("screen.back")

    // DocumentID.overzicht.
    static let overzichtTitle = LabelKey("overzicht.title")
    static let overzichtRound = LabelKey("overzicht.round")

    // DocumentID.handleiding.
    static let handleidingHeader = LabelKey("handleiding.header")

    // DocumentID.invulblad and .fillableInvulblad (the filled form, the report's weights and the
    // archive's attachment share some).
    static let formDate = LabelKey("form.date")
    static let formContinued = LabelKey("form.continued")
    static let formArchiveAttachment = LabelKey("form.archive.attachment")
    static let formAnswerYes = LabelKey("form.answer.yes")
    static let formAnswerNo = LabelKey("form.answer.no")
    static let formFilledTitle = LabelKey("form.filled.title")
    static let formFilledFooter = LabelKey("form.filled.footer")
    static let formFilledLeader = LabelKey("form.filled.leader")
    static let formFilledWriter = LabelKey("form.filled.writer")
    static let formFilledParticipants = LabelKey("form.filled.participants")
    static let formFilledWeighting = LabelKey("form.filled.weighting")
    static let formFilledWeightGroot = LabelKey("form.filled.weight.groot")
    static let formFilledWeightMiddel = LabelKey("form.filled.weight.middel")
    static let formFilledWeightKlein = LabelKey("form.filled.weight.klein")
    static let formFilledDilemma = LabelKey("form.filled.dilemma")
    static let formFilledEvaluation = LabelKey("form.filled.evaluation")
    static let formFilledEvaluationHint = LabelKey("form.filled.evaluation.hint")
    static func formAnswer(_ answer: Bool) -> LabelKey { answer ? formAnswerYes : formAnswerNo }
    static func formFilledWeight(_ weging: Session.Weging) -> LabelKey {
        switch weging {
        case .groot: formFilledWeightGroot
        case .middel: formFilledWeightMiddel
        case .klein: formFilledWeightKlein
        }
    }

    // DocumentID.fillableInvulblad: fields' tooltips and the choices beside them.
    static let formFillableDate = LabelKey("form.fillable.date")
    static let formFillableDateFormat = LabelKey("form.fillable.date.format")
    static let formFillableList = LabelKey("form.fillable.list")
    static let formFillableChosen = LabelKey("form.fillable.chosen")
    static let formFillableInterventionChosen = LabelKey("form.fillable.intervention.chosen")
    static let formFillableCardChosen = LabelKey("form.fillable.card.chosen")
    static let formFillableCardOrder = LabelKey("form.fillable.card.order")
    static let formFillableCardWeight = LabelKey("form.fillable.card.weight")
    static let formFillableCardExplanation = LabelKey("form.fillable.card.explanation")

    // DocumentID.report.
    static let reportTitle = LabelKey("report.title")
    static let reportSpan = LabelKey("report.span")
    static let reportSessions = LabelKey("report.sessions")
    static let reportCountsSmall = LabelKey("report.counts.small")
    static let reportPeriodMonth = LabelKey("report.period.month")
    static let reportPeriodQuarter = LabelKey("report.period.quarter")
    static let reportSectionLevels = LabelKey("report.section.levels")
    static let reportHeadline = LabelKey("report.headline")
    static let reportLevelUnknown = LabelKey("report.level.unknown")
    static let reportLegendSuggested = LabelKey("report.legend.suggested")
    static let reportLegendChosen = LabelKey("report.legend.chosen")
    static let reportChartLevelsAlt = LabelKey("report.chart.levels.alt")
    static let reportChartLevelsValue = LabelKey("report.chart.levels.value")
    static let reportSectionTime = LabelKey("report.section.time")
    static let reportChartTimeAlt = LabelKey("report.chart.time.alt")
    static let reportChartTimeValue = LabelKey("report.chart.time.value")
    static let reportTableLevel = LabelKey("report.table.level")
    static let reportTableSuggested = LabelKey("report.table.suggested")
    static let reportTableChosen = LabelKey("report.table.chosen")
    static let reportTableChoosing = LabelKey("report.table.choosing")
    static let reportTablePeriod = LabelKey("report.table.period")
    static let reportTableSessions = LabelKey("report.table.sessions")
    static let reportSectionVoorwaarden = LabelKey("report.section.voorwaarden")
    static let reportTableVoorwaarde = LabelKey("report.table.voorwaarde")
    static let reportTableNamed = LabelKey("report.table.named")
    static let reportSectionFactoren = LabelKey("report.section.factoren")
    static let reportTableFactor = LabelKey("report.table.factor")
    static let reportSectionSignals = LabelKey("report.section.signals")
    static let reportTableMeasure = LabelKey("report.table.measure")
    static let reportTableCount = LabelKey("report.table.count")
    static let reportMeasureDilemma = LabelKey("report.measure.dilemma")
    static let reportMeasureBeraad = LabelKey("report.measure.beraad")
    static let reportMeasureSignaal = LabelKey("report.measure.signaal")
    static let reportMeasureFollowup = LabelKey("report.measure.followup")
    static let reportMeasureEvaluatie = LabelKey("report.measure.evaluatie")

    // Optional keys (`optionalLabel`): the checklist's roles heading, an untitled form part's title,
    // the words on a card's coloured band.
    static let checklistRoles = LabelKey("checklist.roles")
    static let formPartUntitled = LabelKey("form.part.untitled")
    static let cardBandRound = LabelKey("card.band.round")
    static let cardBandDeck = LabelKey("card.band.deck")
    static let cardBandName = LabelKey("card.band.name")

    /// Every key declared here (LabelKeyTests: each is in labels.yaml and listed by an entry).
    package static let declared: [LabelKey] = [
        pageNumber,
        sheetsTitle, sheetsFlipLong, sheetsFlipShort, sheetsInstructionsTitle, sheetsInstructionsIntro, sheetsInstructionsSteps,
        printshopTitle,
        calibrationTitle, calibrationCaption, calibrationAxisX, calibrationAxisY, calibrationCornerFirst, calibrationCornerSecond,
        calibrationInstructionsTitle, calibrationInstructionsIntro, calibrationInstructionsSteps,
        screenTitle, screenRound, screenOthers, screenTableFile, screenFront, screenBack,
        overzichtTitle, overzichtRound,
        handleidingHeader,
        formDate, formContinued, formArchiveAttachment, formAnswerYes, formAnswerNo, formFilledTitle, formFilledFooter,
        formFilledLeader, formFilledWriter, formFilledParticipants, formFilledWeighting, formFilledWeightGroot,
        formFilledWeightMiddel, formFilledWeightKlein, formFilledDilemma, formFilledEvaluation,
        formFilledEvaluationHint,
        formFillableDate, formFillableDateFormat, formFillableList, formFillableChosen, formFillableInterventionChosen, formFillableCardChosen,
        formFillableCardOrder, formFillableCardWeight, formFillableCardExplanation,
        reportTitle, reportSpan, reportSessions, reportCountsSmall, reportPeriodMonth, reportPeriodQuarter,
        reportSectionLevels, reportHeadline, reportLevelUnknown, reportLegendSuggested, reportLegendChosen,
        reportChartLevelsAlt, reportChartLevelsValue, reportSectionTime, reportChartTimeAlt, reportChartTimeValue,
        reportTableLevel, reportTableSuggested, reportTableChosen, reportTableChoosing, reportTablePeriod,
        reportTableSessions, reportSectionVoorwaarden, reportTableVoorwaarde, reportTableNamed, reportSectionFactoren,
        reportTableFactor, reportSectionSignals, reportTableMeasure, reportTableCount, reportMeasureDilemma,
        reportMeasureBeraad, reportMeasureSignaal, reportMeasureFollowup, reportMeasureEvaluatie,
    ]

    /// The optional keys: in no entry's list, and only in the decks that switch them on.
    package static let optional: [LabelKey] = [checklistRoles, formPartUntitled, cardBandRound, cardBandDeck, cardBandName]
}
