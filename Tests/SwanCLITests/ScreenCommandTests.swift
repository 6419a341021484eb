import Foundation
import XCTest

/// `swan cards --kind screen`: the 16:9 PDF and a full-HD PNG of every page beside it.
final class ScreenCommandTests: XCTestCase {
    func testScreenEditionWritesThePDFAndAFullHDImagePerPage() throws {
        let folder = CLI.temporaryDirectory()
        let output = folder.appendingPathComponent("scherm.pdf")
        // Round 1 (5 cards) and the check card: one table page (round 1) and 6 card pages.
        let result = try CLI.run(["cards", "--kind", "screen", "--cards", "1,check", "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let info = try CLI.pdfinfo(output)
        XCTAssertNotNil(info.range(of: #"Pages: +7\n"#, options: .regularExpression), info)
        let imageFolder = folder.appendingPathComponent("scherm")
        let images = try FileManager.default.contentsOfDirectory(atPath: imageFolder.path).sorted()
        XCTAssertEqual(images, ["01-ronde-1-tafel.png", "02-ronde-1.png", "03-sociale-cohesie.png",
                                "04-sociaal-economische-zekerheid.png", "05-sociale-empowerment.png",
                                "06-sociale-inclusie.png", "07-check.png"])
        var contents: Set<Data> = []
        for name in images {
            let data = try Data(contentsOf: imageFolder.appendingPathComponent(name))
            XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], name)
            // IHDR: width and height as big-endian 32-bit numbers at bytes 16 and 20.
            func number(_ at: Int) -> Int { data[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
            XCTAssertEqual(number(16), 1920, name)
            XCTAssertEqual(number(20), 1080, name)
            contents.insert(data)
        }
        XCTAssertEqual(contents.count, images.count, "every page is a picture of its own")
    }

    func testAScreenLayoutMistakeIsReportedByCheck() throws {
        let deck = try CLI.deckCopy()
        let layout = deck.appendingPathComponent("layout/screen.yaml")
        try (try String(contentsOf: layout, encoding: .utf8)).replacingOccurrences(of: "centreScale:", with: "centerScale:")
            .write(to: layout, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"layout/screen\.yaml:\d+:\d+: error: .*centerScale"#, options: .regularExpression), result.stderr)
    }

    /// A round's table page holds as many cards as fit at table.minimumScale: with the shipped
    /// layout the hoofdvraag and 10 around it. The round's 12th card is an error at its place in
    /// its cards file, saying the limit; before, the error named neither file nor line.
    func testTooManyCardsInARoundIsAnErrorAtTheFirstCardThatDoesNotFit() throws {
        let deck = try CLI.deckCopy()
        let file = deck.appendingPathComponent("cards/ronde-1.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        for number in 1...7 {
            text += "\n  - id: extra-\(number)\n    kind: support\n    name: Extra \(number)\n    front:\n      question: Extra \(number)?\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let pattern = #"cards/ronde-1\.yaml:(\d+):\d+: error: screen table page 'ronde-1': at most 10 cards fit around the hoofdvraag"#
        let match = try XCTUnwrap(result.stderr.firstMatch(of: try Regex(pattern)), result.stderr)
        let line = try XCTUnwrap(Int(match.output[1].substring ?? ""))
        let lines = text.components(separatedBy: "\n")
        XCTAssertTrue(lines[line - 1].contains("id: extra-7"), "line \(line): \(lines[line - 1])")
        XCTAssertTrue(result.stderr.contains("this round has 11 around it"), result.stderr)
        // The same in Dutch.
        let dutch = try CLI.run(["check", deck.path], environment: ["LC_ALL": "nl_NL.UTF-8"])
        XCTAssertTrue(dutch.stderr.contains("er passen hoogstens 10 kaarten rond de hoofdvraag"), dutch.stderr)
    }
}

/// `swan overzicht`: one sheet, two pages, the default name in Output/.
final class OverzichtCommandTests: XCTestCase {
    func testOverzichtWritesTwoA4Pages() throws {
        let output = CLI.temporaryDirectory().appendingPathComponent("overzicht.pdf")
        let result = try CLI.run(["overzicht", "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let info = try CLI.pdfinfo(output)
        XCTAssertNotNil(info.range(of: #"Pages: +2\n"#, options: .regularExpression), info)
        XCTAssertTrue(info.contains("(A4)"), info)
        XCTAssertTrue(try CLI.pdftotext(output).contains("Voorwaarden van sociale kwaliteit"))
    }
}

/// `swan check` asks the document registry: a label a document needs is checked before rendering.
final class CheckLabelsCommandTests: XCTestCase {
    /// A label the deck lacks entirely (a deck from an older release) is taken from swan's own
    /// deck: a warning naming labels.yaml and the line to add, and exit code 0 when nothing else is wrong.
    func testCheckReportsAMissingLabelNamingLabelsYaml() throws {
        let deck = try CLI.deckCopy()
        let labels = deck.appendingPathComponent("labels.yaml")
        let text = try String(contentsOf: labels, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("screen.front:") }
            .joined(separator: "\n").write(to: labels, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", deck.path], environment: ["LC_ALL": "en_US.UTF-8"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("labels.yaml: warning: label 'screen.front' is missing: swan's own wording is used; add the line 'screen.front: "),
                      result.stderr)
        XCTAssertFalse(result.stderr.contains("error:"), result.stderr)
    }

    /// A rendering command says what an older deck lacks in one line (the count, at the deck
    /// folder), not a line per key: `swan check` lists them.
    func testARenderingCommandSaysOneSummaryForAnOlderDeck() throws {
        let deck = try CLI.deckCopy()
        let labels = deck.appendingPathComponent("labels.yaml")
        let text = try String(contentsOf: labels, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("screen.front:") && !$0.hasPrefix("calibration.title:") }
            .joined(separator: "\n").write(to: labels, atomically: true, encoding: .utf8)
        let output = CLI.temporaryDirectory().appendingPathComponent("overzicht.pdf")
        let result = try CLI.run(["overzicht", "--templates", deck.path, "-o", output.path], environment: ["LC_ALL": "en_US.UTF-8"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "\(deck.path): warning: 2 label(s) and setting(s) missing in this deck: swan's own wording and values are used; `swan check --templates \(deck.path)` lists them\n")
        let dutch = try CLI.run(["overzicht", "--templates", deck.path, "-o", output.path], environment: ["LC_ALL": "nl_NL.UTF-8"])
        XCTAssertEqual(dutch.status, 0, dutch.stderr)
        XCTAssertEqual(dutch.stderr.split(separator: "\n").count, 1, dutch.stderr)
        XCTAssertTrue(dutch.stderr.contains("waarschuwing: 2 label(s) en instelling(en) ontbreken in deze kaartenset"), dutch.stderr)
    }

    func testTheEnglishDeckPassesCheck() throws {
        let result = try CLI.run(["check", CLI.packageRoot.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english").path])
        XCTAssertEqual(result.status, 0, result.stderr)
    }
}
