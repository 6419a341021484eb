/// The overview for the gespreksleider (swan overzicht): the method at a glance on one sheet,
/// front and back, from overzicht.yaml and layout/overzicht.yaml. A side whose text does not fit
/// is an error saying by how much; nothing is clipped.
import SwanDeck
import SwanDiagnostics
package import SwanLayout

package enum OverzichtDocument {
    package static func make(_ context: DocumentContext, diagnostics: Diagnostics) throws -> Document {
        guard let overview = context.deck.overview else {
            throw Diagnostic.error(LayoutCode.noOverview, at: SourceLocation(file: context.deck.directory.appendingPathComponent("deck.yaml").relativePath))
        }
        let layout = try context.layout("overzicht", as: OverzichtLayout.self)
        let sheet = try OverzichtSheet(context: context, layout: layout, diagnostics: diagnostics)
        var pages: [Page] = []
        // Tagged and claiming PDF/UA-1 like the other documents a person reads (see OverzichtSheet).
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        for (index, sections) in overview.sides.enumerated() {
            pages.append(try sheet.page(sections, header: index == 0 ? overview : nil, side: index == 0 ? "front" : "back",
                                        tree: &tree, under: root))
        }
        try diagnostics.throwIfFailed()
        let info = context.info(title: try context.label(.overzichtTitle, ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        return context.accessible(Document(info: info, pages: pages), tree)
    }
}
