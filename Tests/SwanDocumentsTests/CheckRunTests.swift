import Foundation
import XCTest
import SwanApp
import SwanDiagnostics
import SwanTestSupport

/// `swan check`'s findings in process (CheckRun): the command only prints them.
final class CheckRunTests: XCTestCase {
    private let workplace = Workplace(environment: [:], currentDirectory: PackagePaths.root, arguments: ["swan"])

    func testTheShippedDeckLaysOutWithoutErrors() {
        let result = CheckRun.deck(workplace.defaultDeckDirectory, in: workplace).value
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.deck?.directory.standardizedFileURL, workplace.defaultDeckDirectory.standardizedFileURL)
    }

    /// A label the cards need, taken out of a copy of the deck: no deck, an error for each card
    /// that needs it, each said once.
    func testADeckWithoutALabelItNeedsIsRefusedWithEveryPlace() throws {
        let folder = TemporaryFolder.make("swan-check-run").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: workplace.defaultDeckDirectory, to: folder)
        let labels = folder.appendingPathComponent("labels.yaml")
        let kept = try String(contentsOf: labels, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("card.examples:") }
        try kept.joined(separator: "\n").write(to: labels, atomically: true, encoding: .utf8)

        let result = CheckRun.deck(folder, in: workplace).value
        XCTAssertNil(result.deck)
        XCTAssertGreaterThan(result.errors.count, 1)
        XCTAssertEqual(Set(result.errors).count, result.errors.count)
        for error in result.errors {
            XCTAssertTrue(error.description.contains("card.examples"), error.description)
            XCTAssertTrue(error.description.contains("/cards/"), error.description)
        }
    }

    /// Each session its own result, in order: the format version of a valid one, the errors of a broken one.
    func testSessionsAreCheckedOneByOneWithTheirVersion() throws {
        let deck = try workplace.loadDeck().value
        let folder = TemporaryFolder.make("swan-check-run-sessions")
        let two = PackagePaths.root.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json")
        let one = folder.appendingPathComponent("v1.json")
        let text = try String(contentsOf: two, encoding: .utf8)
        XCTAssertTrue(text.contains("\"version\": 2"))
        try text.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1").write(to: one, atomically: true, encoding: .utf8)
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\"version\": 2,".utf8).write(to: broken)

        let results = CheckRun.sessions([two, one, broken], against: deck, in: workplace)
        XCTAssertEqual(results.map(\.file), [two, one, broken])
        XCTAssertEqual(results.map(\.version), [2, 1, nil])
        XCTAssertEqual(results[0].errors, [])
        XCTAssertEqual(results[1].errors, [])
        XCTAssertFalse(results[2].errors.isEmpty)
    }
}
