import Foundation
import SwanTestSupport
import XCTest

/// Layout values, deck paths, size limits and control characters (docs/reliability.md): what
/// `swan check` accepts never crashes a render; what cannot be printed is refused where it is written.
final class LayoutValueTests: XCTestCase {
    private func deck(_ edit: (URL) throws -> Void) throws -> URL {
        let copy = try CLI.deckCopy()
        try edit(copy)
        return copy
    }

    private func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) has '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func testValuesThatCannotBePrintedAreRefusedAtTheirLine() throws {
        let copy = try deck { deck in
            let cards = deck.appendingPathComponent("layout/cards.yaml")
            try replace("  width: 63.5", with: "  width: 0", in: cards)
            try replace("  dpi: 200", with: "  dpi: 1e308", in: cards)
            try replace("text: \"#1E1E1E\"", with: "text: \"#GGG\"", in: cards)
            try replace("safeMargin: 4 ", with: "safeMargin: -4 ", in: cards)
            try replace("margins: {top: 14, bottom: 13, left: 24, right: 16}", with: "margins: {top: 14, bottom: 13, left: 150, right: 70}",
                        in: deck.appendingPathComponent("layout/forms.yaml"))
        }
        let check = try CLI.run(["check", copy.path])
        XCTAssertEqual(check.status, 1)
        for expected in [#"cards.yaml:5:10: error: 'card.width': 0 is out of range"#,
                         #"cards.yaml:\d+:\d+: error: 'previews.dpi': 1e308 is out of range"#,
                         #"cards.yaml:\d+:\d+: error: 'colours.text': invalid colour '#GGG'"#,
                         #"cards.yaml:\d+:\d+: error: 'card.safeMargin': -4 is out of range"#,
                         #"forms.yaml:\d+:\d+: error: 'margins': left and right \(220.0 mm\) leave no room"#] {
            XCTAssertNotNil(check.stderr.range(of: expected, options: .regularExpression), "\(expected)\n\(check.stderr)")
        }
        for command in [["cards"], ["cards", "--kind", "previews"], ["invulblad"], ["all"]] {
            let out = CLI.temporaryDirectory()
            let result = try CLI.run(command + ["--templates", copy.path, "-o", out.appendingPathComponent("x").path])
            XCTAssertEqual(result.status, 1, "\(command): refused at load")
            XCTAssertTrue(["out of range", "invalid colour", "leave no room"].contains { result.stderr.contains($0) }, result.stderr)
        }
    }

    /// A layout that repeats values through aliases ("billion laughs") is refused at once, not walked for ever.
    func testAliasBombInALayoutIsRefusedQuickly() throws {
        let copy = try deck { deck in
            let rows = (0..<8).map { level -> String in
                let name = "v\(level)"
                let item = level == 0 ? "1" : "*v\(level - 1)"
                return "\(name): &\(name) [" + Array(repeating: item, count: 10).joined(separator: ", ") + "]"
            }
            let cards = deck.appendingPathComponent("layout/cards.yaml")
            let text = try String(contentsOf: cards, encoding: .utf8)
            try (text + "\n" + rows.joined(separator: "\n") + "\n").write(to: cards, atomically: true, encoding: .utf8)
        }
        let check = try CLI.run(["check", copy.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.range(of: #"cards.yaml:\d+:\d+: error: more than 100000 values"#, options: .regularExpression) != nil, check.stderr)
    }

    func testCardTooBigForTheSheetIsAnError() throws {
        let copy = try deck { try replace("  height: 88.9", with: "  height: 295", in: $0.appendingPathComponent("layout/cards.yaml")) }
        let check = try CLI.run(["check", copy.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("does not fit on an A4 sheet"), check.stderr)
    }

    func testMissingLabelFontAndFilledSectionAreFoundByCheck() throws {
        let copy = try deck { deck in
            try replace("sheets.title:", with: "sheets.titel:", in: deck.appendingPathComponent("labels.yaml"))
            try replace("regular: NotoSans-Regular.ttf", with: "regular: Geen.ttf", in: deck.appendingPathComponent("layout/typography.yaml"))
            try replace("date: datum", with: "date: datum-x", in: deck.appendingPathComponent("layout/forms.yaml"))
        }
        let check = try CLI.run(["check", copy.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("missing label 'sheets.title'"), check.stderr)
        XCTAssertNotNil(check.stderr.range(of: #"typography.yaml:\d+:\d+: error: 'fonts.regular': font file not found"#, options: .regularExpression), check.stderr)
        XCTAssertNotNil(check.stderr.range(of: #"forms.yaml:\d+:\d+: error: 'filled.date': no section 'datum-x'"#, options: .regularExpression), check.stderr)
    }

    func testDeckPathOutsideTheDeckIsRefused() throws {
        let secret = CLI.temporaryDirectory().appendingPathComponent("secret.md")
        try Data("# Geheim\n\nNiet printen.\n".utf8).write(to: secret)
        for reference in ["../../secret.md", secret.path, "link.md"] {
            let copy = try deck { deck in
                try FileManager.default.createSymbolicLink(atPath: deck.appendingPathComponent("link.md").path, withDestinationPath: secret.path)
                try replace("handleiding: handleiding.md", with: "handleiding: \(reference)", in: deck.appendingPathComponent("deck.yaml"))
            }
            let check = try CLI.run(["check", copy.path])
            XCTAssertEqual(check.status, 1, reference)
            XCTAssertNotNil(check.stderr.range(of: #"deck.yaml:\d+:\d+: error: '.*' is outside the deck folder"#, options: .regularExpression), check.stderr)
            let out = CLI.temporaryDirectory().appendingPathComponent("h.pdf")
            let render = try CLI.run(["handleiding", "--templates", copy.path, "-o", out.path])
            XCTAssertEqual(render.status, 1)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "the secret is not printed")
        }
    }

    func testSizeLimitsAnswerAtOnce() throws {
        let folder = CLI.temporaryDirectory()
        let big = folder.appendingPathComponent("groot.json")
        let text = String(repeating: "a", count: 17 << 20)
        try Data((#"{"version": 1, "datum": "2025-03-14", "inbrenger": "A", "omschrijving": ""# + text + #""}"#).utf8).write(to: big)
        let huge = try CLI.run(["invulblad", big.path, "-o", folder.appendingPathComponent("a.pdf").path])
        XCTAssertEqual(huge.status, 1)
        XCTAssertTrue(huge.stderr.contains("cannot read \(big.path): the file is larger than 16 MB"), huge.stderr)
        let field = folder.appendingPathComponent("veld.json")
        try Data((#"{"version": 1, "datum": "2025-03-14", "inbrenger": "A", "omschrijving": ""# + String(repeating: "b", count: 3 << 20) + #""}"#).utf8).write(to: field)
        let long = try CLI.run(["invulblad", field.path, "-o", folder.appendingPathComponent("b.pdf").path])
        XCTAssertEqual(long.status, 1)
        XCTAssertTrue(long.stderr.contains("$.omschrijving") && long.stderr.contains("at most 2 MB"), String(long.stderr.prefix(400)))
        let copy = try deck { deck in
            let card = String(repeating: "lang ", count: 4_000)
            try replace("question: ", with: "question: \(card)", in: deck.appendingPathComponent("cards/ronde-1.yaml"))
        }
        let check = try CLI.run(["check", copy.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("longer than the 16 KB a deck text may hold"), String(check.stderr.prefix(400)))
    }

    func testControlCharactersOfUserTextAreEscaped() throws {
        let folder = CLI.temporaryDirectory()
        let session = folder.appendingPathComponent("s.json")
        try Data(#"{"version": 1, "datum": "2025-03-14", "inbrenger": "A", "omschrijving": "x", "\u001b]0;titel\u0007\u202e": 1}"#.utf8).write(to: session)
        let result = try CLI.run(["invulblad", session.path, "-o", folder.appendingPathComponent("a.pdf").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, result.stderr)
        XCTAssertTrue(result.stderr.contains("<U+001B>"), result.stderr)
    }

    /// Random layouts through check, then render: exit 0 or 1, never a signal.
    func testHostileLayoutsNeverCrash() throws {
        var random = SeededRandom(seed: 20_261_201)
        let hostile = ["0", "-1", "1e308", "nan", "inf", "1e-300", "0.0001", "99999", "5000", "0.5"]
        let files = ["layout/cards.yaml", "layout/forms.yaml", "layout/handleiding.yaml", "layout/screen.yaml", "layout/specimen.yaml"]
        var rendered = 0
        for round in 0..<6 {
            let copy = try CLI.deckCopy()
            for file in files {
                let url = copy.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                let numbers = try NSRegularExpression(pattern: #"(?<=: )-?[0-9]+(\.[0-9]+)?(?=[ ,}\n])"#)
                var result = text
                let share: UInt64 = round % 2 == 0 ? 12 : 4
                for match in numbers.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() where random.next() % share == 0 {
                    let range = Range(match.range, in: text)!
                    // Even rounds: plausible values (scaled), which check may pass; odd rounds: hostile ones.
                    let value = round % 2 == 0 ? String(format: "%.2f", (Double(text[range]) ?? 1) * Double(random.next() % 40 + 80) / 100)
                                               : hostile[Int(random.next() % UInt64(hostile.count))]
                    result.replaceSubrange(Range(match.range, in: result)!, with: value)
                }
                try result.write(to: url, atomically: true, encoding: .utf8)
            }
            let check = try CLI.run(["check", copy.path])
            XCTAssertTrue([0, 1].contains(check.status), "round \(round): check exits 0 or 1, got \(check.status)")
            let out = CLI.temporaryDirectory().appendingPathComponent("Output")
            let render = try CLI.run(["all", "--templates", copy.path, "-o", out.path], in: CLI.temporaryDirectory())
            XCTAssertEqual(render.terminationReason, .exit, "round \(round): no signal\n\(render.stderr.prefix(500))")
            XCTAssertTrue([0, 1].contains(render.status), "round \(round): \(render.status)")
            if check.status != 0 { XCTAssertEqual(render.status, 1, "round \(round): what check refuses, render refuses too") }
            if render.status == 0 { rendered += 1 }
        }
        XCTAssertGreaterThan(rendered, 0, "some random layouts are printable, so the renderers were exercised")
    }
}
