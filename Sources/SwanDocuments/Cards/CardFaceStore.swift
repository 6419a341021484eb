/// Card faces set once per run: the home sheets, the print shop, the previews and the screen
/// edition show the same faces, and a deck of thousands of cards made each document set every
/// face again (two documents on two cores set the same face side by side).
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanLayout

/// What of a face does not depend on the bleed: its text set and marked, its structure, and
/// what setting it found wrong (said again to every document that shows the face).
struct CardFaceText: Sendable {
    let card: Card
    let accent: Colour
    let safeArea: Rect
    let isCommonBack: Bool
    /// The round's numeral (fronts of round cards), the band's labels, then the side's text.
    let numeral: [PageItem]
    let band: [PageItem]
    let text: [PageItem]
    let scale: Double
    let structure: StructureTree
    let warnings: [Diagnostic]
    let problems: [Diagnostic]

    /// The same face with nothing drawn in its text's place (see `CardFaceStore.keepsGlyphs`).
    var withoutGlyphs: CardFaceText {
        CardFaceText(card: card, accent: accent, safeArea: safeArea, isCommonBack: isCommonBack, numeral: [], band: [], text: [],
                     scale: scale, structure: structure, warnings: warnings, problems: problems)
    }

    func replay(into diagnostics: Diagnostics) {
        for warning in warnings { diagnostics.warn(warning) }
        for problem in problems { diagnostics.fail(problem) }
    }

    /// The face with its backgrounds running `bleed` points past the trim of `size`, drawn in
    /// the order of the design: under the text the hoofdvraag's tint and the numeral, then the
    /// band and the bar at the bottom with the band's labels, then the text.
    func face(_ card: Card, _ side: CardSideName, bleed: Double, size: Size, bandHeight: Double, bottomBar: Double,
              tint: Double, outline: Stroke) -> CardFace {
        let whole = Rect(x: -bleed, y: -bleed, width: size.width + 2 * bleed, height: size.height + 2 * bleed)
        var items: [PageItem] = []
        if isCommonBack {
            items = [.rectangle(whole, cornerRadius: 0, fill: accent, stroke: nil),
                     .rectangle(safeArea.insetBy(-mm(1)), cornerRadius: mm(2), fill: nil, stroke: outline)]
        } else {
            items.reserveCapacity(3 + numeral.count + band.count + text.count)
            if card.kind == .hoofdvraag { items.append(.rectangle(whole, cornerRadius: 0, fill: accent.tint(tint), stroke: nil)) }
            items += numeral
            items.append(.rectangle(Rect(x: -bleed, y: -bleed, width: size.width + 2 * bleed, height: bandHeight + bleed),
                                    cornerRadius: 0, fill: accent, stroke: nil))
            items.append(.rectangle(Rect(x: -bleed, y: size.height - bottomBar, width: size.width + 2 * bleed,
                                         height: bottomBar + bleed), cornerRadius: 0, fill: accent, stroke: nil))
            items += band
        }
        items += text
        return CardFace(cardID: card.id, side: side, items: items, safeArea: safeArea, scale: scale, structure: structure)
    }
}

/// The faces' text of one run (one DocumentContext), by card and side. A face asked for by two
/// documents at once is set by the first and waited for by the second.
final class CardFaceStore: Sendable {
    private struct Key: Hashable { let id: String; let side: CardSideName }
    /// One face: set under its own lock, so that only the face's other askers wait.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var text: CardFaceText?
    }
    private let slots = LockedBox([Key: Slot]())
    /// False for a run that only checks: a face's glyphs are dropped once it is set (a deck of
    /// thousands of cards would otherwise hold every face's glyphs for the whole run).
    private let keepsGlyphs: Bool

    init(keepsGlyphs: Bool) { self.keepsGlyphs = keepsGlyphs }


    /// The text of `card`'s `side`, set by `make` when the run has not set it (or set it for a
    /// card of that id with other content: a test's edited copy).
    func text(_ card: Card, _ side: CardSideName, make: () -> CardFaceText) -> CardFaceText {
        let slot = slots.withLockedValue { slots in
            let key = Key(id: card.id, side: side)
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let text = slot.text {
            return text.card == card ? text : make()
        }
        let made = keepsGlyphs ? make() : make().withoutGlyphs
        slot.text = made
        return made
    }
}
