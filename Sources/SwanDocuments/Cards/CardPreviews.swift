/// PNG previews: one image per card side (at trim size, corners rounded as a cutter would), and
/// a contact sheet of the whole deck, fronts beside backs.
import Foundation
import SwanDeck
import SwanEngine

public enum CardPreviews {
    /// Writes `<folder>/<nn>-<id>-front.png`, `…-back.png` and `contact-sheet.png`; returns the paths.
    @discardableResult
    public static func write(_ cards: [Card], _ context: DocumentContext, to folder: URL,
                             diagnostics: Diagnostics = Diagnostics()) throws -> [URL] {
        let layout = try context.deck.decodeLayout("cards", as: CardLayout.self)
        let renderer = CardFaceRenderer(context: context, layout: layout, diagnostics: diagnostics)
        let png = context.engine.png
        let trim = layout.trimSize
        let radius = mm(layout.card.cornerRadius)
        let outline = Stroke(colour: Colour(red: 0.75, green: 0.75, blue: 0.75), width: 0.5)

        var written: [URL] = []
        var contactItems: [PageItem] = []
        let columns = max(2, layout.previews.contactSheetColumns / 2 * 2)
        let gutter = mm(4)
        for (index, card) in cards.enumerated() {
            for (sideIndex, side) in CardSideName.allCases.enumerated() {
                let face = renderer.face(card, side, bleed: 0)
                let cardItems: [PageItem] = [.clipped(Rect(x: 0, y: 0, width: trim.width, height: trim.height), face.items),
                                             .rectangle(Rect(x: 0, y: 0, width: trim.width, height: trim.height),
                                                        cornerRadius: radius, fill: nil, stroke: outline)]
                var page = Page(size: trim)
                page.add(cardItems)
                let url = folder.appendingPathComponent(String(format: "%02d-%@-%@.png", index + 1, card.id, side.rawValue))
                try png.write(page, to: url, dpi: layout.previews.dpi)
                written.append(url)
                let slot = index * 2 + sideIndex
                let x = gutter + Double(slot % columns) * (trim.width + gutter)
                let y = gutter + Double(slot / columns) * (trim.height + gutter)
                contactItems += cardItems.offsetBy(dx: x, dy: y)
            }
        }
        try diagnostics.throwIfFailed()
        let rows = (cards.count * 2 + columns - 1) / columns
        var sheet = Page(size: Size(width: gutter + Double(columns) * (trim.width + gutter),
                                    height: gutter + Double(rows) * (trim.height + gutter)))
        sheet.add(contactItems)
        let contact = folder.appendingPathComponent("contact-sheet.png")
        try png.write(sheet, to: contact, dpi: layout.previews.contactSheetDpi)
        written.append(contact)
        return written
    }
}
