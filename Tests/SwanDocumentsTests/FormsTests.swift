import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanSession

/// The blank invulblad and the checklist, rendered and checked with poppler and qpdf.
final class FormsTests: XCTestCase {
    func testBlankInvulbladHasEveryPromptOnTwoA4Pages() throws {
        let context = try FormsTest.context()
        let document = try InvulbladDocument.blank(context, diagnostics: Diagnostics())
        XCTAssertEqual(document.pages.count, context.deck.invulblad.parts.count, "one page per part")
        let pdf = try FormsTest.write(document, name: "invulblad.pdf")
        try FormsTest.assertWellFormed(pdf)
        XCTAssertEqual(try FormsTest.pageCount(pdf), 2)

        let text = FormsTest.normalise(try FormsTest.text(pdf))
        for part in context.deck.invulblad.parts {
            if let title = part.title { FormsTest.assertContains(text, title, "part title") }
            for section in part.sections {
                FormsTest.assertContains(text, section.prompt, section.id)
                if let label = section.label { FormsTest.assertContains(text, label, section.id) }
                if let hint = section.hint { FormsTest.assertContains(text, hint, section.id) }
            }
        }
        // The form's name and "Pagina X van Y" on each page.
        for page in 1...2 {
            let pageText = FormsTest.normalise(try FormsTest.text(pdf, page: page))
            FormsTest.assertContains(pageText, context.deck.invulblad.title)
            FormsTest.assertContains(pageText, try context.label("page.number", ["page": "\(page)", "pages": "2"]))
        }
    }

    func testBlankInvulbladWritingSpaceFollowsTheLinesOfEachSection() throws {
        let context = try FormsTest.context()
        let document = try InvulbladDocument.blank(context, diagnostics: Diagnostics())
        let rules = document.pages.map { page in
            page.unmarkedItems.filter { if case .line = $0 { return true } else { return false } }.count
        }
        // Writing lines per part (an inline field has one), plus the footer rule of each page.
        let expected = context.deck.invulblad.parts.map { part in
            part.sections.reduce(0) { $0 + max($1.lines, $1.inline ? 1 : 0) } + 1
        }
        XCTAssertEqual(rules, expected)
    }

    func testRoundSectionsHaveAColouredBarAndTheirRoundLabelInText() throws {
        let context = try FormsTest.context()
        let document = try InvulbladDocument.blank(context, diagnostics: Diagnostics())
        let fills = document.pages.flatMap { page in
            page.unmarkedItems.compactMap { item -> Colour? in
                if case .rectangle(_, _, let fill, _) = item { return fill } else { return nil }
            }
        }
        for round in context.deck.rounds {
            XCTAssertTrue(fills.contains(Colour(hex: round.colour)!), "a bar in the colour of round \(round.number)")
        }
        // Legible in black and white: every round with a colour also has its label in words.
        let labels = context.deck.invulblad.sections.compactMap(\.label)
        XCTAssertEqual(labels.count, context.deck.rounds.count)
    }

    func testChecklistHasEveryItemWithADrawnCheckboxAndTheRoleTasks() throws {
        let context = try FormsTest.context()
        let checklist = context.deck.checklist
        let document = try ChecklistDocument.make(context, diagnostics: Diagnostics())
        let boxes = document.pages.flatMap { page in
            page.unmarkedItems.filter { item in
                if case .rectangle(let rect, _, nil, .some) = item { return abs(rect.width - rect.height) < 0.01 }
                return false
            }
        }
        let items = checklist.moments.reduce(0) { $0 + $1.items.count }
        XCTAssertEqual(checklist.moments.count, 4)
        XCTAssertEqual(boxes.count, items, "one stroked square per item")

        let pdf = try FormsTest.write(document, name: "checklist.pdf")
        try FormsTest.assertWellFormed(pdf)
        XCTAssertEqual(try FormsTest.pageCount(pdf), 1)
        let text = FormsTest.normalise(try FormsTest.text(pdf))
        FormsTest.assertContains(text, checklist.title)
        for moment in checklist.moments {
            if let heading = moment.heading { FormsTest.assertContains(text, heading) }
            for item in moment.items { FormsTest.assertContains(text, item, "checklist item") }
        }
        XCTAssertEqual(checklist.roles.count, 3)
        for role in checklist.roles {
            FormsTest.assertContains(text, role.name)
            for task in role.tasks { FormsTest.assertContains(text, task, "task of \(role.id)") }
        }
        // One page: no "Pagina 1 van 1".
        XCTAssertFalse(text.contains(FormsTest.normalise(try context.label("page.number", ["page": "1", "pages": "1"]))))
    }

    func testVocabularyFromTheDeckMatchesThePrintedSet() throws {
        let vocabulary = SessionVocabulary(deck: try FormsTest.context().deck)
        XCTAssertEqual(Set(vocabulary.voorwaarden.keys), Set(SessionVocabulary.standard.voorwaarden.keys))
        XCTAssertEqual(Set(vocabulary.factoren.keys), Set(SessionVocabulary.standard.factoren.keys))
        XCTAssertEqual(Set(vocabulary.levels.keys), Set(SessionVocabulary.standard.levels.keys))
    }

    func testFormsLayoutErrorsNameTheFile() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("swan-forms-deck-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FormsTest.deckDirectory, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("layout/forms.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "paper: a4", with: "paper: a4\npapier: a5")
        try Data(text.utf8).write(to: file)
        var deck = try DeckLoader.load(from: copy)
        deck.fontFallbackDirectory = FormsTest.deckDirectory  // the copy's fonts are the repository's
        let context = try DocumentContext(deck: deck)
        XCTAssertThrowsError(try InvulbladDocument.blank(context, diagnostics: Diagnostics())) { error in
            XCTAssertTrue("\(error)".contains("forms.yaml"), "\(error)")
            XCTAssertTrue("\(error)".contains("papier"), "\(error)")
        }
    }
}
