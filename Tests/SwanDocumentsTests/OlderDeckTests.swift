import Foundation
import XCTest
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanTestSupport

/// A deck copied from an older release lacks what later releases added: it takes the shipped
/// deck's wording and values, with a warning per key, and prints the same pages the shipped deck
/// does; a broken deck still fails (ShippedDeckFallback).
final class OlderDeckTests: XCTestCase {
    /// The test binary lives in the build tree, so the Workplace finds the repository's deck as swan's own.
    private let workplace = Workplace(environment: ["SOURCE_DATE_EPOCH": "1700000000"], currentDirectory: PackagePaths.root,
                                      arguments: ["swan"])

    /// A copy of the shipped deck with `edit` applied to it.
    private func copy(_ edit: (URL) throws -> Void) throws -> URL {
        let folder = TemporaryFolder.make("swan-older-deck").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: PackagePaths.defaultDeck, to: folder)
        try edit(folder)
        return folder
    }

    private func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(old) in \(file.lastPathComponent)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// A label, a required layout field and the print-shop press (optional fields the
    /// documents need) taken out: each comes from the shipped deck, with a located warning
    /// naming the line to add, and the documents are the shipped deck's, byte for byte.
    func testADeckLackingALabelAndLayoutFieldsRendersWithTheShippedValues() throws {
        let folder = try copy { deck in
            try replace("form.answer.yes: \"ja\"\n", with: "", in: deck.appendingPathComponent("labels.yaml"))
            try replace("output.calibration: \"kalibratievel.pdf\"\n", with: "", in: deck.appendingPathComponent("labels.yaml"))
            try replace("  cropMarkLength: 3\n", with: "", in: deck.appendingPathComponent("layout/cards.yaml"))
            try replace("  inkLimit: 300            # hoogstens zoveel procent inkt op één punt\n", with: "",
                        in: deck.appendingPathComponent("layout/cards.yaml"))
        }
        let checked = CheckRun.deck(folder, in: workplace).value
        XCTAssertEqual(checked.errors, [])
        XCTAssertNotNil(checked.deck)
        let lines = checked.notices.map(\.englishLine)
        XCTAssertEqual(checked.notices.count, 4, lines.joined(separator: "\n"))
        XCTAssertTrue(checked.notices.allSatisfy { $0.severity == .warning }, lines.joined(separator: "\n"))
        let labels = folder.appendingPathComponent("labels.yaml").path
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(labels): warning: label 'form.answer.yes' is missing: swan's own wording is used; add the line 'form.answer.yes: \"ja\"' (as in ") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("label 'output.calibration'") && $0.contains("'output.calibration: \"kalibratievel.pdf\"'") }, lines.joined(separator: "\n"))
        let cards = folder.appendingPathComponent("layout/cards.yaml").path
        XCTAssertTrue(lines.contains { $0.range(of: "^\(cards):\\d+:\\d+: warning: 'sheet.cropMarkLength' is missing: swan's own value is used; add the line 'cropMarkLength: 3' under 'sheet' \\(as in ", options: .regularExpression) != nil }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("'printShop.inkLimit'") && $0.contains("'inkLimit: 300' under 'printShop'") }, lines.joined(separator: "\n"))
        // The location names the file; the message does not say it again.
        XCTAssertTrue(lines.allSatisfy { $0.components(separatedBy: folder.path).count == 2 }, lines.joined(separator: "\n"))
        // What a rendering command says instead: one line, the count, at the deck folder.
        let summary = try XCTUnwrap(ShippedDeckFallback.summary(of: checked.notices, folder: folder.path))
        XCTAssertEqual(summary.englishLine, "\(folder.path): warning: 4 label(s) and setting(s) missing in this deck: swan's own wording and values are used; `swan check --templates \(folder.path)` lists them")
        XCTAssertNil(ShippedDeckFallback.summary(of: [], folder: folder.path))

        let loaded = try workplace.loadDeckWarned(folder)
        XCTAssertEqual(loaded.warnings, checked.notices, "the same warnings for rendering commands")
        let older = try workplace.documentContext(loaded.value)
        let shipped = try workplace.documentContext(workplace.loadDeck())
        XCTAssertEqual(older.deck.labels["form.answer.yes"], "ja")
        for id in [DocumentID.sheets, .printshop, .fillableInvulblad, .calibration] {
            XCTAssertEqual(try pdf(id, older), try pdf(id, shipped), "\(id) as the shipped deck makes it")
        }
    }

    /// A value of the wrong type, a misspelt layout key and a misspelt label are mistakes, not
    /// keys from an older release: the deck fails as before, with no value taken in their place.
    func testABrokenDeckStillFails() throws {
        let folder = try copy { deck in
            try replace("  cropMarkLength: 3\n", with: "  cropMarkLength: drie\n", in: deck.appendingPathComponent("layout/cards.yaml"))
            try replace("  captionLines: 2", with: "  captionLine: 2", in: deck.appendingPathComponent("layout/screen.yaml"))
            try replace("form.answer.yes:", with: "form.answer.yse:", in: deck.appendingPathComponent("labels.yaml"))
        }
        let checked = CheckRun.deck(folder, in: workplace).value
        XCTAssertNil(checked.deck)
        XCTAssertEqual(checked.notices, [])
        let lines = checked.errors.map(\.englishLine).joined(separator: "\n")
        XCTAssertTrue(lines.contains("'sheet.cropMarkLength': expected a number, found 'drie'"), lines)
        XCTAssertTrue(lines.contains("'captionLines' in 'table'; found 'captionLine', is it misspelt?"), lines)
        XCTAssertTrue(lines.contains("missing label 'form.answer.yes'"), lines)
        XCTAssertThrowsError(try workplace.documentContext(workplace.loadDeck(folder)))
    }

    /// Without swan's own deck (a program found nowhere, a working folder without a deck) a
    /// lacking label is the error it always was.
    func testWithoutTheShippedDeckALackingLabelIsAnError() throws {
        let folder = try copy { deck in
            try replace("form.answer.yes: \"ja\"\n", with: "", in: deck.appendingPathComponent("labels.yaml"))
        }
        let nowhere = Workplace(environment: [:], currentDirectory: folder.deletingLastPathComponent(), arguments: ["/nowhere/swan"])
        let checked = CheckRun.deck(folder, in: nowhere).value
        XCTAssertNil(checked.deck)
        XCTAssertEqual(checked.notices, [])
        // The fonts are not found either; the label is the error it was.
        XCTAssertEqual(checked.errors.map(\.englishText).filter { $0.contains("label") }, ["missing label 'form.answer.yes' in \(folder.appendingPathComponent("labels.yaml").path); add a line 'form.answer.yes: \"...\"'"])
    }

    /// The shipped deck and the English fixture deck lack nothing: no warning, nothing changed.
    func testCompleteDecksTakeNothing() throws {
        for folder in [PackagePaths.defaultDeck, PackagePaths.root.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")] {
            let loaded = try workplace.loadDeckWarned(folder)
            XCTAssertEqual(loaded.warnings, [], folder.lastPathComponent)
            XCTAssertEqual(loaded.value.labels, try DeckLoader.load(from: folder).labels)
        }
    }

    private func pdf(_ id: DocumentID, _ context: DocumentContext) throws -> Data {
        guard case let .document(document) = try DocumentRegistry.entry(id).make(context, Diagnostics()) else {
            XCTFail("\(id) is one PDF")
            return Data()
        }
        return try TestExporters.native.export(document)
    }
}
