import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanSession

/// The forms' lists are lists (issue 14): a list answer of the filled invulblad (voorwaarden,
/// factoren, interventies, hulpvragen) is an L whose items are LI > Lbl (the marker) + LBody
/// (the item's lines, continued over a page break); the checklist's role tasks likewise.
final class FormListTagsTests: XCTestCase {
    /// The text of each element's content, per page, in drawing order.
    static func texts(_ document: Document) -> [StructureID: [(page: Int, text: String)]] {
        var result: [StructureID: [(page: Int, text: String)]] = [:]
        for (number, page) in document.pages.enumerated() {
            func walk(_ items: [PageItem]) {
                for item in items {
                    switch item {
                    case .marked(.content(let id), let inner):
                        let text = inner.compactMap { item -> String? in if case .text(let run) = item { return run.text }; return nil }.joined()
                        if !text.isEmpty { result[id, default: []].append((number, text)) }
                        walk(inner.filter { if case .marked = $0 { return true }; return false })
                    case .marked(_, let inner), .clipped(_, let inner): walk(inner)
                    default: break
                    }
                }
            }
            walk(page.items)
        }
        return result
    }

    func testListAnswersAndRoleTasksAreLabelledListItems() throws {
        let context = try FormsTest.context()
        let session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        // Long explanations of the factors: items that run over a page break.
        var long = session
        var ronde2 = try XCTUnwrap(long.ronde2)
        XCTAssertGreaterThan(ronde2.factoren.count, 1)
        for index in ronde2.factoren.indices {
            ronde2.factoren[index].toelichting = String(repeating: "een toelichting die doorloopt over de regels ", count: 40)
        }
        long.ronde2 = ronde2
        let documents = [
            try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()),
            try InvulbladDocument.filled(long, context, diagnostics: Diagnostics()),
            try ChecklistDocument.make(context, diagnostics: Diagnostics()),
        ]
        var items = 0, split = 0
        for document in documents {
            let tree = try XCTUnwrap(document.structure)
            let texts = Self.texts(document)
            let entries = tree.readingOrder.filter { tree[$0].role == .listItem }
            XCTAssertFalse(entries.isEmpty, document.info.title)
            for entry in entries {
                let children = tree[entry].children
                XCTAssertEqual(children.map { tree[$0].role }, [.label, .listBody])
                guard children.count == 2 else { continue }
                items += 1
                let label = texts[children[0]] ?? [], body = texts[children[1]] ?? []
                XCTAssertEqual(label.count, 1, "one Lbl, not repeated")
                let marker = label.first?.text ?? ""
                XCTAssertTrue(marker == "•" || marker.range(of: #"^[0-9]+\.$"#, options: .regularExpression) != nil, marker)
                XCTAssertFalse(body.isEmpty, "the item has text")
                XCTAssertFalse(body.first?.text.hasPrefix(marker) ?? true, "the marker is not in the LBody")
                XCTAssertEqual(label.first?.page, body.first?.page)
                if Set(body.map(\.page)).count > 1 { split += 1 }
            }
        }
        XCTAssertGreaterThan(items, 10)
        XCTAssertGreaterThan(split, 0, "a list item continued on the next page")
    }
}
