import Foundation
import XCTest

/// `swan check` finds what a render would refuse, writing nothing, and checks session files.
final class CheckCommandTests: XCTestCase {
    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    private func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    func testCheckLaysOutAndFindsAnUnknownLabelPlaceholderWithItsLine() throws {
        let deck = try CLI.deckCopy()
        try edit(deck.appendingPathComponent("labels.yaml"), "Pagina {page} van {pages}", "Pagina {page} van {total}")
        let before = files(in: deck.deletingLastPathComponent())
        let result = try CLI.run(["check", "--templates", deck.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"labels\.yaml:3:\d+: error: label 'page\.number' .*uses '\{total\}'.*fills in \{page\}, \{pages\}"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertEqual(files(in: deck.deletingLastPathComponent()), before, "check writes nothing")
    }

    func testCheckFindsOverflowingCardText() throws {
        let deck = try CLI.deckCopy()
        try edit(deck.appendingPathComponent("cards/ronde-1.yaml"), "footer: Gebaseerd op solidariteit",
                 "footer: " + String(repeating: "heel lange toelichting ", count: 60))
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("card 'sociale-cohesie' (back): text does not fit"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testCheckFindsBadLayoutNumbersWithTheirLineAndNoFollowOnErrors() throws {
        let deck = try CLI.deckCopy()
        try edit(deck.appendingPathComponent("layout/cards.yaml"), "  width: 63.5", "  width: -63.5")
        try edit(deck.appendingPathComponent("layout/cards.yaml"), "minimumScale: 0.8", "minimumScale: 1.5")
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"layout/cards\.yaml:5:\d+: error: 'card\.width': -63\.5 is out of range"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertTrue(result.stderr.contains("'card.minimumScale': 1.5 is out of range; expected a number at least 0.1 and at most 1"), result.stderr)
        // A render stops at the same numbers.
        let output = CLI.temporaryDirectory().appendingPathComponent("k.pdf")
        let render = try CLI.run(["cards", "--templates", deck.path, "-o", output.path])
        XCTAssertEqual(render.status, 1)
        XCTAssertTrue(render.stderr.contains("'card.width': -63.5 is out of range"), render.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testCheckValidatesASessionFile() throws {
        let good = try CLI.run(["check", "Templates/sessions/voorbeeld-uitgebreid.json"])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("voorbeeld-uitgebreid.json: valid session (format version 2)"), good.stdout)
        // A version 1 file is still valid, and check says which version it is.
        let old = CLI.temporaryDirectory().appendingPathComponent("oud.json")
        try Data(#"{"version": 1, "datum": "2025-03-14", "inbrenger": "X", "omschrijving": "Y", "ronde3": {"gekozen": ["Huisbezoek"]}}"#.utf8).write(to: old)
        let versionOne = try CLI.run(["check", old.path])
        XCTAssertEqual(versionOne.status, 0, versionOne.stderr)
        XCTAssertTrue(versionOne.stdout.contains("oud.json: valid session (format version 1)"), versionOne.stdout)
        // Among several files, check names the version 1 ones (and counts them), not every valid file.
        let several = try CLI.run(["check", "Templates/sessions/voorbeeld-uitgebreid.json", old.path])
        XCTAssertEqual(several.status, 0, several.stderr)
        XCTAssertTrue(several.stdout.contains("oud.json: valid session (format version 1)"), several.stdout)
        XCTAssertTrue(several.stdout.contains("1 of them in format version 1"), several.stdout)
        XCTAssertFalse(several.stdout.contains("voorbeeld-uitgebreid.json: valid session"), several.stdout)
        // A version 1 file cannot pre-fill the fillable form (it keeps choices per level): the
        // error names the file, and nothing is written.
        let form = CLI.temporaryDirectory().appendingPathComponent("form.pdf")
        let fillable = try CLI.run(["invulblad", "--fillable", old.path, "-o", form.path])
        XCTAssertEqual(fillable.status, 1)
        XCTAssertTrue(fillable.stderr.contains("oud.json: error:") && fillable.stderr.contains("format version 1"), fillable.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: form.path))

        let bad = CLI.temporaryDirectory().appendingPathComponent("s.json")
        try Data(#"{"version": 1, "datum": "2025-02-30", "inbrenger": "X", "omschrijving": "Y"}"#.utf8).write(to: bad)
        let result = try CLI.run(["check", bad.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"s\.json[:\d]*: \$\.datum: error: impossible date"#, options: .regularExpression), result.stderr)
        XCTAssertFalse(result.stderr.contains("deck.yaml"), result.stderr)
    }

    /// `swan check -` reads a session from standard input (docs/session.md), named so in the
    /// user's language; a real file named like it (`- (x).json`) keeps its own name.
    func testCheckReadsASessionFromStandardInput() throws {
        let valid = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json"))
        let good = try CLI.run(["check", "-"], standardInput: valid)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stdout, "standard input: valid session (format version 2)\n")
        let broken = Data(#"{"version": 2,"#.utf8)
        let english = try CLI.run(["check", "-"], standardInput: broken)
        XCTAssertEqual(english.status, 1)
        XCTAssertEqual(english.stdout, "")
        XCTAssertTrue(english.stderr.hasPrefix("standard input:1:15: $: error: malformed JSON"), english.stderr)
        let dutch = try CLI.run(["check", "-"], environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"], standardInput: broken)
        XCTAssertEqual(dutch.status, 1)
        XCTAssertTrue(dutch.stderr.hasPrefix("standaardinvoer:1:15: $: fout: ongeldige JSON"), dutch.stderr)

        let folder = CLI.temporaryDirectory()
        try broken.write(to: folder.appendingPathComponent("- (x).json"))
        let named = try CLI.run(["check", "--", "- (x).json"], in: folder, standardInput: valid)
        XCTAssertEqual(named.status, 1, "the file is read, not standard input")
        XCTAssertTrue(named.stderr.hasPrefix("- (x).json:1:15: $: error: malformed JSON"), named.stderr)
    }

    func testCheckSessionsReportsSessionsNamingACardTheDeckNoLongerHas() throws {
        let deck = try CLI.deckCopy()
        try edit(deck.appendingPathComponent("cards/ronde-1.yaml"), "id: sociale-inclusie", "id: sociale-insluiting")
        let sessions = CLI.temporaryDirectory()
        for name in ["voorbeeld-uitgebreid.json", "voorbeeld-minimaal.json"] {
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/sessions/\(name)"),
                                             to: sessions.appendingPathComponent(name))
        }
        let result = try CLI.run(["check", "--templates", deck.path, "--sessions", sessions.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"voorbeeld-uitgebreid\.json[:\d]*: \$\.ronde1\.voorwaarden\[\d\]\.id: error: voorwaarde 'sociale-inclusie' is no longer in the deck"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertFalse(result.stderr.contains("voorbeeld-minimaal"), result.stderr)
        XCTAssertTrue(result.stdout.contains("2 session file(s) checked"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 valid, 1 with errors"), result.stdout)
        // A session is a record: no other card is proposed (the renamed 'sociale-insluiting' is a
        // near miss), but how to keep it as it is.
        XCTAssertFalse(result.stderr.contains("did you mean"), result.stderr)
        XCTAssertFalse(result.stderr.contains("sociale-insluiting"), result.stderr)
        XCTAssertTrue(result.stderr.contains("to keep the session as it is, check or render it with the deck it was made with: --templates DIR"),
                      result.stderr)
        let dutch = try CLI.run(["check", "--templates", deck.path, "--sessions", sessions.path],
                                environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"])
        XCTAssertTrue(dutch.stderr.contains("fout: voorwaarde 'sociale-inclusie' staat niet meer in de kaartset"), dutch.stderr)
        XCTAssertTrue(dutch.stderr.contains("controleer of maak hem met de kaartset waarmee hij gemaakt is: --templates DIR"), dutch.stderr)
        XCTAssertFalse(dutch.stderr.contains("bedoel je"), dutch.stderr)
    }

    /// `check --sessions` reads what `archive` reads, the same way: a filled-in form and an
    /// archived invulblad are sessions, not JSON with invalid UTF-8.
    func testCheckSessionsReadsFormsAsTheArchiveDoes() throws {
        let sessions = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        let example = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")
        let form = sessions.appendingPathComponent("ingevuld.pdf")
        XCTAssertEqual(try CLI.run(["invulblad", "--fillable", example.path, "-o", form.path]).status, 0)
        let archive = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try CLI.run(["archive", example.path, "--out", archive.path]).status, 0)
        let archived = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: archive, includingPropertiesForKeys: nil)
            .first { $0.pathExtension == "pdf" })
        try FileManager.default.copyItem(at: archived, to: sessions.appendingPathComponent("gearchiveerd.pdf"))

        let result = try CLI.run(["check", "--sessions", sessions.path], environment: ["LC_ALL": "C"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("2 session file(s) checked"), result.stdout)
        let named = try CLI.run(["check", form.path], environment: ["LC_ALL": "C"])
        XCTAssertEqual(named.status, 0, named.stderr)

        // A damaged PDF is the form reader's one error, as in the archive, not JSON's.
        try Data("%PDF-1.7\nnot really\n".utf8).write(to: sessions.appendingPathComponent("kapot.pdf"))
        let damaged = try CLI.run(["check", "--sessions", sessions.path], environment: ["LC_ALL": "C"])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertFalse(damaged.stderr.contains("UTF-8"), damaged.stderr)
        let archiveRun = try CLI.run(["archive", sessions.appendingPathComponent("kapot.pdf").path, "--out", archive.path],
                                     environment: ["LC_ALL": "C"])
        let checkErrors = damaged.stderr.split(separator: "\n").filter { $0.contains("kapot.pdf") }
        XCTAssertEqual(checkErrors.count, 1, damaged.stderr)
        XCTAssertTrue(archiveRun.stderr.contains(checkErrors[0].split(separator: ": error: ").last ?? "?"),
                      "the same message as the archive's: \(archiveRun.stderr) / \(damaged.stderr)")
    }

    func testAFolderWithoutDeckPointsToSessions() throws {
        let result = try CLI.run(["check", "Templates/sessions"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--sessions Templates/sessions"), result.stderr)
    }
}
