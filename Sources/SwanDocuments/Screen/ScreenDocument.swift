/// The screen edition, for online meetings where the shared screen is the table: per round a
/// table page (the hoofdvraag in the middle, the round's card fronts around it) followed by a page
/// per card with its front and back side by side; the role and check cards at the end. A
/// bookmark per round and per card. The card faces are the print faces, scaled.
package import SwanDeck
package import SwanLayout

package struct ScreenEdition: Sendable {
    package var document: Document
    /// One name per page for its PNG: the number and the card's id ("10-kennis.png"), or for a
    /// table page the round's id and the label screen.table.file ("01-ronde-1-tafel.png").
    package var imageNames: [String]
    /// The resolution at which a page becomes the PNG width of layout/screen.yaml.
    package var imageDPI: Double
}

package enum ScreenDocument {
    package static func make(_ cards: [Card], _ context: DocumentContext,
                            diagnostics: Diagnostics) throws -> ScreenEdition {
        let builder = try ScreenPageBuilder(context: context, diagnostics: diagnostics)
        var pages: [Page] = []
        var names: [String] = []
        var outline: [OutlineEntry] = []
        // Tagged: per page its heading and a Sect per card side shown (see ScreenPageBuilder).
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        func add(_ page: Page, name: String, bookmark: String, level: Int) {
            outline.append(OutlineEntry(title: bookmark, level: level, pageIndex: pages.count, y: 0))
            pages.append(page)
            names.append("\(OutputName.number(pages.count))-\(name).png")
        }

        for round in context.deck.rounds {
            let inRound = cards.filter { $0.round == round.number }
            guard !inRound.isEmpty else { continue }
            let title = try context.label(.screenRound, ["round": round.name, "label": round.label])
            let tableName = round.id + "-" + (try context.label(.screenTableFile))
            add(try builder.tablePage(round, inRound, title: title, tree: &tree, under: root), name: tableName, bookmark: title, level: 1)
            for card in inRound {
                add(try builder.cardPage(card, title: title, tree: &tree, under: root), name: card.id, bookmark: card.name, level: 2)
            }
        }
        let others = cards.filter { card in card.round.flatMap { context.deck.round($0) } == nil }
        if !others.isEmpty {
            let title = try context.label(.screenOthers)
            outline.append(OutlineEntry(title: title, level: 1, pageIndex: pages.count, y: 0))
            for card in others {
                add(try builder.cardPage(card, title: title, tree: &tree, under: root), name: card.id, bookmark: card.name, level: 2)
            }
        }
        try diagnostics.throwIfFailed()
        let info = context.info(title: try context.label(.screenTitle, ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        // Tagged and claiming PDF/UA-1: participants of an online meeting read it, some with a screen reader.
        return ScreenEdition(document: context.accessible(Document(info: info, pages: pages, outline: outline), tree),
                             imageNames: names, imageDPI: builder.layout.pngDPI)
    }
}
