import Foundation
import XCTest
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanPDF
import SwanTestSupport

/// A command that makes one document reads only the parts of the deck its registry entry names
/// (DeckParts): each document made from such a deck is the one made from the whole deck, byte
/// for byte, so no entry leaves out a part its document reads.
final class DeckPartsDocumentTests: XCTestCase {
    func testEachDocumentFromItsOwnPartsIsTheWholeDecksDocument() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let whole = try DocumentContext(deck: try DeckLoader.load(from: PackagePaths.defaultDeck), date: date)
        for entry in DocumentRegistry.documents {
            let parts = entry.deckParts
            XCTAssertNotNil(parts.layouts, "\(entry.id): a single document names its layouts")
            let deck = try DeckLoader.load(from: PackagePaths.defaultDeck, parts: parts)
            XCTAssertEqual(Set(deck.layouts.keys), parts.layouts, "\(entry.id): only its layout files are read")
            XCTAssertEqual(deck.files, whole.deck.files, "\(entry.id): every deck file still dates the documents")
            let own = try DocumentContext(deck: deck, date: date)
            switch (try entry.make(own, Diagnostics()), try entry.make(whole, Diagnostics())) {
            case (.document(let mine), .document(let theirs)):
                XCTAssertEqual(try NativePDFExporter().export(mine), try NativePDFExporter().export(theirs), "\(entry.id)")
            case (.pictures(let mine), .pictures(let theirs)):
                XCTAssertEqual(mine.map(\.name), theirs.map(\.name), "\(entry.id)")
                XCTAssertEqual(mine.map(\.page.items.count), theirs.map(\.page.items.count), "\(entry.id)")
            case (.screen(let mine), .screen(let theirs)):
                XCTAssertEqual(try NativePDFExporter().export(mine.document), try NativePDFExporter().export(theirs.document), "\(entry.id)")
            default:
                XCTFail("\(entry.id): a different kind of output")
            }
        }
    }

    func testPartsLeftOutAreNotRead() throws {
        let parts = DocumentRegistry.entry(.invulblad).deckParts
        XCTAssertEqual(parts.layouts, ["typography", "forms"])
        XCTAssertEqual(parts.content, [])
        let deck = try DeckLoader.load(from: PackagePaths.defaultDeck, parts: parts)
        XCTAssertTrue(deck.handleiding.blocks.isEmpty)
        XCTAssertTrue(deck.checklist.roles.isEmpty)
        XCTAssertNil(deck.overview)
        XCTAssertTrue(deck.namesOverview, "the deck still has its overview")
        XCTAssertEqual(Set(deck.unreadLayouts.keys), ["cards", "handleiding", "overzicht", "screen", "specimen"])
        // A layout asked for all the same is read then.
        XCTAssertNotNil(try deck.layoutFile("cards"))
    }
}
