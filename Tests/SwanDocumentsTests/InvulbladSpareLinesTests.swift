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
            let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "spare-\(seed).pdf")
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

/// A paragraph's first line does not stand alone at a page's foot: in the rich example the
/// last hulpvraag fell at the foot of page 3 with its answer on page 4.
final class InvulbladOrphanLineTests: XCTestCase {
    func testAQuestionStaysOnThePageOfItsAnswer() throws {
        let context = try FormsTest.context()
        let session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "orphan.pdf")
        let footer = try InvulbladFilledTests.footer(session)
        let pages = try (1...FormsTest.pageCount(pdf)).map { page in
            try FormsTest.flowText(pdf, footer: footer, page: page)
        }
        let answered = session.ronde3?.hulpvragen.filter { $0.vraag?.isEmpty == false } ?? []
        XCTAssertGreaterThan(answered.count, 2)
        for answer in answered {
            // flowText is normalised (no white space, plain quotes): so are the strings looked for.
            let question = FormsTest.normalise(answer.vraag!)
            let opening = FormsTest.normalise(answer.antwoord.split(whereSeparator: \.isWhitespace).prefix(2).joined(separator: " "))
            let page = try XCTUnwrap(pages.firstIndex { $0.contains(question) }, "question not found: \(question)")
            XCTAssertTrue(pages[page].contains(opening), "the answer to “\(question)” does not start on page \(page + 1)")
        }
    }
}
