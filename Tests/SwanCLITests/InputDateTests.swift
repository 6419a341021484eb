import Foundation
import XCTest

/// Without SOURCE_DATE_EPOCH the PDF's date is the newest modification time of its inputs (the
/// deck's files, the session file), not 1 January 1970 and not the clock: still reproducible.
final class InputDateTests: XCTestCase {
    private let unpinned = ["SOURCE_DATE_EPOCH": ""]

    private func setModified(_ url: URL, _ seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: url.path)
    }

    private func creationDate(_ pdf: URL) throws -> String {
        let pdfinfo = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        guard FileManager.default.isExecutableFile(atPath: pdfinfo.path) else { throw XCTSkip("pdfinfo missing") }
        let info = try CLI.run(program: pdfinfo, ["-isodates", pdf.path], environment: ["TZ": "UTC"]).stdout
        return info.split(separator: "\n").first { $0.hasPrefix("CreationDate:") }.map { String($0.dropFirst(13)).trimmingCharacters(in: .whitespaces) } ?? info
    }

    /// A deck copy whose files are all from 2024-05-06, but for one changed on 2025-01-02 10:00 UTC.
    private func datedDeck() throws -> URL {
        let deck = try CLI.deckCopy()
        for path in FileManager.default.enumerator(atPath: deck.path)?.allObjects as? [String] ?? [] {
            try setModified(deck.appendingPathComponent(path), 1_714_996_800)
        }
        try setModified(deck.appendingPathComponent("labels.yaml"), 1_735_812_000)
        return deck
    }

    func testTheDateIsTheNewestDeckFileAndTheOutputIsReproducible() throws {
        let deck = try datedDeck()
        let folder = CLI.temporaryDirectory()
        let first = folder.appendingPathComponent("a.pdf"), second = folder.appendingPathComponent("b.pdf")
        for output in [first, second] {
            let result = try CLI.run(["checklist", "--templates", deck.path, "-o", output.path], environment: unpinned)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try creationDate(first), "2025-01-02T10:00:00Z")
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second), "same inputs, same bytes")
    }

    func testAFilledFormTakesTheSessionFilesDateWhenNewer() throws {
        let deck = try datedDeck()
        let folder = CLI.temporaryDirectory()
        let session = folder.appendingPathComponent("s.json")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json"), to: session)
        try setModified(session, 1_741_942_800) // 2025-03-14 09:00 UTC
        let output = folder.appendingPathComponent("ingevuld.pdf")
        let result = try CLI.run(["invulblad", session.path, "--templates", deck.path, "-o", output.path], environment: unpinned)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try creationDate(output), "2025-03-14T09:00:00Z")
    }

    func testSourceDateEpochStillWins() throws {
        let deck = try datedDeck()
        let output = CLI.temporaryDirectory().appendingPathComponent("c.pdf")
        let result = try CLI.run(["checklist", "--templates", deck.path, "-o", output.path], environment: ["SOURCE_DATE_EPOCH": "86400"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try creationDate(output), "1970-01-02T00:00:00Z")
    }
}
