/// PNG previews: one image per card side (at trim size, corners rounded as a cutter would), and
/// a contact sheet of the whole deck, fronts beside backs.
import Foundation
import SwanDeck
import SwanEngine
import SwanIO

public enum CardPreviews {
    /// Writes `<folder>/<nn>-<id>-front.png`, `…-back.png` and `contact-sheet.png` through the
    /// safe write path; returns the paths.
    @discardableResult
    public static func write(_ cards: [Card], _ context: DocumentContext, to folder: URL,
                             diagnostics: Diagnostics = Diagnostics()) throws -> [URL] {
        let images = try self.images(cards, context, diagnostics: diagnostics)
        for image in images { try AtomicFile.write(image.data, to: folder.appendingPathComponent(image.name)) }
        return images.map { folder.appendingPathComponent($0.name) }
    }

    /// The images by file name, encoded in memory on all cores: PNG encoding is the slow part
    /// of the default run.
    public static func images(_ cards: [Card], _ context: DocumentContext,
                              diagnostics: Diagnostics = Diagnostics()) throws -> [(name: String, data: Data)] {
        let layout = try context.layout("cards", as: CardLayout.self)
        let renderer = CardFaceRenderer(context: context, layout: layout, diagnostics: diagnostics)
        let png = context.engine.png
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
                sides.append((String(format: "%02d-%@-%@.png", index + 1, card.id, side.rawValue), page, index * 2 + sideIndex))
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
        let jobs = sides.map { ($0.name, $0.page, layout.previews.dpi) } + [("contact-sheet.png", sheet, layout.previews.contactSheetDpi)]
        let failures = ConcurrentErrors()
        let encoded = ImageBox(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (name, page, dpi) = jobs[index]
            do { encoded.set(index, (name, try png.data(page, dpi: dpi))) } catch { failures.add(error) }
        }
        if let error = failures.first { throw error }
        return encoded.values
    }
}

/// Images encoded on several threads, in job order.
private final class ImageBox: @unchecked Sendable {  // `storage` behind `lock`
    private var storage: [(name: String, data: Data)?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ image: (name: String, data: Data)) { lock.lock(); storage[index] = image; lock.unlock() }
    var values: [(name: String, data: Data)] { lock.lock(); defer { lock.unlock() }; return storage.compactMap { $0 } }
}
