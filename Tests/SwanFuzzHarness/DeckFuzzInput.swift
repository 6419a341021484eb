/// One hostile input for the deck, shared by the libFuzzer target (Tests/Fuzz/FuzzDeck, make fuzz)
/// and FuzzRegressionTests: the first byte chooses which file of a copy of the deck it replaces
/// (modulo the number of files), the rest is that file's content. The deck is loaded and then
/// every layout file is decoded as the documents decode it (what `swan check` does), so that an
/// input for layout/*.yaml reaches the layout decoder and not only the YAML parser.
package import Foundation
import SwanDeck
package import SwanDiagnostics
import SwanDocuments

package enum DeckFuzzInput {
    /// The files an input can replace, by its first byte. The Makefile's FUZZ_DECK_FILES lists
    /// them in the same order (a test checks it); new files go at the end, so the first byte of
    /// an input kept in Regressions/ keeps choosing the same file.
    package static let files = ["deck.yaml", "cards/ronde-1.yaml", "cards/rollen.yaml", "forms/invulblad.yaml",
                               "forms/checklist.yaml", "labels.yaml", "hyphenation.yaml", "handleiding.md",
                               "layout/cards.yaml", "layout/forms.yaml", "layout/handleiding.yaml",
                               "layout/specimen.yaml", "layout/typography.yaml"]

    package enum Outcome {
        /// The deck loaded and every layout decoded.
        case accepted
        /// The deck or a layout was refused with located errors.
        case refused([Diagnostic])
    }

    /// A copy of the deck at `source` to spoil, in a fresh temporary folder laid out like the
    /// repository (…/Templates/<deck> beside a link to …/Fonts), so that the font paths of
    /// layout/typography.yaml, relative to the deck, still lead to the fonts.
    package static func copyOfDeck(from source: URL, fonts: URL) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swan-fuzz-deck-\(getpid())-\(UUID().uuidString)")
        let copy = root.appendingPathComponent("Templates").appendingPathComponent(source.lastPathComponent)
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: copy)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Fonts"), withDestinationURL: fonts)
        return copy
    }

    /// Removes a copy made by copyOfDeck.
    package static func remove(_ copy: URL) {
        try? FileManager.default.removeItem(at: copy.deletingLastPathComponent().deletingLastPathComponent())
    }

    /// The deck file `input` replaces.
    package static func file(for input: some Collection<UInt8>) -> String? {
        input.first.map { files[Int($0) % files.count] }
    }

    /// Puts `input` into the deck at `deck` (a copy to spoil), loads it, decodes its layouts and
    /// puts the original file back. Errors other than reported deck errors are rethrown: to the
    /// fuzzer they are findings.
    package static func run(_ input: Data, in deck: URL) throws -> Outcome {
        guard let name = file(for: input) else { return .accepted }
        let file = deck.appendingPathComponent(name)
        let original = try Data(contentsOf: file)
        try input.dropFirst().write(to: file)
        defer { try? original.write(to: file) }
        let loaded: Deck
        do {
            loaded = try DeckLoader.load(from: deck)
        } catch let errors as DiagnosticError {
            return .refused(errors.diagnostics)
        }
        // What `swan check` checks before laying anything out: layouts, labels and output names.
        let layoutErrors = DocumentRegistry.layoutErrors(in: loaded) + DocumentRegistry.labelErrors(in: loaded)
            + DocumentRegistry.outputNameErrors(in: loaded)
        return layoutErrors.isEmpty ? .accepted : .refused(layoutErrors)
    }
}
