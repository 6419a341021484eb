import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanTestSupport

/// The registry says what every document needs from the deck; these keep it true.
final class DocumentRegistryTests: XCTestCase {
    /// The Swift text of every file of Sources/SwanDocuments, by path inside that folder.
    static func documentSources() throws -> [String: String] {
        let folder = PackagePaths.root.appendingPathComponent("Sources/SwanDocuments")
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try Dictionary(uniqueKeysWithValues: files.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) })
    }

    /// How often `name` occurs in `text` as a whole word.
    static func count(_ name: String, in text: String) throws -> Int {
        try NSRegularExpression(pattern: "\\b\(name)\\b").numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The name of `key`'s LabelKey constant: "form.filled.leader" is `formFilledLeader`.
    static func constantName(_ key: LabelKey) -> String {
        let parts = key.name.split(separator: ".")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// One entry per document id, in the ids' order (the default run's), so `entry(_:)` finds
    /// every id a command can name.
    func testEveryDocumentIDHasOneEntryInOrder() {
        XCTAssertEqual(DocumentRegistry.documents.map(\.id), DocumentID.allCases)
        for id in DocumentID.allCases { XCTAssertEqual(DocumentRegistry.entry(id).id, id) }
    }

    /// The documents look labels up by LabelKey (LabelKeyTests: each is in labels.yaml and listed
    /// by an entry), never by a string a typo could break.
    func testNoDocumentLooksUpALabelByString() throws {
        let pattern = try NSRegularExpression(pattern: #"[lL]abel\((?:_ )?"[a-z]+\.[a-z.]*"?"#)
        var stringLookups: [String] = []
        for (file, text) in try Self.documentSources() {
            stringLookups += pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { "\(file): \(text[Range($0.range, in: text)!])" }
        }
        XCTAssertEqual(stringLookups, [], "look these up by LabelKey")
    }

    func testEveryListedLabelIsATypedKeyTheCodeUses() throws {
        let declared = Set(LabelKey.declared)
        let sources = try Self.documentSources()
        let declaring = sources["Registry/LabelKey.swift"] ?? ""
        let documents = sources.filter { !$0.key.hasPrefix("Registry/") }.values.joined(separator: "\n")
        XCTAssertGreaterThan(declaring.count, 0, "the scan sees LabelKey.swift")
        for key in Set(DocumentRegistry.documents.flatMap(\.labels)) {
            XCTAssertTrue(declared.contains(key), "'\(key.name)' is listed but not declared in LabelKey")
            // Used by a document, or picked by one of LabelKey's functions (beyond its declaration
            // and its place in `declared`).
            let name = Self.constantName(key)
            let used = try Self.count(name, in: documents) > 0 || Self.count(name, in: declaring) > 2
            XCTAssertTrue(used, "'\(key.name)' is listed but no document looks it up")
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
