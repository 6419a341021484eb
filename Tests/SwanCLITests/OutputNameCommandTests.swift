import Foundation
import XCTest

/// The commands write under the names the deck gives (labels.yaml, output.*) and refuse bad ones.
final class OutputNameCommandTests: XCTestCase {
    private let english = CLI.packageRoot.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")

    /// A deck copy whose labels.yaml names the sheets "../kaarten.pdf" and the checklist like the handleiding.
    private func badlyNamedDeck() throws -> (deck: URL, sheetsLine: Int, handleidingLine: Int) {
        let deck = try CLI.deckCopy()
        let file = deck.appendingPathComponent("labels.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let sheets = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("output.sheets:") })
        lines[sheets] = "output.sheets: \"../kaarten.pdf\""
        let checklist = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("output.checklist:") })
        lines[checklist] = "output.checklist: \"handleiding.pdf\""
        let handleiding = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("output.handleiding:") })
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return (deck, sheets + 1, handleiding + 1)
    }

    func testCheckNamesEveryBadOutputNameAtItsLine() throws {
        let (deck, sheetsLine, handleidingLine) = try badlyNamedDeck()
        let result = try CLI.run(["check", deck.path], environment: ["LANG": "C"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("labels.yaml:\(sheetsLine):16: error: the file name 'output.sheets' (\"../kaarten.pdf\") contains '..'"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("labels.yaml:\(sheetsLine):16: error: the file name 'output.sheets' (\"../kaarten.pdf\") contains '/'"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("labels.yaml:\(handleidingLine):21: error: the file name 'output.handleiding' (\"handleiding.pdf\") is also the name of 'output.checklist'"),
                      result.stderr)
    }

    func testAllWritesNothingUnderABadName() throws {
        let (deck, _, _) = try badlyNamedDeck()
        let out = CLI.temporaryDirectory().appendingPathComponent("out")
        let result = try CLI.run(["all", "--templates", deck.path, "-o", out.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("output.sheets"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent("kaarten.pdf").path))
    }

    func testEachCommandsDefaultOutputIsTheDecksName() throws {
        let folder = CLI.temporaryDirectory()
        for (arguments, written) in [(["handleiding"], "Output/manual.pdf"), (["invulblad"], "Output/worksheet.pdf"),
                                     (["invulblad", "--fillable"], "Output/worksheet-fillable.pdf"),
                                     (["overzicht"], "Output/overview.pdf"), (["cards", "--kind", "printshop"], "Output/cards-print-shop.pdf")] {
            let result = try CLI.run(arguments + ["--templates", english.path], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(written), result.stdout)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(written).path), written)
        }
    }

    /// The English deck's filled form, from a session with the English deck's ids: no error, and
    /// every answer on the page.
    func testTheEnglishDeckRendersAnEnglishSession() throws {
        let session = CLI.packageRoot.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english-session.json")
        let pdf = CLI.temporaryDirectory().appendingPathComponent("worksheet.pdf")
        let result = try CLI.run(["invulblad", "--templates", english.path, session.path, "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        let text = try CLI.pdftotext(pdf)
        for phrase in ["Worksheet part 1", "Social cohesion: She no longer feels she belongs anywhere.", "Jo Smith",
                       "Home visit with the district nurse.", "Should we tell her son?", "The home visit went well."] {
            XCTAssertTrue(text.contains(phrase), "'\(phrase)' in the English filled worksheet")
        }
    }

    /// A session of the Dutch deck against the English deck: each error names the session file and
    /// its place, and says what the deck has (nothing, for round 2 and 3 here), never an empty list.
    func testADutchSessionAgainstTheEnglishDeckNamesTheSessionFile() throws {
        let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")
        let pdf = CLI.temporaryDirectory().appendingPathComponent("worksheet.pdf")
        let result = try CLI.run(["invulblad", "--templates", english.path, session.path, "-o", pdf.path], environment: ["LANG": "C"])
        XCTAssertEqual(result.status, 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("error:") }
        // 4 voorwaarden, 5 factoren, 3 levels of suggestions and 3 of choices: none in this deck.
        XCTAssertEqual(errors.count, 15, result.stderr)
        for error in errors {
            XCTAssertTrue(error.hasPrefix(session.path + ":"), "named as given: \(error)")
            XCTAssertFalse(error.hasSuffix("expected one of: "), String(error))
        }
        XCTAssertTrue(errors.contains { $0.contains("factor 'inwoners' is no longer in the deck") && $0.contains("the deck has none") }, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf.path))
    }
}
