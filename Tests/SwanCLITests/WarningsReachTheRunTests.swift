import Foundation
import XCTest

/// Warnings travel with what they warn about: `swan check` lays out the filled invulblad from
/// generated sessions, and a problem only the filled form has reaches the user.
final class WarningsReachTheRunTests: XCTestCase {
    private let english = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"]
    private let dutch = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"]

    /// The deck with a character no font can show in the filled form's footer (form.filled.footer,
    /// a label only the filled invulblad uses).
    private func deckWithAnUnshowableFilledFooter() throws -> URL {
        let deck = try CLI.deckCopy()
        let file = deck.appendingPathComponent("labels.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let line = #"form.filled.footer: "{form} · bespreking van {date}""#
        XCTAssertTrue(text.contains(line))
        try text.replacingOccurrences(of: line, with: #"form.filled.footer: "{form} · bespreking van {date} \#u{E000}""#)
            .write(to: file, atomically: true, encoding: .utf8)
        return deck
    }

    func testCheckTellsTheFilledFormsWarnings() throws {
        let deck = try deckWithAnUnshowableFilledFooter()
        let result = try CLI.run(["check", deck.path], environment: english)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"labels\.yaml: warning: the page footer: no font has a glyph for U\+E000"#,
                                            options: .regularExpression), result.stderr)
    }

    func testCheckTellsThemInDutch() throws {
        let deck = try deckWithAnUnshowableFilledFooter()
        let result = try CLI.run(["check", deck.path], environment: dutch)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"labels\.yaml: waarschuwing: de voettekst: geen lettertype heeft een teken voor U\+E000"#,
                                            options: .regularExpression), result.stderr)
    }
}
