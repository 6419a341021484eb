import Foundation
import XCTest
import SwanDiagnostics

/// Issue 25: an installed swan, run as every user runs it (by its bare name through the PATH,
/// from a folder of their own), speaks words in the user's language, and a deck copied out of
/// the installation or out of the repository finds swan's fonts.
final class InstalledSwanTests: XCTestCase {
    /// PREFIX with swan installed by the Makefile's install-files step (the test's build of swan).
    private static func install() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let prefix = CLI.temporaryDirectory().appendingPathComponent("prefix")
        let installed = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/make"),
                                    ["install-files", "NO_MAN=1", "PREFIX=\(prefix.path)", "BIN=\(CLI.binary.path)", "--no-print-directory"])
        XCTAssertEqual(installed.status, 0, installed.stderr)
        return prefix
    }

    /// `swan ARGUMENTS` by its bare name: /usr/bin/env looks it up in PATH, so argv[0] is "swan".
    private func bare(_ arguments: [String], prefix: URL, in folder: URL, language: String) throws -> CLI.Result {
        let path = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        return try CLI.run(program: URL(fileURLWithPath: "/usr/bin/env"), ["swan"] + arguments, in: folder,
                           environment: ["PATH": path, "LC_ALL": "", "LC_MESSAGES": "", "LANG": language,
                                         "SWAN_MESSAGES": "", "SWAN_TEMPLATES": ""])
    }

    private static func catalogue(_ language: Language) -> Catalogue {
        Catalogue.load(language, from: CLI.packageRoot.appendingPathComponent("Messages"))
    }

    func testTheInstalledSwanSpeaksWordsFromAnyFolderInDutchAndEnglish() throws {
        let prefix = try Self.install()
        let elsewhere = CLI.temporaryDirectory()  // no Messages/ or Templates/ in sight
        for (language, locale) in [(Language.english, "C"), (.dutch, "nl_NL.UTF-8")] {
            let catalogue = Self.catalogue(language)
            let unknown = try bare(["frobnicate"], prefix: prefix, in: elsewhere, language: locale)
            XCTAssertNotEqual(unknown.status, 0)
            let worded = catalogue.text(Message(code: "command.unknown-command", arguments: ["command": "frobnicate"]))
            XCTAssertTrue(worded.contains("frobnicate") && !worded.contains("command.unknown"), worded)
            XCTAssertTrue(unknown.stderr.contains(worded), "\(locale): \(unknown.stderr)")
            XCTAssertFalse(unknown.stderr.contains("command.unknown-command"), unknown.stderr)

            let help = try bare(["--help"], prefix: prefix, in: elsewhere, language: locale)
            XCTAssertEqual(help.status, 0, help.stderr)
            let abstract = try XCTUnwrap(catalogue.template("help.swan"))
            // ArgumentParser wraps the abstract: compare with the line breaks as spaces.
            func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            XCTAssertTrue(words(help.stdout).contains(words(abstract)), "\(locale): \(help.stdout.prefix(300))")
            XCTAssertFalse(help.stdout.contains("help.swan"), help.stdout)
        }
        // The two languages differ, so the test would notice English for Dutch.
        XCTAssertNotEqual(Self.catalogue(.english).template("help.swan"), Self.catalogue(.dutch).template("help.swan"))
    }

    /// Issue 33: the installed swan, run by its bare name from a folder of the user's, opens its
    /// qpdf library from PREFIX/lib/swan to read a filled form.
    func testTheInstalledSwanReadsAFilledFormWithItsOwnQPDFLibrary() throws {
        let prefix = try Self.install()
        let folder = CLI.temporaryDirectory()
        let form = folder.appendingPathComponent("ingevuld.pdf")
        let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")
        let made = try CLI.run(["invulblad", "--fillable", session.path, "-o", form.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/libswanqpdf.so").path))
        let imported = try bare(["import", "ingevuld.pdf"], prefix: prefix, in: folder, language: "C")
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("\"version\""), imported.stdout.prefix(200).description)
    }

    /// A coordinator copies the installed deck next to a meeting's files and checks and renders
    /// it there: the copy's font folder (../../Fonts) does not exist, swan's own fonts are used.
    func testACopyOfTheInstalledDeckFindsTheInstalledFonts() throws {
        let prefix = try Self.install()
        let meeting = CLI.temporaryDirectory().appendingPathComponent("meeting")
        try FileManager.default.createDirectory(at: meeting.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: prefix.appendingPathComponent("share/swan/Templates/swan"),
                                         to: meeting.appendingPathComponent("Templates/swan"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: meeting.appendingPathComponent("Fonts").path))
        let check = try bare(["check"], prefix: prefix, in: meeting, language: "C")
        XCTAssertEqual(check.status, 0, check.stderr)
        let render = try bare(["checklist", "-o", "checklist.pdf"], prefix: prefix, in: meeting, language: "C")
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(try CLI.pdfinfo(meeting.appendingPathComponent("checklist.pdf")).contains("Pages:"))
    }

    /// The repository's Templates/ copied into a new folder, checked there with the built swan.
    func testACopyOfTheRepositorysTemplatesFindsTheFontsBesideTheProgram() throws {
        let folder = CLI.temporaryDirectory().appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates"),
                                         to: folder.appendingPathComponent("Templates"))
        let check = try CLI.run(["check"], in: folder, environment: ["SWAN_TEMPLATES": ""])
        XCTAssertEqual(check.status, 0, check.stderr)
        let render = try CLI.run(["checklist", "-o", "checklist.pdf"], in: folder, environment: ["SWAN_TEMPLATES": ""])
        XCTAssertEqual(render.status, 0, render.stderr)
    }

    /// A font swan does not ship, named by a copied deck: `swan check` says which file to put where.
    func testAFontSwanDoesNotShipIsReportedWithWhatToCopyWhere() throws {
        let folder = CLI.temporaryDirectory().appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        let deck = folder.appendingPathComponent("Templates/swan")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/swan"), to: deck)
        let typography = deck.appendingPathComponent("layout/typography.yaml")
        let text = try String(contentsOf: typography, encoding: .utf8)
        try text.replacingOccurrences(of: "regular: NotoSans-Regular.ttf", with: "regular: Huisstijl-Regular.ttf")
            .write(to: typography, atomically: true, encoding: .utf8)
        let check = try CLI.run(["check"], in: folder, environment: ["SWAN_TEMPLATES": "", "LC_ALL": "C"])
        XCTAssertNotEqual(check.status, 0)
        let fonts = folder.resolvingSymlinksInPath().appendingPathComponent("Fonts").path
        XCTAssertTrue(check.stderr.contains("typography.yaml:"), check.stderr)
        XCTAssertTrue(check.stderr.contains("put Huisstijl-Regular.ttf in \(fonts)"), check.stderr)
    }
}
