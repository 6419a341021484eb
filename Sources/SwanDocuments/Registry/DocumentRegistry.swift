/// Every document swan makes, in one list: the layout files it reads (and the type each must
/// decode as) and the label keys it asks labels.yaml for. `swan check` checks them all before
/// anything is rendered, so a misspelt layout key or a missing label fails the check, not the
/// fifth document of a run. A test keeps the label keys in step with the code that looks them up.
import SwanDeck
import SwanDiagnostics

/// A layout file a document reads, and the check that it decodes as the document's type with
/// values in range and in relation (LayoutValueRules, LayoutRelations).
public struct LayoutRequirement: Sendable {
    public let name: String
    let decode: @Sendable (Deck) throws -> Void

    static let typography = LayoutRequirement(name: "typography") { _ = try $0.checkedLayout("typography", as: Typography.self) }
    static let cards = LayoutRequirement(name: "cards") { _ = try $0.checkedLayout("cards", as: CardLayout.self) }
    static let forms = LayoutRequirement(name: "forms") { deck in
        // The filled form's map of sections is checked here too: a blank form does not use it,
        // but a session rendered later would fail on it.
        let forms = try deck.checkedLayout("forms", as: FormsLayout.self)
        let problems = forms.filledMapProblems(deck)
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }
    static let handleiding = LayoutRequirement(name: "handleiding") { _ = try $0.checkedLayout("handleiding", as: HandleidingLayout.self) }
    static let specimen = LayoutRequirement(name: "specimen") { _ = try $0.checkedLayout("specimen", as: SpecimenDocument.Layout.self) }
    static let screen = LayoutRequirement(name: "screen") { _ = try $0.checkedLayout("screen", as: ScreenLayout.self) }
    static let overzicht = LayoutRequirement(name: "overzicht") { _ = try $0.checkedLayout("overzicht", as: OverzichtLayout.self) }
}

/// One document: its id, what it needs from the deck, and whether the deck has it at all.
public struct DocumentEntry: Sendable {
    public let id: String
    public let layouts: [LayoutRequirement]
    /// Label keys the document needs from labels.yaml (optional ones, looked up with
    /// `optionalLabel`, are not listed: a deck may leave them out).
    public let labels: [String]
    /// False for a document the deck leaves out (a deck without overzicht.yaml has no overview).
    let isInDeck: @Sendable (Deck) -> Bool

    public func isIn(_ deck: Deck) -> Bool { isInDeck(deck) }
}

public enum DocumentRegistry {
    private static let filledInvulblad = ["form.date", "form.filled.title", "form.filled.footer", "form.filled.leader",
                                          "form.filled.writer", "form.filled.participants", "form.filled.weighting",
                                          "form.filled.weight.groot", "form.filled.weight.middel", "form.filled.weight.klein",
                                          "form.filled.dilemma", "form.filled.dilemma.hint", "form.filled.dilemma.values",
                                          "form.filled.dilemma.council.yes", "form.filled.dilemma.council.no",
                                          "form.filled.signal.yes", "form.filled.signal.no", "form.filled.evaluation",
                                          "form.filled.evaluation.hint", "form.filled.evaluation.date",
                                          "form.archive.attachment"]

    /// The fillable invulblad's own labels: fields' tooltips and the choices beside them.
    private static let fillableInvulblad = ["form.date", "form.filled.leader", "form.filled.writer", "form.filled.participants",
                                            "form.filled.weight.groot", "form.filled.weight.middel", "form.filled.weight.klein",
                                            "form.filled.dilemma", "form.filled.dilemma.hint", "form.filled.evaluation",
                                            "form.filled.evaluation.hint", "form.fillable.date", "form.fillable.date.format",
                                            "form.fillable.list", "form.fillable.card.chosen", "form.fillable.card.order",
                                            "form.fillable.card.weight", "form.fillable.card.explanation", "form.fillable.yes",
                                            "form.fillable.no", "form.fillable.dilemma.present", "form.fillable.dilemma.values",
                                            "form.fillable.dilemma.council", "form.fillable.question", "form.fillable.answer",
                                            "form.fillable.signal.followup", "form.fillable.evaluation.date"]

    public static let documents: [DocumentEntry] = [
        DocumentEntry(id: "sheets", layouts: [.typography, .cards],
                      labels: ["sheets.title", "sheets.flip.long", "sheets.flip.short", "sheets.instructions.title",
                               "sheets.instructions.intro", "sheets.instructions.steps"], isInDeck: { _ in true }),
        DocumentEntry(id: "printshop", layouts: [.typography, .cards], labels: ["printshop.title"], isInDeck: { _ in true }),
        DocumentEntry(id: "previews", layouts: [.typography, .cards], labels: [], isInDeck: { _ in true }),
        DocumentEntry(id: "screen", layouts: [.typography, .cards, .screen],
                      labels: ["screen.title", "screen.round", "screen.others", "screen.table.file", "screen.front", "screen.back"],
                      isInDeck: { _ in true }),
        DocumentEntry(id: "invulblad", layouts: [.typography, .forms],
                      labels: ["page.number", "form.continued"] + filledInvulblad, isInDeck: { _ in true }),
        DocumentEntry(id: "fillable-invulblad", layouts: [.typography, .forms],
                      labels: ["page.number", "form.continued"] + fillableInvulblad, isInDeck: { _ in true }),
        DocumentEntry(id: "checklist", layouts: [.typography, .forms], labels: ["page.number"], isInDeck: { _ in true }),
        DocumentEntry(id: "handleiding", layouts: [.typography, .handleiding], labels: ["page.number", "handleiding.header"],
                      isInDeck: { _ in true }),
        DocumentEntry(id: "overzicht", layouts: [.typography, .overzicht], labels: ["overzicht.title", "overzicht.round"],
                      isInDeck: { $0.overview != nil }),
        DocumentEntry(id: "specimen", layouts: [.typography, .specimen], labels: [], isInDeck: { _ in true }),
    ]

    public static func entry(_ id: String) -> DocumentEntry? { documents.first { $0.id == id } }

    /// Every layout error of the documents `deck` has, each layout file checked once.
    public static func layoutErrors(in deck: Deck) -> [Diagnostic] {
        var checked = Set<String>()
        var errors: [Diagnostic] = []
        for layout in documents.filter({ $0.isIn(deck) }).flatMap(\.layouts) where checked.insert(layout.name).inserted {
            do { try layout.decode(deck) } catch { errors += Diagnostic.all(from: error) }
        }
        return errors
    }

    /// A missing label, once per key, for every document `deck` has.
    public static func labelErrors(in deck: Deck) -> [Diagnostic] {
        var checked = Set<String>()
        var errors: [Diagnostic] = []
        for key in documents.filter({ $0.isIn(deck) }).flatMap(\.labels) where checked.insert(key).inserted && deck.labels[key] == nil {
            do { _ = try deck.labels.text(key) } catch { errors += Diagnostic.all(from: error) }
        }
        return errors
    }
}
