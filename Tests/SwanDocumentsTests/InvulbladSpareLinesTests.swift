import XCTest
import SwanDeck
import SwanDocuments
import SwanSession

/// The spare writing lines after an answer fill what is left of a page: they never start a
/// page of their own (a sheet with only a "vervolg" heading and empty rules).
final class InvulbladSpareLinesTests: XCTestCase {
    /// Generated sessions (as the bench writes them) whose sections end at a page's foot.
    static let seedsEndingAtTheFoot: [UInt64] = [536, 583, 822]

    func testNoPageHoldsOnlySpareLines() throws {
        let context = try FormsTest.context()
        for seed in Self.seedsEndingAtTheFoot {
            let session = SessionGenerator.make(seed: seed)
            let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context), name: "spare-\(seed).pdf")
            let footer = try InvulbladFilledTests.footer(session)
            let pages = try FormsTest.pageCount(pdf)
            XCTAssertGreaterThan(pages, 1, "seed \(seed)")
            for page in 1...pages {
                XCTAssertFalse(try FormsTest.flowText(pdf, footer: footer, page: page).isEmpty,
                               "seed \(seed): page \(page) of \(pages) holds no content")
            }
            // Nothing written is lost by ending a section early.
            let text = try FormsTest.flowText(pdf, footer: footer)
            for string in try InvulbladFilledTests.strings(of: session) { FormsTest.assertContains(text, string, "seed \(seed)") }
        }
    }
}
