import Foundation
import XCTest
@testable import SwanDeck

/// The deck's wording lives in Templates/, never in Swift string literals: every literal of
/// Sources/ is read with SwiftSyntax and compared with the wording of Templates/ itself (no
/// hand-kept list of phrases to fall behind).
final class NoDeckWordingInSourcesTests: XCTestCase {
    static let scanner: WordingScanner = {
        let root = TestDeck.packageRoot
        let wording = try! DeckWording(templates: root.appendingPathComponent("Templates"),
                                       schema: root.appendingPathComponent("docs/session.schema.json"))
        return WordingScanner(wording: wording)
    }()

    /// Files that invent Dutch text on purpose and are never printed by `swan`, each with why.
    static let generators = [
        "SwanBench/DeckGenerator.swift": "the benchmark's large made-up deck",
        "SwanSession/SessionGenerator.swift": "made-up sessions for tests, fuzzing and benchmarks",
    ]

    func testNoSwiftSourceContainsDeckWording() throws {
        let sources = TestDeck.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && Self.generators[$0] == nil }.sorted()
        XCTAssertGreaterThan(files.count, 5, "the scan must see the sources")
        for generator in Self.generators.keys {
            XCTAssertTrue(FileManager.default.fileExists(atPath: sources.appendingPathComponent(generator).path),
                          "\(generator) is gone: remove it from the generators")
        }
        // Parsing is the slow part: both cores.
        let texts = try files.map { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8) }
        let found = Found(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            found.set(index, Self.scanner.hits(in: texts[index], file: "Sources/\(files[index])"))
        }
        XCTAssertEqual(found.all.map(\.description), [], "move these texts to Templates/ (labels.yaml or the deck files)")
    }

    func testTheWordingIsReadFromTemplates() {
        let wording = Self.scanner.wording
        XCTAssertGreaterThan(wording.pairs.count, 1000, "pairs of neighbouring words from every deck text")
        XCTAssertGreaterThan(wording.words.count, 500)
        XCTAssertTrue(wording.names.contains("inbrenger"), "the session format's keys")
        XCTAssertTrue(wording.names.contains("card.examples"), "the label keys")
    }

    /// Planted Dutch strings of every kind the old line scanner missed, each caught; and what
    /// Swift code may rightly hold (keys, ids, paths, English messages), not.
    func testPlantedWordingIsCaught() throws {
        let wording = Self.scanner.wording
        // The plants are deck texts taken from Templates/ at run time, so this file holds none.
        let deck = try DeckLoader.load(from: TestDeck.shipped)
        let question = try XCTUnwrap(deck.cards.compactMap(\.front.question).first { $0.split(separator: " ").count >= 4 })
        let task = try XCTUnwrap(deck.checklist.roles.last?.tasks.first)
        let role = try XCTUnwrap(deck.checklist.roles.first?.name)          // one word, capitalised: not the key
        let label = try XCTUnwrap(deck.labels["card.examples"])
        let page = try XCTUnwrap(deck.labels["page.number"])
        XCTAssertFalse(role.contains(" "))
        let plants: [(name: String, source: String)] = [
            ("triple-quoted", "let a = \"\"\"\n    intro\n    \(question)\n    \"\"\"\n"),
            ("single word", "let b = \"\(role)\"\n"),
            ("phrase on no list", "let c = \"\(task)\"\n"),
            ("raw string", "let d = #\"\(label)\"#\n"),
            ("interpolated", "let e = \"\(page.replacingOccurrences(of: "{page}", with: "\\(n)").replacingOccurrences(of: "{pages}", with: "\\(m)"))\"\n"),
            ("escaped quote", "let f = \"\\\"\(question)\\\"\"\n"),
            ("inside an interpolation", "let g = \"x \\(flag ? \"\(task)\" : \"\")\"\n"),
        ]
        for plant in plants {
            let hits = Self.scanner.hits(in: plant.source, file: plant.name)
            XCTAssertFalse(hits.isEmpty, "\(plant.name) not caught: \(plant.source)")
        }
        let allowed = """
        let keys = ["inbrenger", "gespreksleider", "ronde3.hulpvragen[]", "sociale-cohesie", "card.examples"]
        let path = "layout/cards.yaml"
        let message = "missing required field '\\(key)' in '\\(path)'"
        let english = \"\"\"
            Renders the deck into Output/.
            \"\"\"
        """
        XCTAssertEqual(Self.scanner.hits(in: allowed, file: "allowed").map(\.description), [])
        XCTAssertTrue(wording.names.contains("gespreksleider"))
    }
}

/// Hits per file, set from several threads (guarded by its lock).
private final class Found: @unchecked Sendable {
    private var hits: [[WordingScanner.Hit]]
    private let lock = NSLock()
    init(count: Int) { hits = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [WordingScanner.Hit]) { lock.lock(); hits[index] = value; lock.unlock() }
    var all: [WordingScanner.Hit] { lock.lock(); defer { lock.unlock() }; return hits.flatMap { $0 } }
}
