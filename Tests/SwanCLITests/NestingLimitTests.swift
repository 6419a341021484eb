import Foundation
import XCTest

/// Input that nests as deep as it is long (emphasis in the handleiding, YAML in a deck file,
/// JSON in a session) gets a located error, never a crash: no walk of such a tree recurses
/// per level (docs/reliability.md).
final class NestingLimitTests: XCTestCase {
    /// 40,000 levels of emphasis (`*a _*a _…x_ a*_ a*`, 160 KB) crashed every command with
    /// SIGSEGV: the walk of libcmark's tree recursed per level. Now libcmark's iterator walks
    /// it, and nesting past the limit is an error at its place: line 5, the 65th opener.
    func testDeeplyNestedEmphasisInTheHandleidingIsALocatedError() throws {
        let deck = try CLI.deckCopy()
        let nested = String(repeating: "*a _", count: 20_000) + "x" + String(repeating: "_ a*", count: 20_000)
        try ("# Titel\n\nGewone tekst met *nadruk*.\n\nEn dan " + nested + "\n")
            .write(to: deck.appendingPathComponent("handleiding.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", deck.path])
        XCTAssertEqual(result.terminationReason, .exit, "ended by signal \(result.status)")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertNotNil(result.stderr.range(of: #"handleiding\.md:5:136: error: emphasis and links nest more than 64 levels"#,
                                            options: .regularExpression), result.stderr)
    }

    /// Nesting up to the limit is read as before: bold inside italic inside bold.
    func testModestNestingStillReads() throws {
        let deck = try CLI.deckCopy()
        try "# Titel\n\nTekst met **vet _schuin **en vet** erin_ en** verder.\n"
            .write(to: deck.appendingPathComponent("handleiding.md"), atomically: true, encoding: .utf8)
        let output = CLI.temporaryDirectory().appendingPathComponent("h.pdf")
        let result = try CLI.run(["handleiding", "--templates", deck.path, "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// libyaml (inside Yams) stops at 1,000 levels with a located error, before Yams' own
    /// composer (which recurses) could go deeper: flow and block nesting alike.
    func testDeeplyNestedYAMLIsALocatedError() throws {
        for nested in [" " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
                       "\n" + (1..<1_500).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x"] {
            let deck = try CLI.deckCopy()
            try ("extra:" + nested + "\n").write(to: deck.appendingPathComponent("labels.yaml"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["check", deck.path])
            XCTAssertEqual(result.terminationReason, .exit, "ended by signal \(result.status)")
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertNotNil(result.stderr.range(of: #"labels\.yaml:\d+:\d+: error: .*[Mm]aximum nesting level"#, options: .regularExpression),
                            result.stderr)
        }
    }

    /// A session nested 100,000 deep stops at 64 levels with its JSON place.
    func testDeeplyNestedSessionIsALocatedError() throws {
        let file = CLI.temporaryDirectory().appendingPathComponent("diep.json")
        try ("{\"omschrijving\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", file.path])
        XCTAssertEqual(result.terminationReason, .exit, "ended by signal \(result.status)")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("nesting deeper than 64 levels"), result.stderr)
    }
}
