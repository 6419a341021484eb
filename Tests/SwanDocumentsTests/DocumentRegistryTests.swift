import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanTestSupport

/// The registry says what every document needs from the deck; these keep it true.
final class DocumentRegistryTests: XCTestCase {
    /// Label keys looked up in the documents' code: `label("key"` (a key ending in "." is a prefix
    /// completed at run time, as "sheets.flip." + the flip edge).
    /// With `anyLiteral`, every dotted literal ("form.filled.leader"), as code that picks a key
    /// before it looks it up has it.
    static func labelKeysInCode(anyLiteral: Bool = false) throws -> Set<String> {
        let folder = PackagePaths.root.appendingPathComponent("Sources/SwanDocuments")
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let pattern = try NSRegularExpression(pattern: anyLiteral ? #""([a-z]+(?:\.[a-z]+)+\.?)""# : #"label\("([a-z][a-z.]*)"#)
        var keys = Set<String>()
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                keys.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return keys
    }

    /// One entry per document id, in the ids' order (the default run's), so `entry(_:)` finds
    /// every id a command can name.
    func testEveryDocumentIDHasOneEntryInOrder() {
        XCTAssertEqual(DocumentRegistry.documents.map(\.id), DocumentID.allCases)
        for id in DocumentID.allCases { XCTAssertEqual(DocumentRegistry.entry(id).id, id) }
    }

    func testEveryLabelTheCodeAsksForIsDeclaredAndEveryDeclaredLabelIsUsed() throws {
        let inCode = try Self.labelKeysInCode()
        XCTAssertGreaterThan(inCode.count, 20, "the scan sees the documents' label lookups")
        let declared = Set(DocumentRegistry.documents.flatMap(\.labels).map(\.name))
        for key in inCode {
            if key.hasSuffix(".") {
                XCTAssertTrue(declared.contains { $0.hasPrefix(key) }, "'\(key)…' is looked up but no document declares it")
            } else {
                XCTAssertTrue(declared.contains(key), "'\(key)' is looked up but no document declares it")
            }
        }
        let literals = try Self.labelKeysInCode(anyLiteral: true).union(inCode)
        for key in declared {
            XCTAssertTrue(literals.contains(key) || inCode.contains { $0.hasSuffix(".") && key.hasPrefix($0) },
                          "'\(key)' is declared but no code looks it up")
        }
    }

    func testTheShippedAndTheEnglishDeckHaveEverythingTheirDocumentsNeed() throws {
        for folder in [PackagePaths.defaultDeck, PackagePaths.root.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")] {
            let deck = try DeckLoader.load(from: folder)
            XCTAssertEqual(DocumentRegistry.layoutErrors(in: deck).map(\.description), [], folder.lastPathComponent)
            XCTAssertEqual(DocumentRegistry.labelErrors(in: deck).map(\.description), [], folder.lastPathComponent)
        }
    }

    func testAMissingLabelIsNamedOnce() throws {
        var deck = try DeckLoader.load(from: PackagePaths.defaultDeck)
        deck.labels.entries["page.number"] = nil
        deck.labels.entries["screen.front"] = nil
        let errors = DocumentRegistry.labelErrors(in: deck).map(\.description)
        XCTAssertEqual(errors.count, 2, "page.number is needed by three documents but reported once: \(errors)")
        XCTAssertTrue(errors.contains { $0.contains("page.number") && $0.contains("labels.yaml") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("screen.front") }, "\(errors)")
    }

    func testAnOverviewLayoutIsOnlyNeededByADeckWithAnOverview() throws {
        var deck = try DeckLoader.load(from: PackagePaths.defaultDeck)
        deck.layouts["overzicht"] = nil
        XCTAssertFalse(DocumentRegistry.layoutErrors(in: deck).isEmpty, "the shipped deck has an overview, so it needs its layout")
        deck.overview = nil
        XCTAssertEqual(DocumentRegistry.layoutErrors(in: deck).map(\.description), [])
    }
}
