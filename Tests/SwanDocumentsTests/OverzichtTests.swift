import Foundation
import XCTest
import SwanTestSupport
import SwanDeck
import SwanDocuments
import SwanLayout

/// swan overzicht: one A4 sheet, front and back, every text of overzicht.yaml on its side, all
/// inside the margins; too much text is an error, never clipped.
final class OverzichtTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    let context = CardsTestSupport.context

    func testTwoA4SidesWithEveryTextOnItsSide() throws {
        let document = try OverzichtDocument.make(context, diagnostics: Diagnostics())
        let overview = try XCTUnwrap(context.deck.overview)
        XCTAssertEqual(document.pages.count, 2)
        let url = CardsTestSupport.temporaryDirectory().appendingPathComponent("overzicht.pdf")
        try TestExporters.pdf.write(document, to: url)
        XCTAssertEqual(try CardsTestSupport.run("qpdf", ["--check", url.path]).status, 0)
        let info = try CardsTestSupport.run("pdfinfo", [url.path]).output
        XCTAssertTrue(info.contains("(A4)"), info)
        for (index, sections) in overview.sides.enumerated() {
            let page = String(index + 1)
            let text = CardsTestSupport.normalised(try CardsTestSupport.run("pdftotext", ["-f", page, "-l", page, url.path, "-"]).output)
            var expected = sections.flatMap { section in (section.heading.map { [$0] } ?? []) + section.blocks.flatMap(\.texts) }
            if index == 0 { expected += [overview.title] + [overview.subtitle, overview.intro].compactMap { $0 } }
            for round in Set(sections.compactMap(\.round)).sorted() {
                let name = try XCTUnwrap(context.deck.round(round))
                expected.append(try context.label("overzicht.round", ["round": name.name, "label": name.label]))
            }
            for phrase in expected {
                XCTAssertTrue(text.contains(CardsTestSupport.normalised(phrase)), "side \(page): '\(phrase)'")
            }
        }
    }

    func testEverythingStaysInsideTheMargins() throws {
        let document = try OverzichtDocument.make(context, diagnostics: Diagnostics())
        let layout = try context.deck.decodeLayout("overzicht", as: OverzichtLayout.self)
        let size = layout.pageSize
        let inside = Rect(x: mm(layout.margins.left), y: mm(layout.margins.top),
                          width: size.width - mm(layout.margins.left + layout.margins.right),
                          height: size.height - mm(layout.margins.top + layout.margins.bottom))
        for (index, page) in document.pages.enumerated() {
            XCTAssertFalse(page.glyphRuns.isEmpty)
            for run in page.glyphRuns {
                XCTAssertTrue(inside.contains(run.bounds, tolerance: 0.5), "side \(index + 1): '\(run.text)' at \(run.bounds)")
            }
        }
    }

    func testTooMuchTextIsAnErrorSayingByHowMuch() throws {
        var deck = context.deck
        var overview = try XCTUnwrap(deck.overview)
        overview.sides[1] += Array(repeating: overview.sides[1][2], count: 3)
        deck.overview = overview
        let crowded = try DocumentContext(deck: deck, date: context.date)
        XCTAssertThrowsError(try OverzichtDocument.make(crowded, diagnostics: Diagnostics())) { error in
            let text = "\(error)"
            XCTAssertNotNil(text.range(of: #"overzicht \(back\): the text runs \d+\.\d mm past the bottom margin"#,
                                       options: .regularExpression), text)
            XCTAssertFalse(text.contains("(front)"), "the front fits: \(text)")
        }
    }

    func testADeckWithoutOverviewIsAnErrorNamingDeckYaml() throws {
        var deck = context.deck
        deck.overview = nil
        let bare = try DocumentContext(deck: deck, date: context.date)
        XCTAssertThrowsError(try OverzichtDocument.make(bare, diagnostics: Diagnostics())) { error in
            XCTAssertTrue("\(error)".contains("deck.yaml"), "\(error)")
        }
    }
}
