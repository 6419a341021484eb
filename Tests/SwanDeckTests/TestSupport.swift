import SwanDiagnostics
import Foundation
import XCTest
import SwanTestSupport
@testable import SwanDeck

/// Paths and helpers shared by the deck tests.
enum TestDeck {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shipped = packageRoot.appendingPathComponent("Templates/swan")
    static let english = packageRoot.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")

    /// A fresh copy of the shipped deck in a temporary folder, to break on purpose.
    static func copy(of source: URL = shipped) throws -> URL {
        let target = TestProcessFolder.make("swan-deck").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    static func write(_ text: String, to relative: String, in deck: URL) throws {
        try Data(text.utf8).write(to: deck.appendingPathComponent(relative))
    }

    static func writeBytes(_ bytes: [UInt8], to relative: String, in deck: URL) throws {
        try Data(bytes).write(to: deck.appendingPathComponent(relative))
    }

    /// Loads a deck that must fail and returns every error reported.
    static func errors(loading deck: URL, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            _ = try DeckLoader.load(from: deck)
            XCTFail("expected the deck to fail loading", file: file, line: line)
            return []
        } catch let errors as DiagnosticError {
            return errors.diagnostics
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return []
        }
    }
}

/// Asserts that exactly one error matches file suffix, line, column and message fragment.
func assertError(_ errors: [Diagnostic], file suffix: String, line: Int, column: Int, contains fragment: String,
                 sourceFile: StaticString = #filePath, sourceLine: UInt = #line) {
    let matches = errors.filter {
        $0.location?.file.hasSuffix(suffix) == true && $0.location?.line == line
            && $0.location?.column == column && $0.englishText.contains(fragment)
    }
    XCTAssertEqual(matches.count, 1, "no single error \(suffix):\(line):\(column) containing '\(fragment)' in:\n"
                   + errors.map(\.englishLine).joined(separator: "\n"), file: sourceFile, line: sourceLine)
}

/// A minimal, valid one-card file used as a base for error cases.
let minimalRoundFile = """
round: 1
cards:
  - id: een
    kind: hoofdvraag
    front:
      question: Vraag?
"""
