import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanEngine

/// The handleiding, typeset and checked with poppler and qpdf.
final class HandleidingTests: XCTestCase {
    static func plain(_ runs: [InlineRun], marks: [String: String]) -> String {
        runs.map { run in run.footnote.map { marks[$0] ?? "" } ?? run.text }.joined()
    }

    func testEveryParagraphHeadingAndFootnoteIsInTheText() throws {
        let context = try FormsTest.context()
        let manual = context.deck.handleiding
        let pdf = try FormsTest.write(try HandleidingDocument.make(context), name: "handleiding.pdf")
        try FormsTest.assertWellFormed(pdf)
        let text = FormsTest.normalise(try FormsTest.text(pdf))
        let marks = Dictionary(uniqueKeysWithValues: manual.footnotes.map { ($0.id, $0.mark) })
        FormsTest.assertContains(text, manual.title)
        var count = 0
        for block in manual.blocks {
            switch block {
            case .heading(_, let heading): FormsTest.assertContains(text, heading, "heading")
            case .paragraph(let runs): FormsTest.assertContains(text, Self.plain(runs, marks: marks), "paragraph"); count += 1
            case .bulletList(let items), .orderedList(let items):
                for item in items { FormsTest.assertContains(text, Self.plain(item, marks: marks), "list item"); count += 1 }
            }
        }
        XCTAssertGreaterThan(count, 10)
        for note in manual.footnotes { FormsTest.assertContains(text, Self.plain(note.text, marks: marks), "footnote") }
    }

    func testFootnoteIsOnThePageOfItsReference() throws {
        let context = try FormsTest.context()
        let manual = context.deck.handleiding
        XCTAssertFalse(manual.footnotes.isEmpty)
        let pdf = try FormsTest.write(try HandleidingDocument.make(context), name: "handleiding.pdf")
        let pages = try FormsTest.pageCount(pdf)
        XCTAssertGreaterThan(pages, 1)
        let marks = Dictionary(uniqueKeysWithValues: manual.footnotes.map { ($0.id, $0.mark) })
        for note in manual.footnotes {
            let noteText = FormsTest.normalise(Self.plain(note.text, marks: marks))
            let pageTexts = try (1...pages).map { FormsTest.normalise(try FormsTest.text(pdf, page: $0)) }
            let notePages = pageTexts.indices.filter { pageTexts[$0].contains(noteText) }
            XCTAssertEqual(notePages.count, 1, "the note is set once")
            // The paragraph that references it: the text just before the mark.
            for block in manual.blocks {
                guard case .paragraph(let runs) = block, let index = runs.firstIndex(where: { $0.footnote == note.id }) else { continue }
                let before = FormsTest.normalise(runs[..<index].map(\.text).joined())
                let reference = String(before.suffix(20)) + note.mark
                XCTAssertTrue(pageTexts[notePages[0]].contains(reference), "reference and note on one page")
            }
        }
    }

    func testABookmarkPerHeadingAndPageNumbers() throws {
        let context = try FormsTest.context()
        let manual = context.deck.handleiding
        let document = try HandleidingDocument.make(context)
        XCTAssertGreaterThanOrEqual(document.outline.count, manual.headings.count + 1)
        let pdf = try FormsTest.write(document, name: "handleiding.pdf")
        let json = try FormsTest.run("qpdf", ["--json", "--json-key=outlines", pdf.path]).output
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        func titles(_ list: [[String: Any]]) -> [String] {
            list.flatMap { ([$0["title"] as? String].compactMap { $0 }) + titles($0["kids"] as? [[String: Any]] ?? []) }
        }
        let bookmarks = titles(root?["outlines"] as? [[String: Any]] ?? [])
        for heading in manual.headings + [manual.title] { XCTAssertTrue(bookmarks.contains(heading), "bookmark for \(heading)") }
        let pages = try FormsTest.pageCount(pdf)
        for page in 1...pages {
            let text = FormsTest.normalise(try FormsTest.text(pdf, page: page))
            FormsTest.assertContains(text, try context.label("page.number", ["page": "\(page)", "pages": "\(pages)"]))
            FormsTest.assertContains(text, try context.label("handleiding.header"))
        }
    }

    func testNoHeadingEndsAPageAndNoParagraphLeavesASingleLine() throws {
        let context = try FormsTest.context()
        let document = try HandleidingDocument.make(context)
        let headings = Set(context.deck.handleiding.headings + [context.deck.handleiding.title])
        let footer = 9.0 * 72 / 25.4 + 18.0 * 72 / 25.4
        for (index, page) in document.pages.enumerated() where index < document.pages.count - 1 {
            // The lowest body line of the page (above the footnotes and the footer).
            let body = page.glyphRuns.filter { $0.lineBottom < page.size.height - footer - 1 && $0.size > 9 }
            let lowest = body.max { $0.origin.y < $1.origin.y }
            let lastLine = body.filter { abs($0.origin.y - (lowest?.origin.y ?? 0)) < 0.5 }.map(\.text).joined()
            XCTAssertFalse(headings.contains(lastLine), "page \(index + 1) ends with a heading")
        }
    }
}
