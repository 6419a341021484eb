import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanEngine

/// The shipped deck, loaded once, and helpers to check real PDFs with real tools.
enum CardsTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let deckDirectory = packageRoot.appendingPathComponent("Templates/swan")
    static let context: DocumentContext = {
        let deck = try! DeckLoader.load(from: deckDirectory)
        return try! DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000))
    }()
    static let layout: CardLayout = try! context.deck.decodeLayout("cards", as: CardLayout.self)

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swan-cards-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a command-line tool; skips the test when it is not installed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("\(tool) is not installed (make test installs it)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Text as pdftotext gives it, reduced to words separated by single spaces, with line-end
    /// hyphens joined, for comparing with the source wording.
    static func normalised(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "-\n", with: "")
        result = result.replacingOccurrences(of: "\u{00AD}", with: "")
        return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
