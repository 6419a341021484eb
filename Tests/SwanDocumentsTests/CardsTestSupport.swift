import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanTestSupport

/// The shipped deck, loaded once, and helpers to check real PDFs with real tools.
enum CardsTestSupport {
    static let deckDirectory = PackagePaths.defaultDeck
    static let context: DocumentContext = {
        let deck = try! DeckLoader.load(from: deckDirectory)
        return try! DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000))
    }()
    static let layout: CardLayout = try! context.deck.decodeLayout("cards", as: CardLayout.self)

    static func temporaryDirectory() -> URL { TemporaryFolder.make("swan-cards") }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(tool, arguments)
    }

    /// Text as pdftotext gives it, reduced to words separated by single spaces, with line-end
    /// hyphens joined, for comparing with the source wording.
    static func normalised(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "-\n", with: "")
        result = result.replacingOccurrences(of: "\u{00AD}", with: "")
        return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
