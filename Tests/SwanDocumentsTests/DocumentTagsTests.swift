import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout

/// The screen edition and the specimen are tagged too (issue 14), checked on the page model:
/// every text run is an element's content or an artifact, and the screen edition shows each
/// card side as a Sect with its heading. (The PDFs' trees are read back with qpdf for the
/// print sheets in SwanCLITests/CardTagsTests.)
final class DocumentTagsTests: XCTestCase {
    let context = CardsTestSupport.context

    /// The element each text run belongs to, per page (nil: an artifact); fails for a run that
    /// is neither content nor artifact.
    static func owners(_ document: Document, file: StaticString = #filePath, line: UInt = #line) -> [[StructureID?]] {
        document.pages.enumerated().map { number, page in
            var owners: [StructureID?] = []
            func walk(_ items: [PageItem], _ owner: StructureID??) {
                for item in items {
                    switch item {
                    case .marked(.content(let id), let inner): walk(inner, .some(id))
                    case .marked(.artifact, let inner): walk(inner, .some(nil))
                    case .clipped(_, let inner), .turned(_, let inner): walk(inner, owner)
                    case .text(let run):
                        guard let owner else {
                            if !run.decorative { XCTFail("page \(number + 1): '\(run.text)' untagged", file: file, line: line) }
                            continue
                        }
                        owners.append(owner)
                    default: break
                    }
                }
            }
            walk(page.items, nil)
            return owners
        }
    }

    /// The Sect an element lies in, if any.
    static func section(of id: StructureID, in tree: StructureTree) -> StructureID? {
        var current: StructureID? = id
        while let element = current {
            if tree[element].role == .section { return element }
            current = tree[element].parent
        }
        return nil
    }

    func testScreenEditionShowsEachCardSideAsASectWithItsHeading() throws {
        let edition = try ScreenDocument.make(context.deck.cards, context, diagnostics: Diagnostics())
        let tree = try XCTUnwrap(edition.document.structure)
        XCTAssertEqual(edition.document.language, context.deck.meta.language)
        let owners = Self.owners(edition.document)
        var cardPages = 0
        for (number, page) in owners.enumerated() {
            let elements = page.compactMap { $0 }
            XCTAssertTrue(elements.contains { tree[$0].role == .heading1 && Self.section(of: $0, in: tree) == nil },
                          "page \(number + 1) has a heading of its own")
            let sections = elements.compactMap { Self.section(of: $0, in: tree) }.reduce(into: [StructureID]()) { if !$0.contains($1) { $0.append($1) } }
            XCTAssertFalse(sections.isEmpty, "page \(number + 1) shows cards")
            for section in sections {
                XCTAssertNotNil(tree[section].title)
                let first = try XCTUnwrap(tree[section].children.first)
                XCTAssertEqual(tree[first].role, .heading1, "\(tree[section].title ?? ""): its heading first")
                XCTAssertTrue(elements.contains(first), "the heading is on the page")
            }
            // A card page: the front and the back of one card.
            if sections.count == 2, tree[sections[0]].title == tree[sections[1]].title { cardPages += 1 }
        }
        XCTAssertEqual(cardPages, context.deck.cards.count, "a page per card with both its sides")
    }

    func testSpecimenIsTagged() throws {
        let document = try SpecimenDocument.make(context)
        let tree = try XCTUnwrap(document.structure)
        let owners = Self.owners(document).flatMap { $0 }.compactMap { $0 }
        XCTAssertFalse(owners.isEmpty)
        let roles = Set(owners.map { tree[$0].role })
        XCTAssertEqual(roles, [.heading1, .heading2, .paragraph, .label, .listBody])
    }
}
