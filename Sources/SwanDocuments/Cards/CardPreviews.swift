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
        let layout = try context.layout("cards", as: CardLayout.self)
        let renderer = CardFaceRenderer(context: context, layout: layout, diagnostics: diagnostics)
        let png = context.engine.png
        let trim = layout.trimSize
        let radius = mm(layout.card.cornerRadius)
        let outline = Stroke(colour: Colour(red: 0.75, green: 0.75, blue: 0.75), width: 0.5)

        let columns = max(2, layout.previews.contactSheetColumns / 2 * 2)
        let gutter = mm(4)
        // Lay out every side first, then write the images on all cores: PNG encoding is the
        // slow part of the default run.
        var sides: [(url: URL, page: Page, slot: Int)] = []
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
                let url = folder.appendingPathComponent(String(format: "%02d-%@-%@.png", index + 1, card.id, side.rawValue))
                sides.append((url, page, index * 2 + sideIndex))
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
        let contact = folder.appendingPathComponent("contact-sheet.png")
        let jobs = sides.map { ($0.url, $0.page, layout.previews.dpi) } + [(contact, sheet, layout.previews.contactSheetDpi)]
        let failures = ConcurrentErrors()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (url, page, dpi) = jobs[index]
            do { try png.write(page, to: url, dpi: dpi) } catch { failures.add(error) }
        }
        if let error = failures.first { throw error }
        return jobs.map(\.0)
    }
}
