/// Everything a document needs: the deck (content, labels, layouts), the engine set up with the
/// deck's fonts and language, the pinned date, and a place for diagnostics.
package import Foundation
package import SwanDeck
package import SwanDiagnostics
package import SwanLayout

/// Immutable but for the cache of decoded layouts, which documents laid out on several threads
/// share behind a lock.
package final class DocumentContext: Sendable {
    package let deck: Deck
    package let engine: Engine
    /// The creation date written into PDFs: the pinned date (SOURCE_DATE_EPOCH), else the newest
    /// modification time of the deck's files (see ReproducibleDate).
    package let date: Date
    /// True when `date` was given: then no input's modification time moves it.
    package let datePinned: Bool

    /// `date`: the pinned date (the application reads SOURCE_DATE_EPOCH); `hyphenationDictionary`:
    /// a dictionary tried before the installed ones (SWAN_HYPHEN_DICT).
    /// `checkOnly`: the documents are made to find what a render would refuse (`swan check`),
    /// never drawn: each card face's text is set and checked once, and placed without its glyphs.
    package init(deck: Deck, date: Date? = nil, hyphenationDictionary: String? = nil, checkOnly: Bool = false) throws {
        self.deck = deck
        cardFaces = CardFaceStore(keepsGlyphs: !checkOnly)
        datePinned = date != nil
        // The deck's files are looked at only when the date is not pinned; a deck made in code
        // (tests) has no files: its folder, as before.
        self.date = date
            ?? ReproducibleDate.newestModification(of: deck.files.isEmpty ? [deck.directory] : deck.files) ?? ReproducibleDate.defaultFallback
        let missing = DocumentRegistry.labelErrors(in: deck)
        if !missing.isEmpty { throw DiagnosticError(missing) }
        let typography = try deck.checkedLayout("typography", as: Typography.self)
        engine = try Engine(fonts: typography.fontFiles(of: deck),
                            language: deck.meta.language, noHyphenation: deck.noHyphenation, hyphenationDictionary: hyphenationDictionary,
                            breakPoints: deck.hyphenationBreakPoints,
                            quotes: typography.quotes, noBreakAfterInHeadings: Set(typography.noBreakAfterInHeadings ?? []),
                            nameParticles: Set(typography.nameParticles ?? []))
    }

    package var typesetter: Typesetter { engine.typesetter }

    /// The card faces' text, set once per run (CardFaceRenderer.shared).
    let cardFaces: CardFaceStore

    /// The date for a document made from the deck and `inputs` (a session file): the pinned
    /// date, else the newest of the deck's and the inputs' modification times.
    package func date(including inputs: [URL]) -> Date {
        if datePinned { return date }
        return max(date, ReproducibleDate.newestModification(of: inputs) ?? date)
    }

    /// Keyed by the type's identity, not its name (`"\(T.self)"` asked the runtime for it on
    /// every call).
    private struct MemoKey: Hashable { let name: String; let type: ObjectIdentifier }
    private let memos = LockedBox([MemoKey: Any]())

    /// layout/<name>.yaml decoded as `type`, once per context: an archive renders thousands
    /// of documents with the same layouts.
    package func layout<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try memo("layout/" + name) { try deck.checkedLayout(name, as: type) }
    }

    /// `make()`'s value once per context: what every document of a run derives from the deck
    /// alone (a layout decoded, a measurement).
    package func memo<T>(_ name: String, _ make: () throws -> T) rethrows -> T {
        let key = MemoKey(name: name, type: ObjectIdentifier(T.self))
        if let cached = memos.withLockedValue({ $0[key] as? T }) { return cached }
        let made = try make()
        memos.withLockedValue { $0[key] = made }
        return made
    }

    /// The colour of round `number`, or `fallback` for cards outside the rounds.
    package func roundColour(_ number: Int?, fallback: Colour) -> Colour {
        guard let number, let round = deck.round(number), var colour = Colour(hex: round.colour) else { return fallback }
        // The inks a print shop asked for (deck.yaml `cmyk`), in percent.
        if let inks = round.cmyk, inks.count == 4 {
            colour.cmyk = CMYK(cyan: inks[0] / 100, magenta: inks[1] / 100, yellow: inks[2] / 100, black: inks[3] / 100)
        }
        return colour
    }

    /// The engine's warning that text will not be hyphenated (no dictionary for the deck's
    /// language), at the deck file that names the language.
    package var hyphenationWarning: Diagnostic? {
        guard let warning = engine.hyphenationWarning else { return nil }
        return deck.files.first.map { warning.placed(at: SourceLocation(file: $0.relativePath)) } ?? warning
    }

    /// A label from labels.yaml, with its {placeholders} filled in.
    package func label(_ key: String, _ values: [String: String] = [:]) throws -> String {
        try deck.labels.text(key, values)
    }

    /// The same for a key its document's registry entry declares (LabelKey).
    func label(_ key: LabelKey, _ values: [String: String] = [:]) throws -> String {
        try deck.labels.text(key.name, values)
    }

    /// `document` with its logical structure and the deck's language: a tagged PDF (PDF/UA).
    package func tagged(_ document: Document, _ structure: StructureTree) -> Document {
        var tagged = document
        tagged.structure = structure
        tagged.language = deck.meta.language
        return tagged
    }

    /// `document` tagged and claiming PDF/UA-1 (the documents a person reads: the handleiding,
    /// the invulblad blank and filled, the checklist). The native writer checks the claim while
    /// writing; cairo writes the pages untagged, without it.
    package func accessible(_ document: Document, _ structure: StructureTree) -> Document {
        var accessible = tagged(document, structure)
        accessible.conformance = .pdfUA1
        return accessible
    }

    /// A label that is an addition to the source material: printed only when a coordinator has
    /// switched it on in labels.yaml (nil when the line is absent or commented out).
    package func optionalLabel(_ key: String, _ values: [String: String] = [:]) throws -> String? {
        guard deck.labels[key] != nil else { return nil }
        return try deck.labels.text(key, values)
    }

    /// The same for an optional key declared in LabelKey.optional.
    func optionalLabel(_ key: LabelKey, _ values: [String: String] = [:]) throws -> String? {
        try optionalLabel(key.name, values)
    }

    /// Document info with the deck's metadata and the pinned date.
    package func info(title: String, subject: String? = nil) -> DocumentInfo {
        DocumentInfo(title: title, subject: subject, author: deck.meta.publisher,
                     keywords: deck.meta.shortName, creator: "swan", creationDate: date)
    }
}
