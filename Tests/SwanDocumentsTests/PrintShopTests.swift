import XCTest
import SwanTestSupport
import SwanDeck
import SwanDocuments
import SwanLayout

final class PrintShopTests: XCTestCase {
    let context = CardsTestSupport.context

    func testOnePagePerSideWithBleedAndPageBoxes() throws {
        let cards = context.deck.cards
        let folder = CardsTestSupport.temporaryDirectory()
        let url = folder.appendingPathComponent("shop.pdf")
        let shop = try PrintShopDocument.make(cards, context, diagnostics: Diagnostics())
        try TestExporters.pdf.write(shop.document, to: url)
        XCTAssertEqual(try CardsTestSupport.run("qpdf", ["--check", url.path]).status, 0)

        let boxes = try CardsTestSupport.run("pdfinfo", ["-box", "-f", "1", "-l", "\(2 * cards.count)", url.path]).output
        XCTAssertNotNil(boxes.range(of: "Pages: +\(2 * cards.count)\n", options: .regularExpression), boxes)
        let layout = CardsTestSupport.layout
        let bleed = mm(layout.printShop.bleed)
        let pageWidth = mm(layout.card.width) + 2 * bleed, pageHeight = mm(layout.card.height) + 2 * bleed
        var trimBoxes = 0
        for line in boxes.split(separator: "\n") {
            // "Page    1 TrimBox:  8.50 8.50 188.50 260.50": the four numbers after the colon.
            let fields = line.split(separator: ":").last!.split(separator: " ").compactMap { Double($0) }
            if line.contains("MediaBox:") {
                XCTAssertEqual(fields, [0, 0, pageWidth, pageHeight].map { ($0 * 100).rounded() / 100 }, accuracy: 0.02)
            }
            if line.contains("TrimBox:") {
                trimBoxes += 1
                // 3 mm inside the MediaBox on every side.
                XCTAssertEqual(fields, [bleed, bleed, pageWidth - bleed, pageHeight - bleed], accuracy: 0.02)
            }
            if line.contains("BleedBox:") { XCTAssertEqual(fields, [0, 0, pageWidth, pageHeight], accuracy: 0.02) }
        }
        XCTAssertEqual(trimBoxes, 2 * cards.count)
    }

    func testBackgroundsRunIntoTheBleedAndTextStaysInTheSafeArea() throws {
        let shop = try PrintShopDocument.make(context.deck.cards, context, diagnostics: Diagnostics())
        for (face, page) in zip(shop.faces, shop.document.pages) {
            for run in page.glyphRuns {
                XCTAssertTrue(face.safeArea.contains(run.bounds), "\(face.cardID) \(face.side): '\(run.text)'")
            }
            let fills = page.items.compactMap { item -> Rect? in
                if case .rectangle(let rect, _, let fill, _) = item, fill != nil { return rect } else { return nil }
            }
            XCTAssertTrue(fills.contains { $0.minX <= 0.01 && $0.minY <= 0.01 }, "\(face.cardID): the band bleeds off the top")
        }
    }

    func testConfigurableBleed() throws {
        let shop = try PrintShopDocument.make(Array(context.deck.cards.prefix(1)), context, bleed: 5, diagnostics: Diagnostics())
        let page = shop.document.pages[0]
        XCTAssertEqual(page.trimBox!.minX, mm(5), accuracy: 0.001)
        XCTAssertEqual(page.size.width, mm(CardsTestSupport.layout.card.width + 10), accuracy: 0.001)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}
