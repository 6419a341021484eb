import Foundation
import XCTest
import SwanApp
import SwanDiagnostics
import SwanTestSupport

/// The application layer finds the default deck and its fonts from the Workplace it is given,
/// not from the process: a test gives it another environment and folder.
final class WorkplaceTests: XCTestCase {
    func testTheEnvironmentNamesTheDefaultDeck() {
        let workplace = Workplace(environment: ["SWAN_TEMPLATES": "/tmp/elsewhere"], currentDirectory: PackagePaths.root,
                                  arguments: ["swan"])
        XCTAssertEqual(workplace.defaultDeckDirectory.path, "/tmp/elsewhere")
    }

    func testTheWorkingFolderFindsTheDeckWithoutAnEnvironment() {
        let workplace = Workplace(environment: [:], currentDirectory: PackagePaths.root, arguments: ["/nowhere/swan"])
        XCTAssertEqual(workplace.defaultDeckDirectory.standardizedFileURL.path, PackagePaths.defaultDeck.standardizedFileURL.path)
    }

    /// A deck copied out of the repository keeps printing in swan's fonts: the fallback is the
    /// Workplace's default deck, and without it the font files are not found.
    func testACopiedDeckFindsItsFontsThroughTheWorkplace() throws {
        let copy = TemporaryFolder.make("swan-workplace").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: PackagePaths.defaultDeck, to: copy)
        let workplace = Workplace(environment: [:], currentDirectory: PackagePaths.root, arguments: ["swan"])
        let deck = try workplace.loadDeck(copy)
        XCTAssertEqual(deck.fontFallbackDirectory?.standardizedFileURL.path, PackagePaths.defaultDeck.standardizedFileURL.path)
        XCTAssertNoThrow(try DocumentContextProbe.make(deck))
        var alone = deck
        alone.fontFallbackDirectory = nil
        XCTAssertThrowsError(try DocumentContextProbe.make(alone)) { error in
            // In English whatever the locale (the test also runs under LANG=nl_NL.UTF-8).
            let english = (error as? DiagnosticConvertible)?.diagnostics.map(\.englishText).joined(separator: "\n") ?? "\(error)"
            XCTAssertTrue(english.contains("font file not found"), english)
        }
    }

    /// The date, the hyphenation dictionary and the ICC profile come from the Workplace's
    /// environment, handed down as values: the layers below read no environment.
    func testTheEnvironmentIsHandedDownAsValues() throws {
        let dictionary = "/x/hyph_nl.dic"
        let workplace = Workplace(environment: ["SOURCE_DATE_EPOCH": "86400", "SWAN_HYPHEN_DICT": dictionary,
                                                "SWAN_ICC_PROFILE": "/x/sRGB.icc"],
                                  currentDirectory: PackagePaths.root, arguments: ["swan"])
        XCTAssertEqual(workplace.pinnedDate, Date(timeIntervalSince1970: 86400))
        XCTAssertEqual(workplace.exporters(pdfWriter: .native).native.iccProfile, "/x/sRGB.icc")
        let deck = try workplace.loadDeck()
        let context = try workplace.documentContext(deck)
        XCTAssertEqual(context.date, Date(timeIntervalSince1970: 86400))
        XCTAssertEqual(context.date(including: [PackagePaths.defaultDeck]), Date(timeIntervalSince1970: 86400), "pinned")
        XCTAssertEqual(workplace.hyphenationDictionary, dictionary)
        let unpinned = try Workplace(environment: [:], currentDirectory: PackagePaths.root, arguments: ["swan"]).documentContext(deck)
        XCTAssertFalse(unpinned.datePinned)
        XCTAssertGreaterThan(unpinned.date, Date(timeIntervalSince1970: 86400), "the deck files' time")
    }
}

import SwanDeck
import SwanDocuments

private enum DocumentContextProbe {
    static func make(_ deck: Deck) throws { _ = try DocumentContext(deck: deck) }
}
