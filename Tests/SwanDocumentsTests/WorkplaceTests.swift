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
}

import SwanDeck
import SwanDocuments

private enum DocumentContextProbe {
    static func make(_ deck: Deck) throws { _ = try DocumentContext(deck: deck) }
}
