import Foundation
import XCTest

/// Messages follow the user's language: Dutch under a Dutch locale, English otherwise; numbers
/// keep their decimal point either way (the process stays in the C numeric locale).
final class LanguageTests: XCTestCase {
    private let english = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]
    private let dutch = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"]

    /// A copy of the deck with a misspelt key in a card file.
    private func brokenDeck() throws -> URL {
        let deck = CLI.temporaryDirectory().appendingPathComponent("deck")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/swan"), to: deck)
        let file = deck.appendingPathComponent("cards/ronde-2.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "kind:", with: "knd:").write(to: file, atomically: true, encoding: .utf8)
        return deck
    }

    func testErrorsAreDutchUnderADutchLocale() throws {
        let deck = try brokenDeck()
        let result = try CLI.run(["check", deck.path], environment: dutch)
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"cards/ronde-2\.yaml:\d+:\d+: fout: onbekende sleutel 'knd' in een kaart; bedoel je 'kind'\?"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertFalse(result.stderr.contains("error:"), result.stderr)
    }

    func testErrorsAreEnglishOtherwise() throws {
        let deck = try brokenDeck()
        let result = try CLI.run(["check", deck.path], environment: english)
        XCTAssertEqual(result.status, 1)
        XCTAssertNotNil(result.stderr.range(of: #"cards/ronde-2\.yaml:\d+:\d+: error: unknown key 'knd' in a card; did you mean 'kind'\?"#,
                                            options: .regularExpression), result.stderr)
    }

    func testLCMessagesAndLCAllChooseTheLanguageBeforeLang() throws {
        let deck = try brokenDeck()
        let messages = try CLI.run(["check", deck.path], environment: ["LC_ALL": "", "LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"])
        XCTAssertTrue(messages.stderr.contains(": fout: "), messages.stderr)
        let all = try CLI.run(["check", deck.path], environment: ["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8", "LANG": "nl_NL.UTF-8"])
        XCTAssertTrue(all.stderr.contains(": error: "), all.stderr)
    }

    func testTheSummaryIsDutchAndSessionErrorsTooWithTheirPath() throws {
        let check = try CLI.run(["check"], environment: dutch)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains(" kaarten (ronde 1: "), check.stdout)

        let session = CLI.temporaryDirectory().appendingPathComponent("kapot.json")
        try Data(#"{"version": 1, "datum": "2025-02-30", "inbrenger": "Zoë", "omschrijving": "x"}"#.utf8).write(to: session)
        let pdf = session.deletingLastPathComponent().appendingPathComponent("uit.pdf")
        let result = try CLI.run(["invulblad", session.path, "-o", pdf.path], environment: dutch)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("kapot.json:1:25: $.datum: fout: onmogelijke datum '2025-02-30': februari 2025 heeft 28 dagen"),
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf.path), "no output file on an error")
    }

    /// Layout values, layout relations, file errors and the archive's lines come from the
    /// catalogues too (they were worded in English in the code before).
    func testLayoutFileAndArchiveMessagesAreDutch() throws {
        let deck = CLI.temporaryDirectory().appendingPathComponent("deck")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/swan"), to: deck)
        let cards = deck.appendingPathComponent("layout/cards.yaml")
        var text = try String(contentsOf: cards, encoding: .utf8)
        text = text.replacingOccurrences(of: "dpi: ", with: "dpi: 5000 #")
        try text.write(to: cards, atomically: true, encoding: .utf8)
        let forms = deck.appendingPathComponent("layout/forms.yaml")
        let formsText = try String(contentsOf: forms, encoding: .utf8)
        try formsText.replacingOccurrences(of: "lineSpacing: {minimum: 7.5, maximum: 8.5}", with: "lineSpacing: {minimum: 9, maximum: 8.5}")
            .write(to: forms, atomically: true, encoding: .utf8)
        let check = try CLI.run(["check", deck.path], environment: dutch)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("valt buiten het bereik; verwacht een getal van minstens 10 en hooguit 1200"), check.stderr)
        XCTAssertTrue(check.stderr.contains("'writing.lineSpacing': minimum is groter dan maximum"), check.stderr)

        let missing = try CLI.run(["invulblad", "bestaat-niet.json", "-o", CLI.temporaryDirectory().appendingPathComponent("x.pdf").path],
                                  environment: dutch)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("fout: kan bestaat-niet.json niet lezen: bestand of map bestaat niet"), missing.stderr)

        let inputs = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: inputs.appendingPathComponent("notities.txt"))
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json"),
                                         to: inputs.appendingPathComponent("a.json"))
        let archive = try CLI.run(["archive", inputs.path, "-o", inputs.deletingLastPathComponent().appendingPathComponent("archief").path],
                                  environment: dutch)
        XCTAssertEqual(archive.status, 0, archive.stderr)
        XCTAssertTrue(archive.stderr.contains("overgeslagen: \(inputs.path)/notities.txt: geen .json- of .pdf-bestand"), archive.stderr)
    }

    func testNumbersKeepTheirDecimalPointInDutch() throws {
        let deck = CLI.temporaryDirectory().appendingPathComponent("deck")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/swan"), to: deck)
        let file = deck.appendingPathComponent("cards/ronde-1.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        // A question far too long for its card: the overflow is an error with millimetres.
        let long = String(repeating: "Een vraag die veel te lang is voor een kaart. ", count: 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("question:") }) else {
            throw XCTSkip("no question in ronde-1.yaml")
        }
        let indent = lines[index].prefix { $0 == " " }
        var edited = lines.map(String.init)
        edited[index] = "\(indent)question: \"\(long)\""
        text = edited.joined(separator: "\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let pdf = deck.deletingLastPathComponent().appendingPathComponent("kaarten.pdf")
        let result = try CLI.run(["cards", "--templates", deck.path, "-o", pdf.path], environment: dutch)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"cards/ronde-1\.yaml:\d+:\d+: fout: kaart '[^']+' \(voorkant\): de tekst past niet: hij loopt \d+\.\d mm buiten zijn vak"#,
                                            options: .regularExpression), result.stderr)
    }

    /// Mistakes in the command line: ArgumentParser's own messages ("Missing expected argument")
    /// and the lines around them are worded from the catalogues too.
    func testArgumentMistakesAreDutchUnderADutchLocale() throws {
        let missing = try CLI.run(["import"], environment: dutch)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.hasPrefix("fout: argument '<FILLED.pdf>' ontbreekt\n"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("\nGebruik: swan import "), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("  Zie 'swan import --help' voor meer uitleg."), missing.stderr)
        let option = try CLI.run(["check", "--sesions", "x"], environment: dutch)
        XCTAssertTrue(option.stderr.hasPrefix("fout: onbekende optie '--sesions'; bedoel je '--sessions'?"), option.stderr)
        let value = try CLI.run(["cards", "--paper", "a5"], environment: dutch)
        XCTAssertTrue(value.stderr.hasPrefix("fout: ongeldige waarde 'a5' voor '--paper <paper>'; verwacht een van: 'a4', 'a3', 'letter'"),
                      value.stderr)
        let number = try CLI.run(["archive", "x", "-o", "y", "--jobs", "veel"], environment: dutch)
        XCTAssertTrue(number.stderr.hasPrefix("fout: ongeldige waarde 'veel' voor '--jobs <jobs>'"), number.stderr)
        let ours = try CLI.run(["archive", "x", "-o", "y", "--jobs", "0"], environment: dutch)
        XCTAssertTrue(ours.stderr.hasPrefix("fout: "), ours.stderr)
        for result in [missing, option, value, number, ours] {
            XCTAssertEqual(result.status, 64)
            for english in ["Error:", "Usage:", "Missing", "Unknown", "invalid", "Please", "See '"] {
                XCTAssertFalse(result.stderr.contains(english), "'\(english)' in: \(result.stderr)")
            }
        }
        let inEnglish = try CLI.run(["import"], environment: english)
        XCTAssertTrue(inEnglish.stderr.hasPrefix("error: missing argument '<FILLED.pdf>'\n"), inEnglish.stderr)
        XCTAssertTrue(inEnglish.stderr.contains("  See 'swan import --help' for more information."), inEnglish.stderr)
    }

    /// The help texts are the catalogue's: Dutch under a Dutch locale (ArgumentParser's own
    /// headings, USAGE and OPTIONS, cannot be changed and stay English), English otherwise.
    func testHelpFollowsTheLanguage() throws {
        let dutchHelp = try CLI.run(["check", "--help"], environment: dutch)
        XCTAssertEqual(dutchHelp.status, 0, dutchHelp.stderr)
        XCTAssertTrue(dutchHelp.stdout.contains("Controleer een kaartsetmap en sessiebestanden"), dutchHelp.stdout)
        XCTAssertTrue(dutchHelp.stdout.contains("Meld alleen problemen, geen samenvatting."), dutchHelp.stdout)
        let top = try CLI.run(["--help"], environment: dutch)
        XCTAssertTrue(top.stdout.contains("Maak de kaartvellen opnieuw bij elke wijziging"), top.stdout)
        XCTAssertFalse(top.stdout.contains("Render the"), top.stdout)

        let englishHelp = try CLI.run(["check", "--help"], environment: english)
        XCTAssertTrue(englishHelp.stdout.contains("Check a deck folder and session files"), englishHelp.stdout)
        XCTAssertFalse(englishHelp.stdout.contains("Controleer"), englishHelp.stdout)
    }
}
