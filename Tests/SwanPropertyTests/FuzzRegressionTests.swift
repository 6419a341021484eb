/// Every input in Regressions/ (found by make fuzz, or kept as a hostile case) runs through the
/// code it was found in: it must be accepted or refused with reported errors, never crash or hang.
/// deck-* inputs go through DeckFuzzInput, as in make fuzz (the first byte chooses the deck file,
/// the rest is its content; the deck is loaded and its layouts decoded). session-* inputs: bytes
/// of a session file. import-* inputs: PDFs read as `swan import` reads them (PDFFuzzInput).
import Foundation
import SwanDiagnostics
import XCTest
import SwanDeck
import SwanFuzzHarness
import SwanSession

final class FuzzRegressionTests: XCTestCase {
    func inputs(_ prefix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: PropertySupport.regressions, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix) }.sorted { $0.path < $1.path }
    }

    func testDeckInputs() throws {
        let copy = try DeckFuzzInput.copyOfDeck(from: PropertySupport.deckDirectory, fonts: PropertySupport.packageRoot.appendingPathComponent("Fonts"))
        defer { DeckFuzzInput.remove(copy) }
        let inputs = try inputs("deck-")
        XCTAssertGreaterThanOrEqual(inputs.count, 4, "the kept deck inputs are found")
        for input in inputs {
            let bytes = try Data(contentsOf: input)
            let name = DeckFuzzInput.file(for: bytes) ?? "nothing"
            do {
                if case .refused(let errors) = try DeckFuzzInput.run(bytes, in: copy) {
                    XCTAssertFalse(errors.isEmpty, "\(input.lastPathComponent): refused without a reason")
                }
            } catch {
                XCTFail("\(input.lastPathComponent): \(name): unexpected error type \(type(of: error)): \(error)")
            }
        }
    }

    /// An input for each layout file reaches the layout decoder: the shipped layout with one
    /// number made a word loads as YAML and is refused by the decoder, located in that file.
    func testLayoutInputsReachTheLayoutDecoder() throws {
        let copy = try DeckFuzzInput.copyOfDeck(from: PropertySupport.deckDirectory, fonts: PropertySupport.packageRoot.appendingPathComponent("Fonts"))
        defer { DeckFuzzInput.remove(copy) }
        XCTAssertEqual(try DeckFuzzInput.run(Data([0]) + (try Data(contentsOf: copy.appendingPathComponent("deck.yaml"))), in: copy).isAccepted,
                       true, "the unchanged deck is accepted")
        let layouts = DeckFuzzInput.files.enumerated().filter { $0.element.hasPrefix("layout/") }
        XCTAssertEqual(layouts.count, 5)
        for (index, name) in layouts {
            let text = try String(contentsOf: copy.appendingPathComponent(name), encoding: .utf8)
            // The first "key: <number>" or "key: <file name>" value becomes a mapping, which no layout field accepts.
            let spoilt = try XCTUnwrap(text.range(of: #"(?m)^(\s*[A-Za-z]+): [0-9A-Za-z./-]+\s*$"#, options: .regularExpression).map {
                text.replacingCharacters(in: $0, with: String(text[$0]).replacingOccurrences(of: #": .*$"#, with: ": {wrong: 1}", options: .regularExpression))
            }, name)
            let outcome = try DeckFuzzInput.run(Data([UInt8(index)]) + Data(spoilt.utf8), in: copy)
            guard case .refused(let errors) = outcome else { XCTFail("\(name): a wrong type was accepted"); continue }
            XCTAssertTrue(errors.contains { $0.location?.file.hasSuffix(name) == true }, "\(name): \(errors)")
        }
    }

    /// The Makefile seeds make fuzz with the same files in the same order.
    func testMakefileListsTheSameDeckFiles() throws {
        let makefile = try String(contentsOf: PropertySupport.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let line = try XCTUnwrap(makefile.split(separator: "\n").first { $0.hasPrefix("FUZZ_DECK_FILES :=") })
        XCTAssertEqual(line.split(separator: " ").dropFirst(2).map(String.init), DeckFuzzInput.files)
    }

    func testSessionInputs() throws {
        for input in try inputs("session-") {
            let data = try Data(contentsOf: input)
            do {
                let session = try SessionDecoder.decode(data, source: input.lastPathComponent, vocabulary: .standard)
                XCTAssertEqual(try SessionDecoder.decode(session.encodeJSON(), source: "again", vocabulary: .standard), session)
            } catch let errors as DiagnosticError {
                XCTAssertFalse(errors.diagnostics.isEmpty, input.lastPathComponent)
            }
        }
    }

    /// import-* inputs: PDFs read as `swan import` reads them (PDFFuzzInput, the fuzz target's
    /// harness); each is imported or refused with reported errors, never a crash or hang.
    func testImportInputs() throws {
        let context = try PDFFuzzInput.context(deck: PropertySupport.deckDirectory)
        let inputs = try inputs("import-")
        XCTAssertGreaterThanOrEqual(inputs.count, 5, "the kept PDF inputs are found")
        for input in inputs {
            do {
                if case .refused(let errors) = try PDFFuzzInput.run(try Data(contentsOf: input), context: context) {
                    XCTAssertFalse(errors.isEmpty, "\(input.lastPathComponent): refused without a reason")
                }
            } catch {
                XCTFail("\(input.lastPathComponent): unexpected error type \(type(of: error)): \(error)")
            }
        }
        // The object stream of 9 MB is over the 8 MB budget; the deep tree is 40 levels, over 32.
        for (name, code) in [("import-object-stream-9mb.pdf", "engine.pdf-object-stream-too-large"),
                             ("import-deep-fields.pdf", "engine.pdf-fields-too-deep")] {
            let bytes = try Data(contentsOf: PropertySupport.regressions.appendingPathComponent(name))
            guard case .refused(let errors) = try PDFFuzzInput.run(bytes, context: context),
                  case .message(let inner)? = errors.first?.message.arguments["message"] else { XCTFail(name); continue }
            XCTAssertEqual(inner.code, code, name)
        }
    }
}

extension DeckFuzzInput.Outcome {
    var isAccepted: Bool { if case .accepted = self { return true } else { return false } }
}
