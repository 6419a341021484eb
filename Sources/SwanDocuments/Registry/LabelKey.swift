/// A key of labels.yaml that a document looks up, declared here for the registry entry that owns
/// it: the card, screen, overzicht and handleiding documents ask for `.sheetsTitle`, not a
/// string, so a misspelt key does not compile, and `swan check` checks every key an entry lists
/// before anything is rendered (DocumentRegistry.labelErrors). The forms and the team report
/// still look up string keys, which DocumentRegistryTests keeps in step with their entries.
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
    ]
}
