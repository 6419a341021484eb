import SwanDiagnostics
import XCTest
@testable import SwanDeck

/// Breaking any structured file of the shipped deck gives an error naming that file and a line.
final class CorruptionTests: XCTestCase {
    /// Every YAML file of the shipped deck, found on disk so that new files are covered too.
    static let structuredFiles: [String] = FileManager.default.enumerator(atPath: TestDeck.shipped.path)!
        .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted()

    func testEveryStructuredFileIsCovered() throws {
        let core = ["deck.yaml", "cards/ronde-1.yaml", "cards/ronde-2.yaml", "cards/ronde-3.yaml", "cards/rollen.yaml",
                    "cards/check.yaml", "forms/invulblad.yaml", "forms/checklist.yaml", "labels.yaml", "hyphenation.yaml",
                    "layout/cards.yaml"]
        XCTAssertTrue(Set(core).isSubset(of: Set(Self.structuredFiles)), "\(Self.structuredFiles)")
    }

    func testBrokenSyntaxNamesTheFileAndLine() throws {
        for relative in Self.structuredFiles {
            let deck = try TestDeck.copy()
            defer { try? FileManager.default.removeItem(at: deck) }
            let path = deck.appendingPathComponent(relative)
            let original = try String(contentsOf: path, encoding: .utf8)
            let lines = original.components(separatedBy: "\n").count
            try TestDeck.write(original + "\n\"unclosed: [\n", to: relative, in: deck)
            let errors = TestDeck.errors(loading: deck)
            let hit = errors.first { $0.location?.file == path.path }
            XCTAssertNotNil(hit, "\(relative): \(errors)")
            XCTAssertGreaterThanOrEqual(hit?.location?.line ?? 0, lines, relative)
            // The quote that is never closed is named where it opens (YAMLDiagnosis), not as YAML's own message.
            XCTAssertTrue(hit?.englishText.hasPrefix("this quote (\") is never closed") == true, "\(relative): \(hit?.englishText ?? "")")
        }
    }

    func testUnknownTopLevelKeyNamesTheFileAndLine() throws {
        for relative in Self.structuredFiles where relative != "labels.yaml" && !relative.hasPrefix("layout/") {
            let deck = try TestDeck.copy()
            defer { try? FileManager.default.removeItem(at: deck) }
            let path = deck.appendingPathComponent(relative)
            let original = try String(contentsOf: path, encoding: .utf8)
            try TestDeck.write("extraKey: 1\n" + original, to: relative, in: deck)
            let errors = TestDeck.errors(loading: deck)
            assertError(errors, file: relative, line: 1, column: 1, contains: "unknown key 'extraKey'")
        }
    }

    func testBrokenHandleidingNamesTheFileAndLine() throws {
        let deck = try TestDeck.copy()
        defer { try? FileManager.default.removeItem(at: deck) }
        let original = try String(contentsOf: deck.appendingPathComponent("handleiding.md"), encoding: .utf8)
        try TestDeck.write(original.replacingOccurrences(of: "[^1]:", with: "[^9]:"), to: "handleiding.md", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "handleiding.md", line: 14, column: 52, contains: "footnote reference '[^1]' has no definition")
        XCTAssertTrue(errors.contains { $0.englishText.contains("footnote '[^9]' is defined but never referenced") }, "\(errors)")
    }
}
