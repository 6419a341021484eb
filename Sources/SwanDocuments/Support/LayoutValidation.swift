/// Decodes every layout file the documents use, so that `swan check` reports layout mistakes
/// (with file:line:column) before anything is rendered.
import SwanDeck
import SwanDiagnostics

public enum LayoutValidation {
    /// Each known layout and the type it must decode as.
    static let checks: [(name: String, decode: @Sendable (Deck) throws -> Void)] = [
        ("typography", { _ = try $0.decodeLayout("typography", as: Typography.self) }),
        ("cards", { _ = try $0.decodeLayout("cards", as: CardLayout.self) }),
        ("specimen", { _ = try $0.decodeLayout("specimen", as: SpecimenDocument.Layout.self) }),
        ("forms", { _ = try $0.decodeLayout("forms", as: FormsLayout.self) }),
        ("handleiding", { _ = try $0.decodeLayout("handleiding", as: HandleidingLayout.self) }),
        ("screen", { _ = try $0.decodeLayout("screen", as: ScreenLayout.self) }),
        // Only a deck that has an overview needs its layout.
        ("overzicht", { deck in if deck.overview != nil { _ = try deck.decodeLayout("overzicht", as: OverzichtLayout.self) } }),
    ]

    /// All layout errors of `deck`, from every layout file at once.
    public static func errors(in deck: Deck) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        for check in checks {
            do { try check.decode(deck) } catch {
                errors += Diagnostic.all(from: error)
            }
        }
        return errors
    }
}
