import Foundation
import XCTest

/// A deck translated by copying the folder renders with no code change.
final class TranslatedDeckTests: XCTestCase {
    func testEnglishDeckRendersEverything() throws {
        let deck = CLI.packageRoot.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")
        let out = CLI.temporaryDirectory()
        let result = try CLI.run(["all", "--templates", deck.path, "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let sheets = out.appendingPathComponent("cards-home-print.pdf")
        let process = Process()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("pdftotext missing") }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [sheets.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(text.contains("Think of:"), text)
        XCTAssertTrue(text.contains("How to print the card set"), text)
        XCTAssertFalse(text.contains("Denk aan"), "no Dutch label in an English deck")
        // Every file under the name the deck gives it (labels.yaml, output.*), and no Dutch name.
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(written, ["cards-home-print.pdf", "cards-print-shop.pdf", "cards-screen", "cards-screen.pdf", "checklist.pdf",
                                 "manual.pdf", "overview.pdf", "previews", "specimen.pdf", "worksheet.pdf"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("previews/contact-sheet.png").path))
        for line in result.stdout.split(separator: "\n") where line.contains("Output") || line.contains(".pdf") {
            for dutch in ["kaarten", "invulblad", "handleiding", "overzicht"] {
                XCTAssertFalse(line.contains(dutch), "no Dutch file name in what swan says it wrote: \(line)")
            }
        }
        try checkScreenEdition(out.appendingPathComponent("cards-screen.pdf"))
        let overview = try CLI.pdftotext(out.appendingPathComponent("overview.pdf"))
        for phrase in ["Social Work at All Levels", "Round 1: social quality", "Conditions of social quality", "Roles", "Chair"] {
            XCTAssertTrue(overview.contains(phrase), "'\(phrase)' in the English overview")
        }
        XCTAssertFalse(overview.contains("Ronde"), "no Dutch in the English overview")
    }

    /// The screen edition from the English deck: its round name, labels and cards, no Dutch.
    private func checkScreenEdition(_ pdf: URL) throws {
        let text = try CLI.pdftotext(pdf)
        for phrase in ["Round 1: social quality", "Roles and check", "front", "back", "Social cohesion"] {
            XCTAssertTrue(text.contains(phrase), "'\(phrase)' in the English screen edition")
        }
        for dutch in ["Rollen en check", "voorkant", "achterkant", "Ronde"] {
            XCTAssertFalse(text.contains(dutch), "no Dutch '\(dutch)' in the English screen edition")
        }
        let images = try FileManager.default.contentsOfDirectory(atPath: pdf.deletingPathExtension().path).sorted()
        XCTAssertEqual(images.first, "01-round-1-table.png", "\(images)")
        let info = try CLI.pdfinfo(pdf)
        XCTAssertNotNil(info.range(of: "Pages: +\(images.count)\n", options: .regularExpression), "a PNG per page: \(images)")
    }
}
