import SwanDiagnostics
/// Every input in Regressions/ (found by make fuzz, or kept as a hostile case) runs through the
/// parser it was found in: it must load or fail with reported errors, never crash or hang.
/// deck-* inputs: the first byte chooses the deck file (as in Tests/Fuzz/FuzzDeck), the rest is
/// its content. session-* inputs: bytes of a session file.
import Foundation
import XCTest
import SwanDeck
import SwanSession

final class FuzzRegressionTests: XCTestCase {
    /// Keep in step with Tests/Fuzz/FuzzDeck/FuzzDeck.swift and the Makefile.
    static let deckFiles = ["deck.yaml", "cards/ronde-1.yaml", "cards/rollen.yaml", "forms/invulblad.yaml",
                            "forms/checklist.yaml", "labels.yaml", "hyphenation.yaml", "handleiding.md", "layout/cards.yaml"]

    func inputs(_ prefix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: PropertySupport.regressions, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix) }.sorted { $0.path < $1.path }
    }

    func testDeckInputs() throws {
        let copy = PropertySupport.temporaryDirectory().appendingPathComponent("deck")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: PropertySupport.deckDirectory, to: copy)
        for input in try inputs("deck-") {
            let bytes = try Data(contentsOf: input)
            guard let first = bytes.first else { continue }
            let name = Self.deckFiles[Int(first) % Self.deckFiles.count]
            let file = copy.appendingPathComponent(name)
            let original = try Data(contentsOf: file)
            try bytes.dropFirst().write(to: file)
            defer { try? original.write(to: file) }
            do {
                _ = try DeckLoader.load(from: copy)
            } catch let errors as DiagnosticError {
                XCTAssertFalse(errors.diagnostics.isEmpty, input.lastPathComponent)
            } catch {
                XCTFail("\(input.lastPathComponent): \(name): unexpected error type \(type(of: error)): \(error)")
            }
        }
    }

    func testSessionInputs() throws {
        for input in try inputs("session-") {
            let data = try Data(contentsOf: input)
            do {
                let session = try SessionDecoder.decode(data, source: input.lastPathComponent, vocabulary: .standard)
                XCTAssertEqual(try SessionDecoder.decode(session.encodeJSON(), source: "again", vocabulary: .standard), session)
            } catch let errors as SessionErrors {
                XCTAssertFalse(errors.diagnostics.isEmpty, input.lastPathComponent)
            }
        }
    }
}
