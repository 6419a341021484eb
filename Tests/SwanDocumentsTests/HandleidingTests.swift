import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanPDF

/// The handleiding, typeset and checked with poppler and qpdf.
final class HandleidingTests: XCTestCase {
    static func plain(_ runs: [InlineRun], marks: [String: String]) -> String {
        runs.map { run in run.footnote.map { marks[$0] ?? "" } ?? run.text }.joined()
    }

    func testEveryParagraphHeadingAndFootnoteIsInTheText() throws {
        let context = try FormsTest.context()
        let manual = context.deck.handleiding
        let pdf = try FormsTest.write(try HandleidingDocument.make(context, diagnostics: Diagnostics()), name: "handleiding.pdf")
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
        let pdf = try FormsTest.write(try HandleidingDocument.make(context, diagnostics: Diagnostics()), name: "handleiding.pdf")
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
        let document = try HandleidingDocument.make(context, diagnostics: Diagnostics())
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
        let splits = try Self.assertPageBreaks(context.deck.handleiding, context)
        XCTAssertGreaterThanOrEqual(splits.pages, 2)
    }

    /// The same rules on longer made-up manuals (the shipped text's words cut into paragraphs of
    /// one to nine lines between headings), so that page breaks fall inside paragraphs of every
    /// length and next to headings: the rules are really exercised, not only where the shipped
    /// text happens to break.
    func testPageBreakRulesHoldWhereverTheBreaksFall() throws {
        let base = try FormsTest.context()
        let manual = base.deck.handleiding
        let words = manual.blocks.flatMap { block -> [String] in
            guard case .paragraph(let runs) = block else { return [] }
            return runs.filter { $0.footnote == nil }.map(\.text).joined().split(separator: " ").map(String.init)
        }
        XCTAssertGreaterThan(words.count, 200)
        let headings = manual.headings
        var splitParagraphs = 0, headingsAtPageTops = 0
        for variant in 0..<6 {
            var blocks: [ManualBlock] = []
            var cursor = variant * 7
            for index in 0..<60 {
                if index % 5 == variant % 3 { blocks.append(.heading(level: 2, text: headings[index % headings.count])) }
                let count = 6 + (index * 37 + variant * 11) % 90  // about one to nine lines
                let text = (0..<count).map { words[(cursor + $0) % words.count] }.joined(separator: " ")
                cursor += count
                blocks.append(.paragraph([InlineRun(text: text)]))
            }
            var deck = base.deck
            deck.handleiding.blocks = blocks
            deck.handleiding.footnotes = []
            let context = try DocumentContext(deck: deck, date: base.date)
            let found = try Self.assertPageBreaks(deck.handleiding, context)
            splitParagraphs += found.splitParagraphs
            headingsAtPageTops += found.headingsAtPageTop
        }
        XCTAssertGreaterThan(splitParagraphs, 5, "page breaks fell inside paragraphs")
        XCTAssertGreaterThan(headingsAtPageTops, 0, "a page break fell next to a heading")
    }

    /// Every list item is LI > Lbl + LBody: the Lbl holds the marker's glyphs only ("•", "3."),
    /// once, on the item's first page; the LBody holds the item's text and, where the item is
    /// continued on the next page, continues there (the same element, content on both pages).
    /// Made-up manuals with long list items, so that page breaks fall inside items.
    /// A manual that goes from "#" to "###" keeps its look, but its tags do not skip a level
    /// (PDF/UA-1 7.4.2, which the writer checks for a document that claims PDF/UA): the
    /// heading is tagged H2 under the title's H1, and the file is written with its claim.
    func testHeadingTagsDoNotSkipALevel() throws {
        let base = try FormsTest.context()
        var deck = base.deck
        deck.handleiding.blocks = [.heading(level: 3, text: "Sub"), .paragraph([InlineRun(text: "Tekst.")]), .heading(level: 2, text: "Kop"),
                                   .heading(level: 3, text: "Sub"), .heading(level: 1, text: "Deel")]
        deck.handleiding.footnotes = []
        let document = try HandleidingDocument.make(try DocumentContext(deck: deck, date: base.date), diagnostics: Diagnostics())
        let tree = try XCTUnwrap(document.structure)
        let headings = tree.readingOrder.map { tree[$0].role }.filter { [.heading1, .heading2, .heading3].contains($0) }
        XCTAssertEqual(headings, [.heading1, .heading2, .heading2, .heading3, .heading1])
        XCTAssertEqual(document.conformance, .pdfUA1)
        let pdf = String(decoding: try NativePDFExporter().export(document), as: UTF8.self)
        XCTAssertTrue(pdf.contains("<pdfuaid:part>1</pdfuaid:part>"))
    }

    func testListItemsAreALabelAndABody() throws {
        let base = try FormsTest.context()
        let words = base.deck.handleiding.blocks.flatMap { block -> [String] in
            guard case .paragraph(let runs) = block else { return [] }
            return runs.filter { $0.footnote == nil }.map(\.text).joined().split(separator: " ").map(String.init)
        }
        var itemsSplit = 0, itemsSeen = 0
        for variant in 0..<3 {
            var blocks: [ManualBlock] = [.paragraph([InlineRun(text: words.prefix(40 + variant * 13).joined(separator: " "))])]
            var cursor = variant * 5
            for list in 0..<8 {
                let items = (0..<(3 + (list + variant) % 4)).map { index -> [InlineRun] in
                    let count = 8 + (index * 29 + list * 17 + variant * 7) % 70
                    defer { cursor += count }
                    return [InlineRun(text: (0..<count).map { words[(cursor + $0) % words.count] }.joined(separator: " "))]
                }
                blocks.append(list % 2 == 0 ? .bulletList(items) : .orderedList(items))
            }
            var deck = base.deck
            deck.handleiding.blocks = blocks
            deck.handleiding.footnotes = []
            let document = try HandleidingDocument.make(try DocumentContext(deck: deck, date: base.date), diagnostics: Diagnostics())
            let tree = try XCTUnwrap(document.structure)
            // The text each element owns, per page.
            var owned: [StructureID: [(page: Int, text: String)]] = [:]
            for (number, page) in document.pages.enumerated() {
                for case .marked(.content(let id), let items) in page.items {
                    let text = items.compactMap { item -> String? in if case .text(let run) = item { return run.text }; return nil }.joined()
                    owned[id, default: []].append((number, text))
                }
            }
            var listNumber = 0
            for id in tree.readingOrder where tree[id].role == .list {
                let markers = blocks.compactMap { block -> [String]? in
                    switch block {
                    case .bulletList(let items): items.map { _ in "•" }
                    case .orderedList(let items): items.indices.map { "\($0 + 1)." }
                    default: nil
                    }
                }[listNumber]
                listNumber += 1
                XCTAssertEqual(tree[id].children.count, markers.count)
                for (entry, marker) in zip(tree[id].children, markers) {
                    itemsSeen += 1
                    XCTAssertEqual(tree[entry].role, .listItem)
                    XCTAssertEqual(tree[entry].children.map { tree[$0].role }, [.label, .listBody])
                    guard tree[entry].children.count == 2 else { continue }
                    let label = owned[tree[entry].children[0]] ?? [], body = owned[tree[entry].children[1]] ?? []
                    XCTAssertEqual(label.map(\.text), [marker], "the Lbl is the marker, once")
                    XCTAssertFalse(body.contains { $0.text.hasPrefix(marker) }, "the marker is not in the LBody")
                    XCTAssertEqual(label.first?.page, body.first?.page, "the Lbl stands on the item's first page")
                    if Set(body.map(\.page)).count > 1 { itemsSplit += 1 }
                }
            }
            XCTAssertEqual(listNumber, 8)
        }
        XCTAssertGreaterThan(itemsSeen, 50)
        XCTAssertGreaterThan(itemsSplit, 0, "a page break fell inside a list item")
    }

    /// Typesets `manual` and checks every page break: each block's lines are found in order
    /// (nothing lost), no heading is the last line of a page, and a paragraph or list item that
    /// continues on the next page leaves at least two lines on each of them.
    @discardableResult
    static func assertPageBreaks(_ manual: Manual, _ context: DocumentContext,
                                 file: StaticString = #filePath, line: UInt = #line) throws
        -> (pages: Int, splitParagraphs: Int, headingsAtPageTop: Int) {
        let document = try HandleidingDocument.make(context, diagnostics: Diagnostics())
        let pages = bodyLines(document)
        let lines = pages.enumerated().flatMap { page, texts in texts.indices.map { (page: page, index: $0, text: texts[$0]) } }

        // The blocks in reading order, each with the text its lines must spell.
        enum Kind { case heading, paragraph }
        var blocks: [(kind: Kind, text: String)] = [(.heading, manual.title)]
        func plain(_ runs: [InlineRun]) -> String { runs.filter { $0.footnote == nil }.map(\.text).joined() }
        for block in manual.blocks {
            switch block {
            case .heading(_, let text): blocks.append((.heading, text))
            case .paragraph(let runs): blocks.append((.paragraph, plain(runs)))
            case .bulletList(let items): blocks += items.map { (.paragraph, "•" + plain($0)) }
            case .orderedList(let items): blocks += items.enumerated().map { (.paragraph, "\($0.offset + 1)." + plain($0.element)) }
            }
        }

        var next = 0, splitParagraphs = 0, headingsAtPageTop = 0
        for (number, block) in blocks.enumerated() {
            let expected = FormsTest.normalise(block.text)
            var spelt = "", taken: [(page: Int, index: Int)] = []
            while spelt.count < expected.count && next < lines.count {
                spelt += lines[next].text
                taken.append((lines[next].page, lines[next].index))
                next += 1
            }
            guard spelt == expected, let last = taken.last else {
                XCTFail("block \(number) is not set in order as its text: expected \(expected.prefix(60))…, found \(spelt.prefix(60))…",
                        file: file, line: line)
                return (pages.count, splitParagraphs, headingsAtPageTop)
            }
            let endsPage = last.index == pages[last.page].count - 1 && last.page < pages.count - 1
            switch block.kind {
            case .heading:
                XCTAssertFalse(endsPage, "page \(last.page + 1) ends with the heading \(block.text)", file: file, line: line)
                // A heading that opens a page: a page break fell right before it.
                if let first = taken.first, first.index == 0, first.page > 0 { headingsAtPageTop += 1 }
            case .paragraph:
                let perPage = Dictionary(grouping: taken, by: \.page).mapValues(\.count)
                if perPage.count > 1 {
                    splitParagraphs += 1
                    for (page, count) in perPage {
                        XCTAssertGreaterThanOrEqual(count, 2, "block \(number) leaves a single line on page \(page + 1): \(block.text.prefix(40))…",
                                                    file: file, line: line)
                    }
                }
            }
        }
        XCTAssertEqual(next, lines.count, "every body line belongs to a block", file: file, line: line)
        return (pages.count, splitParagraphs, headingsAtPageTop)
    }

    /// The body lines of every page, top to bottom, each as normalised text: the runs set larger
    /// than the running head, the page number and the footnotes (all 8.5 pt), so not those.
    static func bodyLines(_ document: Document) -> [[String]] {
        document.pages.map { page in
            let runs = page.glyphRuns.filter { $0.size > 9 }.sorted { ($0.origin.y, $0.origin.x) < ($1.origin.y, $1.origin.x) }
            var lines: [(y: Double, text: String)] = []
            for run in runs {
                if let lastLine = lines.last, abs(lastLine.y - run.origin.y) < 0.5 {
                    lines[lines.count - 1].text += run.text
                } else {
                    lines.append((run.origin.y, run.text))
                }
            }
            return lines.map { FormsTest.normalise($0.text) }
        }
    }
}
