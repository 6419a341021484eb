import XCTest
@testable import SwanDeck

/// Templates/README.md lists every key of labels.yaml, with the {names} the program fills in.
final class LabelsDocumentationTests: XCTestCase {
    func testTheLabelsTableListsEveryKeyAndItsPlaceholders() throws {
        let readme = try String(contentsOf: TestDeck.shipped.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        var documented: [String: Set<String>] = [:]
        // The Dutch part's table: from "## Labels" to the next section.
        let section = readme.components(separatedBy: "\n## Labels\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        XCTAssertFalse(section.isEmpty, "no '## Labels' section")
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, cells[0].hasPrefix("`"), cells[0].contains(".") else { continue }
            let key = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let names = cells[2] == "—" ? [] : cells[2].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " {}")) }
            documented[key] = Set(names)
        }
        let labels = try DeckLoader.load(from: TestDeck.shipped).labels
        XCTAssertEqual(Set(documented.keys), Set(labels.entries.keys), "keys in the README's labels table")
        for (key, text) in labels.entries {
            XCTAssertEqual(documented[key], Labels.placeholders(in: text), "placeholders of '\(key)'")
        }
    }
}
