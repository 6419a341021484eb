/// Every document swan makes, in one list: the layout files it reads (and the type each must
/// decode as) and the label keys it asks labels.yaml for. `swan check` checks them all before
/// anything is rendered, so a misspelt layout key or a missing label fails the check, not the
/// fifth document of a run. A test keeps the label keys in step with the code that looks them up;
/// the card, screen, overzicht and handleiding documents look theirs up typed (LabelKey).
package import SwanDeck
package import SwanDiagnostics
package import SwanLayout

/// A layout file a document reads, and the check that it decodes as the document's type with
/// values in range and in relation (LayoutValueRules, LayoutRelations).
package struct LayoutRequirement: Sendable {
    package let name: String
    let decode: @Sendable (Deck) throws -> Void
    /// The deck's layout file with the keys its type needs taken from swan's own deck's file.
    let fill: @Sendable (LayoutFile, () -> LayoutFile?) -> (layout: LayoutFile, keys: [FilledLayoutKey])

    /// `optionalFilledIn`: the mappings whose optional keys a deck from an older release gets
    /// from swan's own deck (LayoutFile.filled); elsewhere a key left out keeps its meaning.
    init<T: Decodable & Sendable>(_ name: String, as type: T.Type, optionalFilledIn: Set<String> = [],
                                  check: @escaping @Sendable (Deck, T) throws -> Void = { _, _ in }) {
        self.name = name
        decode = { deck in try check(deck, try deck.checkedLayout(name, as: type)) }
        fill = { layout, shipped in layout.filled(as: type, optionalIn: optionalFilledIn, from: shipped) }
    }

    static let typography = LayoutRequirement("typography", as: Typography.self)
    /// The print-shop file's press is optional (a deck may make RGB only) but the default run needs it.
    static let cards = LayoutRequirement("cards", as: CardLayout.self, optionalFilledIn: ["printShop"])
    static let forms = LayoutRequirement("forms", as: FormsLayout.self) { deck, forms in
        // The filled form's map of sections is checked here too: a blank form does not use it,
        // but a session rendered later would fail on it.
        let problems = forms.filledMapProblems(deck)
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }
    static let handleiding = LayoutRequirement("handleiding", as: HandleidingLayout.self)
    static let specimen = LayoutRequirement("specimen", as: SpecimenDocument.Layout.self)
    static let screen = LayoutRequirement("screen", as: ScreenLayout.self)
    static let overzicht = LayoutRequirement("overzicht", as: OverzichtLayout.self)
}

/// What a document's builder gives: the pages of one PDF, the card pictures of the previews
/// folder, or the screen edition (a PDF and an image per page). The application turns it into files.
package enum DocumentOutput: Sendable {
    case document(Document)
    case pictures([CardPreviews.Picture])
    case screen(ScreenEdition)
}

/// One document: its id, what it needs from the deck, the names of what it writes, how it is
/// made for the default run, and whether the deck has it at all.
package struct DocumentEntry: Sendable {
    package let id: DocumentID
    package let layouts: [LayoutRequirement]
    /// Label keys the document needs from labels.yaml (optional ones, looked up with
    /// `optionalLabel`, are not listed: a deck may leave them out).
    package let labels: [LabelKey]
    /// The names of what it writes, from labels.yaml: the file or folder first, then any file
    /// inside that folder the deck names (the previews' contact sheet).
    package let outputs: [OutputName]
    /// Part of `swan all` (the pre-filled form is made on request only).
    package let inDefaultSet: Bool
    /// The document as the default run makes it: every card, the layout's options.
    package let make: @Sendable (DocumentContext, Diagnostics) throws -> DocumentOutput
    /// False for a document the deck leaves out (a deck without overzicht.yaml has no overview).
    let isInDeck: @Sendable (Deck) -> Bool
    /// The deck's checklist, handleiding or overview, when the document reads them.
    let content: DeckParts.Content

    init(id: DocumentID, layouts: [LayoutRequirement], labels: [LabelKey], outputs: [OutputName], inDefaultSet: Bool = true,
         reads content: DeckParts.Content = [], isInDeck: @escaping @Sendable (Deck) -> Bool = { _ in true },
         make: @escaping @Sendable (DocumentContext, Diagnostics) throws -> DocumentOutput) {
        self.id = id; self.layouts = layouts; self.labels = labels; self.outputs = outputs
        self.inDefaultSet = inDefaultSet; self.content = content; self.isInDeck = isInDeck; self.make = make
    }

    /// What a command that makes only this document reads of the deck: its layout files and content.
    package var deckParts: DeckParts { DeckParts(content: content, layouts: Set(layouts.map(\.name))) }

    package func isIn(_ deck: Deck) -> Bool { isInDeck(deck) }

    /// The file (or folder) name the deck gives this document, checked.
    package func outputName(in deck: Deck) throws -> String { try outputs[0].name(in: deck) }
}

package enum DocumentRegistry {
    private static let filledInvulbladLabels: [LabelKey] = [
        .formDate, .formFilledTitle, .formFilledFooter, .formFilledLeader, .formFilledWriter, .formFilledParticipants,
        .formFilledWeighting, .formFilledWeightGroot, .formFilledWeightMiddel, .formFilledWeightKlein,
        .formFilledDilemma, .formFilledEvaluation, .formFilledEvaluationHint, .formArchiveAttachment, .formAnswerYes,
        .formAnswerNo,
    ]

    /// The fillable invulblad's own labels: fields' tooltips and the choices beside them.
    private static let fillableInvulbladLabels: [LabelKey] = [
        .formDate, .formFilledLeader, .formFilledWriter, .formFilledParticipants, .formFilledWeightGroot,
        .formFilledWeightMiddel, .formFilledWeightKlein, .formFilledDilemma, .formFilledEvaluation,
        .formFilledEvaluationHint, .formFillableDate, .formFillableDateFormat, .formFillableList, .formFillableChosen,
        .formFillableInterventionChosen, .formFillableCardChosen, .formFillableCardOrder, .formFillableCardWeight, .formFillableCardExplanation,
        .formAnswerYes, .formAnswerNo,
    ]

    /// The team report's labels.
    private static let reportLabels: [LabelKey] = [
        .reportTitle, .reportSpan, .reportSessions, .reportCountsSmall, .reportPeriodMonth, .reportPeriodQuarter,
        .reportSectionLevels, .reportHeadline, .reportLevelUnknown, .reportLegendSuggested, .reportLegendChosen,
        .reportChartLevelsAlt, .reportChartLevelsValue, .reportSectionTime, .reportChartTimeAlt,
        .reportChartTimeValue, .reportTableLevel, .reportTableSuggested, .reportTableChosen, .reportTableChoosing,
        .reportTablePeriod, .reportTableSessions, .reportSectionVoorwaarden, .reportTableVoorwaarde,
        .reportTableNamed, .reportSectionFactoren, .reportTableFactor, .reportSectionSignals, .reportTableMeasure,
        .reportTableCount, .reportMeasureDilemma, .reportMeasureBeraad, .reportMeasureSignaal, .reportMeasureFollowup,
        .reportMeasureEvaluatie,
    ]

    /// In the order of the default run (and of its "wrote" lines): DocumentID's order.
    package static let documents: [DocumentEntry] = DocumentID.allCases.map(entry)

    /// The entry of `id`: a switch over every id, so an id without an entry does not compile.
    package static func entry(_ id: DocumentID) -> DocumentEntry {
        switch id {
        case .sheets: sheets
        case .printshop: printshop
        case .calibration: calibration
        case .previews: previews
        case .specimen: specimen
        case .screen: screen
        case .overzicht: overzicht
        case .invulblad: invulblad
        case .checklist: checklist
        case .handleiding: handleiding
        case .report: report
        case .fillableInvulblad: fillableInvulblad
        }
    }

    private static let sheets = DocumentEntry(
        id: .sheets, layouts: [.typography, .cards],
        labels: [.sheetsTitle, .sheetsFlipLong, .sheetsFlipShort, .sheetsInstructionsTitle, .sheetsInstructionsIntro, .sheetsInstructionsSteps],
        outputs: [.pdf("output.sheets")]) { context, diagnostics in
        .document(try CardSheets.make(context.deck.cards, context, diagnostics: diagnostics).document)
    }
    private static let printshop = DocumentEntry(
        id: .printshop, layouts: [.typography, .cards], labels: [.printshopTitle],
        outputs: [.pdf("output.printshop")]) { context, diagnostics in
        .document(try PrintShopDocument.make(context.deck.cards, context, diagnostics: diagnostics).document)
    }
    /// The duplex calibration sheet, made on request (`swan cards --kind calibration`).
    private static let calibration = DocumentEntry(
        id: .calibration, layouts: [.typography, .cards],
        labels: [.calibrationTitle, .calibrationCaption, .calibrationAxisX, .calibrationAxisY, .calibrationCornerFirst,
                 .calibrationCornerSecond, .calibrationInstructionsTitle, .calibrationInstructionsIntro,
                 .calibrationInstructionsSteps, .sheetsFlipLong, .sheetsFlipShort],
        outputs: [.pdf("output.calibration")], inDefaultSet: false) { context, _ in
        .document(try CalibrationSheet.make(context, paper: .a4, flip: .long).document)
    }
    private static let previews = DocumentEntry(
        id: .previews, layouts: [.typography, .cards], labels: [],
        outputs: [.folder("output.previews"), .contactSheet]) { context, diagnostics in
        .pictures(try CardPreviews.pictures(context.deck.cards, context, diagnostics: diagnostics))
    }
    private static let specimen = DocumentEntry(
        id: .specimen, layouts: [.typography, .specimen], labels: [],
        outputs: [.pdf("output.specimen")], reads: .handleiding) { context, _ in .document(try SpecimenDocument.make(context)) }
    private static let screen = DocumentEntry(
        id: .screen, layouts: [.typography, .cards, .screen],
        labels: [.screenTitle, .screenRound, .screenOthers, .screenTableFile, .screenFront, .screenBack],
        outputs: [.pdf("output.screen")]) { context, diagnostics in
        .screen(try ScreenDocument.make(context.deck.cards, context, diagnostics: diagnostics))
    }
    private static let overzicht = DocumentEntry(
        id: .overzicht, layouts: [.typography, .overzicht], labels: [.overzichtTitle, .overzichtRound],
        outputs: [.pdf("output.overzicht")], reads: .overview, isInDeck: { $0.namesOverview }) { context, diagnostics in
        .document(try OverzichtDocument.make(context, diagnostics: diagnostics))
    }
    private static let invulblad = DocumentEntry(
        id: .invulblad, layouts: [.typography, .forms],
        labels: [.pageNumber, .formContinued] + filledInvulbladLabels,
        outputs: [.pdf("output.invulblad")]) { context, diagnostics in
        .document(try InvulbladDocument.blank(context, diagnostics: diagnostics))
    }
    private static let checklist = DocumentEntry(
        id: .checklist, layouts: [.typography, .forms], labels: [.pageNumber],
        outputs: [.pdf("output.checklist")], reads: .checklist) { context, diagnostics in
        .document(try ChecklistDocument.make(context, diagnostics: diagnostics))
    }
    private static let handleiding = DocumentEntry(
        id: .handleiding, layouts: [.typography, .handleiding], labels: [.pageNumber, .handleidingHeader],
        outputs: [.pdf("output.handleiding")], reads: .handleiding) { context, diagnostics in
        .document(try HandleidingDocument.make(context, diagnostics: diagnostics))
    }
    /// The team report, made on request from an archive; `swan check` lays out an empty one.
    private static let report = DocumentEntry(
        id: .report, layouts: [.typography, .overzicht],
        labels: [.pageNumber] + [.formFilledWeightGroot, .formFilledWeightMiddel, .formFilledWeightKlein] + reportLabels,
        outputs: [.pdf("output.report")], inDefaultSet: false, isInDeck: { $0.namesOverview }) { context, diagnostics in
        .document(try ReportDocument.make(TeamReport(), context, diagnostics: diagnostics))
    }
    private static let fillableInvulblad = DocumentEntry(
        id: .fillableInvulblad, layouts: [.typography, .forms],
        labels: [.pageNumber, .formContinued] + fillableInvulbladLabels,
        outputs: [.pdf("output.invulblad.fillable")], inDefaultSet: false) { context, diagnostics in
        .document(try InvulbladDocument.fillable(context, diagnostics: diagnostics))
    }

    /// Every layout error of the documents `deck` has, each layout file checked once.
    package static func layoutErrors(in deck: Deck) -> [Diagnostic] {
        var checked = Set<String>()
        var errors: [Diagnostic] = []
        for layout in documents.filter({ $0.isIn(deck) }).flatMap(\.layouts) where checked.insert(layout.name).inserted {
            do { try layout.decode(deck) } catch { errors += Diagnostic.all(from: error) }
        }
        return errors
    }

    /// A missing label, once per key, for every document `deck` has.
    package static func labelErrors(in deck: Deck) -> [Diagnostic] {
        var checked = Set<String>()
        var errors: [Diagnostic] = []
        for key in documents.filter({ $0.isIn(deck) }).flatMap(\.labels).map(\.name) where checked.insert(key).inserted && deck.labels[key] == nil {
            do { _ = try deck.labels.text(key) } catch { errors += Diagnostic.all(from: error) }
        }
        return errors
    }

    /// Every problem with the output names of the documents `deck` has: each name checked, and no
    /// two documents writing the same file or folder (compared without letter case, as macOS and
    /// Windows file systems do; the screen edition's image folder counts as one of its names).
    package static func outputNameErrors(in deck: Deck) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        var taken: [String: OutputName] = [:]
        for entry in documents where entry.isIn(deck) {
            for (index, output) in entry.outputs.enumerated() {
                let (name, problems) = output.check(in: deck)
                errors += problems
                // Only the first name is in the output folder; the others are inside it.
                guard index == 0, let name, problems.isEmpty else { continue }
                // The screen edition also writes a folder of images named after its PDF.
                var names: [(name: String, code: OutputNameCode)] = [(name, .sameName)]
                if entry.id == .screen { names.append((String(name.dropLast(".pdf".count)), .sameImageFolder)) }
                for (taking, code) in names {
                    if let other = taken[taking.lowercased()] {
                        let line = deck.labels.locations[other.key]?.line.map { "\($0)" } ?? "?"
                        errors.append(.error(code, ["key": "\(output.key)", "name": "\(name)", "folder": "\(taking)",
                                                    "other": "\(other.key)", "line": "\(line)"],
                                             at: deck.labels.locations[output.key] ?? SourceLocation(file: deck.labels.file)))
                    } else {
                        taken[taking.lowercased()] = output
                    }
                }
            }
        }
        return errors
    }
}
