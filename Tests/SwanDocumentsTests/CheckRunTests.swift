import Foundation
import XCTest
import SwanApp
import SwanDiagnostics
import SwanIO
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
        let deck = try workplace.loadDeck()
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

    /// A session read from `-` is named as standard input in the user's language, where the
    /// message is printed: "standaardinvoer" under a Dutch locale, never the English words.
    func testStandardInputIsNamedInTheUsersLanguage() throws {
        let deck = try workplace.loadDeck()
        let results = try Self.withStandardInput(Data("{\"version\": 2,".utf8)) {
            CheckRun.sessions([URL(fileURLWithPath: "-")], against: deck, in: workplace)
        }
        let errors = try XCTUnwrap(results.first?.errors)
        XCTAssertFalse(errors.isEmpty, "the broken session is reported")
        let folder = try XCTUnwrap(workplace.messagesFolder)
        let dutch = Catalogue.load(Language.of(environment: ["LANG": "nl_NL.UTF-8"]), from: folder)
        let english = Catalogue.load(.english, from: folder)
        for line in DiagnosticPrinter.lines(for: errors, catalogue: dutch) {
            XCTAssertTrue(line.hasPrefix("standaardinvoer:1:"), line)
            XCTAssertFalse(line.contains("standard input"), line)
        }
        for line in DiagnosticPrinter.lines(for: errors, catalogue: english) { XCTAssertTrue(line.hasPrefix("standard input:1:"), line) }
        // A file error on standard input (too large, unreadable) names it the same way.
        let tooLarge = FileError(.read, SourceLocation.standardInput, .tooLarge(limit: 16 << 20)).diagnostic()
        XCTAssertTrue(DiagnosticPrinter.line(for: tooLarge, catalogue: dutch).hasPrefix("fout: kan standaardinvoer niet lezen: "),
                      DiagnosticPrinter.line(for: tooLarge, catalogue: dutch))
        // A file named like it is still its own name.
        let named = FileError(.read, "./-", .isFolder).diagnostic(at: SourceLocation(file: "./-"))
        XCTAssertEqual(DiagnosticPrinter.line(for: named, catalogue: dutch), "./-: fout: kan ./- niet lezen: het is een map, geen bestand")
        // The marker is no path: a file `-` looked for (`swan archive -`) or `- (x).json` is not standard input.
        XCTAssertEqual(DiagnosticPrinter.line(for: FileError(.read, "-", .system(ENOENT)).diagnostic(), catalogue: dutch),
                       "fout: kan - niet lezen: bestand of map bestaat niet")
        let lookalike = Diagnostic.error(CommonCode.unexpected, ["message": "x"], at: SourceLocation(file: "- (x).json", line: 1))
        XCTAssertEqual(DiagnosticPrinter.line(for: lookalike, catalogue: dutch), "- (x).json:1: fout: x")
        // Standard output, for a failed write of `-o -`, the same.
        let full = FileError(.write, StandardOutput.name, .system(ENOSPC)).diagnostic()
        XCTAssertEqual(DiagnosticPrinter.line(for: full, catalogue: dutch), "fout: kan standaarduitvoer niet schrijven: de schijf is vol")
        XCTAssertEqual(DiagnosticPrinter.line(for: full, catalogue: english), "error: cannot write standard output: the disk is full")
    }

    /// Runs `body` with `data` as this process's standard input (a pipe), then puts the real one back.
    private static func withStandardInput<T>(_ data: Data, _ body: () throws -> T) throws -> T {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw FileError.system(.read, "pipe") }
        let written = data.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        XCTAssertEqual(written, data.count, "the session fits the pipe's buffer")
        let saved = dup(STDIN_FILENO)
        dup2(ends[0], STDIN_FILENO)
        close(ends[0])
        defer { dup2(saved, STDIN_FILENO); close(saved) }
        return try body()
    }
}
