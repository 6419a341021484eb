import Foundation
import XCTest

/// A character no font can show, in a document held to PDF/UA (the checklist): its warning names
/// the checklist role in the user's language, at the role card, and the run says in one line, in
/// the same language, that the file was written without the PDF/UA claim (the file claims none).
final class UnshowableCharacterWordingTests: XCTestCase {
    private let english = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"]
    private let dutch = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"]

    /// The deck with a private-use character (no font has a glyph for it) in a task of the
    /// gespreksleider, a role of the checklist.
    private func deckWithAnUnshowableTask() throws -> URL {
        let deck = try CLI.deckCopy()
        let file = deck.appendingPathComponent("cards/rollen.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("- Open en leid de bespreking\n"))
        try text.replacingOccurrences(of: "- Open en leid de bespreking\n", with: "- Open en leid de bespreking \u{E000}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        return deck
    }

    private func checklist(_ environment: [String: String]) throws -> (result: CLI.Result, pdf: Data) {
        let deck = try deckWithAnUnshowableTask()
        let pdf = deck.deletingLastPathComponent().appendingPathComponent("checklist.pdf")
        let result = try CLI.run(["checklist", "--templates", deck.path, "-o", pdf.path], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        return (result, try Data(contentsOf: pdf))
    }

    func testDutchRunWordsTheRoleAndTheDroppedClaimInDutch() throws {
        let (result, pdf) = try checklist(dutch)
        XCTAssertNotNil(result.stderr.range(of: #"cards/rollen\.yaml:\d+:\d+: waarschuwing: checklistrol 'gespreksleider': geen lettertype heeft een teken voor U\+E000"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"checklist\.pdf: waarschuwing: geschreven zonder de PDF/UA-1-claim: pagina\('s\) 1 bevatten 1 teken\(s\)"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertEqual(result.stderr.components(separatedBy: "PDF/UA-1-claim").count - 1, 1, "said once: \(result.stderr)")
        XCTAssertFalse(result.stderr.contains("checklist role"), result.stderr)
        XCTAssertFalse(result.stderr.contains("written without"), result.stderr)
        XCTAssertFalse(String(decoding: pdf, as: UTF8.self).contains("pdfuaid:part"), "the file claims no PDF/UA")
    }

    func testEnglishRunWordsThemInEnglish() throws {
        let (result, pdf) = try checklist(english)
        XCTAssertNotNil(result.stderr.range(of: #"cards/rollen\.yaml:\d+:\d+: warning: checklist role 'gespreksleider': no font has a glyph for U\+E000"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"checklist\.pdf: warning: written without the PDF/UA-1 claim: page\(s\) 1 hold 1 character\(s\)"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertFalse(String(decoding: pdf, as: UTF8.self).contains("pdfuaid:part"), "the file claims no PDF/UA")
    }

    func testTheShippedDeckKeepsItsClaimAndSaysNothing() throws {
        let pdf = CLI.temporaryDirectory().appendingPathComponent("checklist.pdf")
        let result = try CLI.run(["checklist", "-o", pdf.path], environment: english)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("written without"), result.stderr)
        XCTAssertTrue(String(decoding: try Data(contentsOf: pdf), as: UTF8.self).contains("pdfuaid:part"), "the checklist claims PDF/UA-1")
    }
}
