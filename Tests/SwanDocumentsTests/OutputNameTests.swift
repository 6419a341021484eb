import Foundation
import XCTest
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanTestSupport

/// The names of the files swan writes come from the deck (labels.yaml, output.*), checked.
final class OutputNameTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    private static let english = PackagePaths.root.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")

    private func names(_ deck: Deck) throws -> [String: String] {
        var names: [String: String] = [:]
        for entry in DocumentRegistry.documents where entry.isIn(deck) { names[entry.id.rawValue] = try entry.outputName(in: deck) }
        return names
    }

    /// The Makefile, the README and the users' habits know these names: the shipped deck keeps them.
    func testTheShippedDeckNamesItsFilesAsBefore() throws {
        let deck = try DeckLoader.load(from: PackagePaths.defaultDeck)
        XCTAssertEqual(try names(deck), [
            "sheets": "kaarten-thuis-printen.pdf", "printshop": "kaarten-drukker.pdf", "calibration": "kalibratievel.pdf", "previews": "previews",
            "specimen": "specimen.pdf", "screen": "kaarten-scherm.pdf", "overzicht": "overzicht.pdf",
            "invulblad": "invulblad.pdf", "fillable-invulblad": "invulblad-invulbaar.pdf", "checklist": "checklist.pdf",
            "handleiding": "handleiding.pdf", "report": "teamrapportage.pdf",
        ])
        XCTAssertEqual(DocumentRegistry.outputNameErrors(in: deck).map(\.description), [])
    }

    func testTheEnglishDeckNamesItsFilesInEnglish() throws {
        let deck = try DeckLoader.load(from: Self.english)
        XCTAssertEqual(try names(deck), [
            "sheets": "cards-home-print.pdf", "printshop": "cards-print-shop.pdf", "calibration": "calibration-sheet.pdf", "previews": "previews",
            "specimen": "specimen.pdf", "screen": "cards-screen.pdf", "overzicht": "overview.pdf",
            "invulblad": "worksheet.pdf", "fillable-invulblad": "worksheet-fillable.pdf", "checklist": "checklist.pdf",
            "handleiding": "manual.pdf", "report": "team-report.pdf",
        ])
        XCTAssertEqual(DocumentRegistry.outputNameErrors(in: deck).map(\.description), [])
    }

    func testEveryDocumentHasItsOwnKey() {
        let keys = DocumentRegistry.documents.flatMap(\.outputs).map(\.key)
        XCTAssertEqual(Set(keys).count, keys.count, "\(keys)")
        XCTAssertTrue(keys.allSatisfy { $0.hasPrefix("output.") }, "\(keys)")
    }

    /// A deck copy with `labels` changed, loaded from disk so that every name has its line.
    private func deck(with changes: [String: String?]) throws -> Deck {
        let folder = TestProcessFolder.make("output-names").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: PackagePaths.defaultDeck, to: folder)
        let file = folder.appendingPathComponent("labels.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        for (key, value) in changes {
            let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(key + ":") }, key)
            if let value { lines[index] = "\(key): \(value)" } else { lines.remove(at: index) }
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return try DeckLoader.load(from: folder)
    }

    private func line(of key: String, in deck: Deck) throws -> Int {
        try XCTUnwrap(deck.labels.locations[key]?.line, key)
    }

    func testEachUnsafeNameIsAnErrorAtItsLine() throws {
        let loaded = try deck(with: [
            "output.sheets": "\"../kaarten.pdf\"", "output.printshop": "\"drukker\"",
            "output.screen": "\"scherm\\u0007.pdf\"", "output.checklist": "\"sub/checklist.pdf\"",
            "output.previews.contactsheet": "\"contact.pdf\"", "output.handleiding": "\"\(String(repeating: "h", count: 300)).pdf\"",
        ])
        // The deck loader refuses an empty text itself; a deck made in code may still have one.
        var deck = loaded
        deck.labels.entries["output.specimen"] = " "
        let errors = DocumentRegistry.outputNameErrors(in: deck)
        func error(_ key: String, _ code: OutputNameCode, file: StaticString = #filePath, line: UInt = #line) throws {
            let found = errors.filter { $0.message.code == code.rawValue && $0.description.contains(key) }
            XCTAssertEqual(found.count, 1, "\(code) for \(key): \(errors.map(\.description))", file: file, line: line)
            XCTAssertEqual(found.first?.location?.line, try self.line(of: key, in: deck), "\(key) at its line", file: file, line: line)
            XCTAssertNotNil(found.first?.location?.column, "\(key) at its column", file: file, line: line)
            XCTAssertTrue(found.first?.location?.file.hasSuffix("labels.yaml") == true, file: file, line: line)
        }
        try error("output.sheets", .dots)
        try error("output.sheets", .folderSeparator)
        try error("output.printshop", .wrongExtension)
        try error("output.specimen", .empty)
        try error("output.screen", .controlCharacter)
        try error("output.checklist", .folderSeparator)
        try error("output.previews.contactsheet", .wrongExtension)
        try error("output.handleiding", .tooLong)
        XCTAssertEqual(errors.count, 8, "\(errors.map(\.description))")
        // A subcommand asks for its own name only, and is refused the same way.
        XCTAssertThrowsError(try DocumentRegistry.entry(.sheets).outputName(in: deck))
        XCTAssertEqual(try DocumentRegistry.entry(.invulblad).outputName(in: deck), "invulblad.pdf")
    }

    func testAMissingNameSaysWhichKeyToAdd() throws {
        let deck = try deck(with: ["output.overzicht": nil])
        let errors = DocumentRegistry.outputNameErrors(in: deck).map(\.description)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors[0].contains("output.overzicht") && errors[0].contains("labels.yaml"), "\(errors)")
        // A deck without an overview needs no name for it.
        var without = deck
        without.overview = nil
        XCTAssertEqual(DocumentRegistry.outputNameErrors(in: without).map(\.description), [])
    }

    func testTwoDocumentsCannotShareAName() throws {
        // Letter case aside (macOS and Windows would write one file), and the screen edition's
        // image folder counts: "previews.pdf" would put its images into the previews folder.
        let deck = try deck(with: ["output.checklist": "\"Handleiding.PDF\"", "output.screen": "\"previews.pdf\""])
        let errors = DocumentRegistry.outputNameErrors(in: deck)
        XCTAssertEqual(errors.map(\.message.code), [OutputNameCode.sameImageFolder.rawValue, OutputNameCode.sameName.rawValue],
                       "\(errors.map(\.description))")
        let screen = try XCTUnwrap(errors.first { $0.description.contains("output.screen") })
        XCTAssertTrue(screen.description.contains("output.previews"), screen.description)
        XCTAssertEqual(screen.location?.line, try line(of: "output.screen", in: deck))
        // Reported at the later document (the handleiding), naming the first and its line.
        let handleidingLine = try line(of: "output.handleiding", in: deck), checklistLine = try line(of: "output.checklist", in: deck)
        let handleiding = try XCTUnwrap(errors.first { $0.location?.line == handleidingLine })
        XCTAssertTrue(handleiding.description.contains("output.checklist")
                        && handleiding.description.contains("line \(checklistLine)"), handleiding.description)
    }
}
