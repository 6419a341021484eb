/// The print-shop PDF: one card side per page, front then back, each page the trim size plus
/// the bleed on every side; backgrounds run into the bleed, text stays in the safe area, and
/// every page carries a TrimBox and a BleedBox. In CMYK (the default) the file is PDF/X-4 for
/// the press layout/cards.yaml names: every colour converted to its inks, greys in black only.
package import SwanDeck
package import SwanLayout

package enum PrintShopDocument {
    /// `bleed` in millimetres; the template's value when nil.
    package static func make(_ cards: [Card], _ context: DocumentContext, bleed: Double? = nil, colour: PrintShopColour = .cmyk,
                            diagnostics: Diagnostics) throws -> (document: Document, faces: [CardFace]) {
        let layout = try context.layout("cards", as: CardLayout.self)
        let condition = colour == .cmyk ? try PrintShopColour.condition(layout.printShop, deck: context.deck) : nil
        let renderer = try CardFaceRenderer.shared(context, diagnostics: diagnostics)
        let bleedPoints = mm(bleed ?? layout.printShop.bleed)
        let trim = layout.trimSize
        let pageSize = Size(width: trim.width + 2 * bleedPoints, height: trim.height + 2 * bleedPoints)
        var pages: [Page] = []
        var faces: [CardFace] = []
        // Tagged: a Sect per card side, front then back, as the pages are.
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        for card in cards {
            for side in CardSideName.allCases {
                let face = renderer.face(card, side, bleed: bleedPoints)
                var page = Page(size: pageSize)
                page.add(face.items.restructured(tree.graft(face.structure, under: root)).offsetBy(dx: bleedPoints, dy: bleedPoints))
                page.trimBox = Rect(x: bleedPoints, y: bleedPoints, width: trim.width, height: trim.height)
                page.bleedBox = Rect(x: 0, y: 0, width: pageSize.width, height: pageSize.height)
                pages.append(page)
                var placed = face
                placed.items = page.items
                placed.safeArea = face.safeArea.offsetBy(dx: bleedPoints, dy: bleedPoints)
                faces.append(placed)
            }
        }
        try diagnostics.throwIfFailed()
        let info = context.info(title: try context.label(.printshopTitle, ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        var document = context.tagged(Document(info: info, pages: pages), tree)
        document.printCondition = condition
        return (document, faces)
    }
}
