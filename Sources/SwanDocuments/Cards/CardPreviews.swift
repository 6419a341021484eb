/// PNG previews: one image per card side (at trim size, corners rounded as a cutter would), and
/// a contact sheet of the whole deck, fronts beside backs.
import Foundation
package import SwanDeck
package import SwanLayout

package enum CardPreviews {
    /// One picture to encode: its file name, the page, the resolution.
    package struct Picture: Sendable {
        package let name: String
        package let page: Page
        package let dpi: Double
    }

    /// The pictures by file name, laid out but not encoded (the application encodes them, on
    /// all cores: PNG encoding is the slow part of the default run).
    package static func pictures(_ cards: [Card], _ context: DocumentContext,
                                diagnostics: Diagnostics) throws -> [Picture] {
        let layout = try context.layout("cards", as: CardLayout.self)
        let contactSheetName = try OutputName.contactSheet.name(in: context.deck)
        let renderer = try CardFaceRenderer.shared(context, diagnostics: diagnostics)
        let trim = layout.trimSize
        let radius = mm(layout.card.cornerRadius)
        let outline = Stroke(colour: Colour(red: 0.75, green: 0.75, blue: 0.75), width: 0.5)

        let columns = max(2, layout.previews.contactSheetColumns / 2 * 2)
        let gutter = mm(4)
        var sides: [(name: String, page: Page, slot: Int)] = []
        for (index, card) in cards.enumerated() {
            for (sideIndex, side) in CardSideName.allCases.enumerated() {
                let face = renderer.face(card, side, bleed: 0)
                var page = Page(size: trim)
                // The fills end at the rounded corners, as a corner cutter leaves them: a white
                // ring just outside the rounded outline covers what lies past it.
                let ring = radius
                page.add([.clipped(Rect(x: 0, y: 0, width: trim.width, height: trim.height), face.items),
                          .rectangle(Rect(x: 0, y: 0, width: trim.width, height: trim.height).insetBy(-ring / 2),
                                     cornerRadius: radius + ring / 2, fill: nil, stroke: Stroke(colour: .white, width: ring)),
                          .rectangle(Rect(x: 0, y: 0, width: trim.width, height: trim.height),
                                     cornerRadius: radius, fill: nil, stroke: outline)])
                sides.append(("\(OutputName.number(index + 1))-\(card.id)-\(side.rawValue).png", page, index * 2 + sideIndex))
            }
        }
        try diagnostics.throwIfFailed()
        var contactItems: [PageItem] = []
        for side in sides {
            let x = gutter + Double(side.slot % columns) * (trim.width + gutter)
            let y = gutter + Double(side.slot / columns) * (trim.height + gutter)
            contactItems += side.page.items.offsetBy(dx: x, dy: y)
        }
        let rows = (cards.count * 2 + columns - 1) / columns
        var sheet = Page(size: Size(width: gutter + Double(columns) * (trim.width + gutter),
                                    height: gutter + Double(rows) * (trim.height + gutter)))
        sheet.add(contactItems)
        return sides.map { Picture(name: $0.name, page: $0.page, dpi: layout.previews.dpi) }
            + [Picture(name: contactSheetName, page: sheet, dpi: layout.previews.contactSheetDpi)]
    }
}
