/// Decodes every layout file the documents use, so that `swan check` reports layout mistakes
/// (with file:line:column) before anything is rendered. Which files those are is said once, in
/// DocumentRegistry.
import SwanDeck
import SwanDiagnostics

public enum LayoutValidation {
    /// All layout errors of `deck`, from every layout file at once.
    public static func errors(in deck: Deck) -> [Diagnostic] { DocumentRegistry.layoutErrors(in: deck) }
}
