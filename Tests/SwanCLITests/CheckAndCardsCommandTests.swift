import Foundation
import XCTest

final class CheckAndCardsCommandTests: XCTestCase {
    func testCheckSummarisesTheShippedDeck() throws {
        let result = try CLI.run(["check"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("round 1: 5, round 2: 7, round 3: 5"), result.stdout)
    }

    func testCheckReportsEveryBrokenFileWithLineAndFails() throws {
        let deck = try CLI.deckCopy()
        let cards = deck.appendingPathComponent("cards/ronde-2.yaml")
        try (try String(contentsOf: cards, encoding: .utf8)).replacingOccurrences(of: "kind: support", with: "knd: support")
            .write(to: cards, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"cards/ronde-2\.yaml:\d+:\d+: error: unknown key 'knd'"#, options: .regularExpression), result.stderr)
        // Every card with the mistake is reported in the same run.
        XCTAssertEqual(result.stderr.components(separatedBy: "unknown key 'knd'").count - 1, 5, result.stderr)
    }

    func testCheckReportsLayoutMistakes() throws {
        let deck = try CLI.deckCopy()
        let layout = deck.appendingPathComponent("layout/cards.yaml")
        try (try String(contentsOf: layout, encoding: .utf8)).replacingOccurrences(of: "safeMargin:", with: "safeMargn:")
            .write(to: layout, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"layout/cards\.yaml:\d+:\d+: error: .*safeMargn"#, options: .regularExpression), result.stderr)
    }

    func testCardsPrintShopWithOptions() throws {
        let folder = CLI.temporaryDirectory()
        let output = folder.appendingPathComponent("drukker.pdf")
        // Round 2 (7 cards) and the check card: 8 cards, front and back each.
        let result = try CLI.run(["cards", "--kind", "printshop", "--bleed", "5", "--cards", "2,check", "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let info = try CLI.pdfinfo(output)
        XCTAssertNotNil(info.range(of: #"Pages: +16\n"#, options: .regularExpression), info)
        // 63.5 x 88.9 mm plus 5 mm bleed on each side.
        XCTAssertTrue(info.contains("208.346 x 280.346 pts"), info)
    }

    func testUnknownCardFailsWithoutWritingAFile() throws {
        let folder = CLI.temporaryDirectory()
        let output = folder.appendingPathComponent("x.pdf")
        let result = try CLI.run(["cards", "--cards", "sociale-cohesei", "-o", output.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown card(s): sociale-cohesei"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testOverflowingCardFailsTheRunNamingTheCard() throws {
        let deck = try CLI.deckCopy()
        let cards = deck.appendingPathComponent("cards/ronde-1.yaml")
        let long = String(repeating: "heel lange toelichting ", count: 60)
        try (try String(contentsOf: cards, encoding: .utf8))
            .replacingOccurrences(of: "footer: Gebaseerd op solidariteit", with: "footer: \(long)")
            .write(to: cards, atomically: true, encoding: .utf8)
        let output = CLI.temporaryDirectory().appendingPathComponent("kaarten.pdf")
        let result = try CLI.run(["cards", "--templates", deck.path, "-o", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("card 'sociale-cohesie' (back)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("mm"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}

final class CardSizeFromTemplateTests: XCTestCase {
    /// The card size lives in layout/cards.yaml: a larger card gives fewer cards per sheet.
    func testChangingTheCardSizeInTheTemplateChangesTheSheets() throws {
        let deck = try CLI.deckCopy()
        let layout = deck.appendingPathComponent("layout/cards.yaml")
        try (try String(contentsOf: layout, encoding: .utf8))
            .replacingOccurrences(of: "  width: 63.5\n  height: 88.9", with: "  width: 90\n  height: 125")
            .write(to: layout, atomically: true, encoding: .utf8)
        let output = CLI.temporaryDirectory().appendingPathComponent("groot.pdf")
        let result = try CLI.run(["cards", "--templates", deck.path, "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // 2 x 2 cards per A4 sheet: 21 cards on 6 sheets, fronts and backs, plus the instructions.
        XCTAssertNotNil(try CLI.pdfinfo(output).range(of: #"Pages: +13\n"#, options: .regularExpression))
    }
}
