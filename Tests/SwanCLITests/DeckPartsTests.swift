import Foundation
import SwanTestSupport
import XCTest

/// A command reads only the deck files its documents use (DeckParts): a broken file it does not
/// use does not stop it, a broken file it uses stops it with the error `swan check` gives, and a
/// file it leaves unread is still no file it may write over.
final class DeckPartsTests: XCTestCase {
    private let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
    private let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json").path

    private func append(_ text: String, to file: URL) throws {
        let old = try String(contentsOf: file, encoding: .utf8)
        try (old + text).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The located error lines of a run (`file:line:column: error: …`).
    private func errors(_ result: CLI.Result, in file: String) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(file + ":") && $0.contains("error:") }
    }

    func testAFilledInvulbladIgnoresBrokenFilesItDoesNotUse() throws {
        let intact = try CLI.deckCopy(), broken = try CLI.deckCopy()
        try append("\nbroken: [unclosed\n", to: broken.appendingPathComponent("layout/screen.yaml"))
        try append("\nbroken: [unclosed\n", to: broken.appendingPathComponent("overzicht.yaml"))
        try FileManager.default.removeItem(at: broken.appendingPathComponent("handleiding.md"))
        let out = CLI.temporaryDirectory()

        let check = try CLI.run(["check", broken.path], environment: environment)
        XCTAssertEqual(check.status, 1)
        XCTAssertFalse(errors(check, in: "screen.yaml").isEmpty, check.stderr)
        XCTAssertFalse(errors(check, in: "overzicht.yaml").isEmpty, check.stderr)
        XCTAssertTrue(check.stderr.contains("handleiding.md"), check.stderr)

        let made = try CLI.run(["invulblad", session, "--templates", broken.path, "-q", "-o", out.appendingPathComponent("broken.pdf").path],
                               environment: environment)
        XCTAssertEqual(made.status, 0, made.stderr)
        let reference = try CLI.run(["invulblad", session, "--templates", intact.path, "-q", "-o", out.appendingPathComponent("intact.pdf").path],
                                    environment: environment)
        XCTAssertEqual(reference.status, 0, reference.stderr)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("broken.pdf")), try Data(contentsOf: out.appendingPathComponent("intact.pdf")),
                       "the same form from a deck whose unused files are broken")

        // The screen edition uses layout/screen.yaml: the same located error as the check's.
        let screen = try CLI.run(["cards", "--kind", "screen", "--templates", broken.path, "-o", out.appendingPathComponent("s.pdf").path],
                                 environment: environment)
        XCTAssertEqual(screen.status, 1)
        XCTAssertEqual(errors(screen, in: "screen.yaml"), errors(check, in: "screen.yaml"))
        let all = try CLI.run(["all", "--templates", broken.path, "-o", out.appendingPathComponent("set").path], environment: environment)
        XCTAssertEqual(all.status, 1)
        XCTAssertEqual(all.stderr, check.stderr, "the default set reports what check reports")
    }

    func testABrokenFileTheInvulbladUsesStopsItWithTheCheckError() throws {
        let broken = try CLI.deckCopy()
        try append("\nbroken: [unclosed\n", to: broken.appendingPathComponent("layout/forms.yaml"))
        let check = try CLI.run(["check", broken.path], environment: environment)
        XCTAssertEqual(check.status, 1)
        let expected = errors(check, in: "forms.yaml")
        XCTAssertFalse(expected.isEmpty, check.stderr)
        let output = CLI.temporaryDirectory().appendingPathComponent("f.pdf")
        let made = try CLI.run(["invulblad", session, "--templates", broken.path, "-o", output.path], environment: environment)
        XCTAssertEqual(made.status, 1)
        XCTAssertEqual(errors(made, in: "forms.yaml"), expected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testAnUnreadDeckFileIsStillNoOutput() throws {
        let deck = try CLI.deckCopy()
        for name in ["handleiding.md", "layout/screen.yaml", "overzicht.yaml", "forms/checklist.yaml"] {
            let file = deck.appendingPathComponent(name)
            let before = try Data(contentsOf: file)
            let result = try CLI.run(["invulblad", session, "--templates", deck.path, "-o", file.path], environment: environment)
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertEqual(try Data(contentsOf: file), before, name)
        }
    }
}
