import XCTest
@testable import SwanDiagnostics

/// The one printed form of a diagnostic, in English and Dutch.
final class PrinterTests: XCTestCase {
    private enum TestCode: String, DiagnosticCode {
        case unknownKey = "test.unknown-key"
        case found = "test.found"
        case kindList = "test.kind-list"
    }

    private let english = Catalogue(language: .english, entries: [
        "severity.error": "error", "severity.warning": "warning",
        "test.unknown-key": "unknown key '{key}'", "test.found": "expected a string, found {kind}",
        "test.kind-list": "a list", "hint.did-you-mean": "did you mean '{candidate}'?",
    ])
    private let dutch = Catalogue(language: .dutch, entries: [
        "severity.error": "fout", "test.unknown-key": "onbekende sleutel '{key}'",
    ], fallback: ["test.found": "expected a string, found {kind}", "test.kind-list": "a list"])

    func testLineHasLocationSeverityMessageAndHints() {
        let diagnostic = Diagnostic.error(TestCode.unknownKey, ["key": "titel"],
                                          at: SourceLocation(file: "cards/ronde-1.yaml", line: 12, column: 5),
                                          hints: [Message(CommonCode.didYouMean, ["candidate": "title"])])
        XCTAssertEqual(DiagnosticPrinter.line(for: diagnostic, catalogue: english),
                       "cards/ronde-1.yaml:12:5: error: unknown key 'titel'; did you mean 'title'?")
        XCTAssertEqual(diagnostic.code, "test.unknown-key")
    }

    func testJSONPathFollowsTheLineAndColumn() {
        let diagnostic = Diagnostic.error(TestCode.found, ["kind": .message(TestCode.kindList)],
                                          at: SourceLocation(file: "s.json", line: 3, column: 12, jsonPath: "$.datum"))
        XCTAssertEqual(DiagnosticPrinter.line(for: diagnostic, catalogue: english),
                       "s.json:3:12: $.datum: error: expected a string, found a list")
    }

    func testWithoutLocationOnlySeverityAndMessage() {
        let diagnostic = Diagnostic.warning(TestCode.unknownKey, ["key": "x"])
        XCTAssertEqual(DiagnosticPrinter.line(for: diagnostic, catalogue: english), "warning: unknown key 'x'")
        XCTAssertEqual(DiagnosticPrinter.line(for: Diagnostic.error(TestCode.unknownKey, ["key": "x"], at: SourceLocation(file: "a.yaml")),
                                              catalogue: english), "a.yaml: error: unknown key 'x'")
    }

    func testDutchWordsSeverityAndFallsBackToEnglishPerCode() {
        let missing = Diagnostic.error(TestCode.unknownKey, ["key": "titel"])
        XCTAssertEqual(DiagnosticPrinter.line(for: missing, catalogue: dutch), "fout: onbekende sleutel 'titel'")
        let untranslated = Diagnostic.error(TestCode.found, ["kind": .message(TestCode.kindList)])
        XCTAssertEqual(DiagnosticPrinter.line(for: untranslated, catalogue: dutch), "fout: expected a string, found a list")
    }

    func testUnknownCodeStillSaysEverything() {
        let empty = Catalogue(language: .english, entries: [:])
        let line = DiagnosticPrinter.line(for: .error(TestCode.unknownKey, ["key": "titel"]), catalogue: empty)
        XCTAssertEqual(line, "error: test.unknown-key key=titel")
    }

    func testPlaceholdersAndBraces() {
        XCTAssertEqual(Catalogue.fill("uses '{{{name}}}' in {file}") { ["name": "total", "file": "labels.yaml"][$0] },
                       "uses '{total}' in labels.yaml")
        XCTAssertEqual(Catalogue.fill("left {unknown} as is") { _ in nil }, "left {unknown} as is")
        XCTAssertEqual(Catalogue.placeholders(in: "'{{{name}}}' {a} {b} {a}"), ["name", "a", "b"])
    }

    func testParseSkipsCommentsAndFindsDuplicates() {
        let parsed = Catalogue.parse("# comment\n\na.b = one = two\n a.c=x \na.b = again\n")
        XCTAssertEqual(parsed.entries, ["a.b": "again", "a.c": "x"])
        XCTAssertEqual(parsed.duplicates, ["a.b"])
    }

    func testLanguageFollowsLCAllThenLCMessagesThenLang() {
        XCTAssertEqual(Language.of(environment: ["LANG": "nl_NL.UTF-8"]), .dutch)
        XCTAssertEqual(Language.of(environment: ["LANG": "nl_BE@euro"]), .dutch)
        XCTAssertEqual(Language.of(environment: ["LANG": "nl"]), .dutch)
        XCTAssertEqual(Language.of(environment: ["LANG": "en_GB.UTF-8"]), .english)
        XCTAssertEqual(Language.of(environment: [:]), .english)
        XCTAssertEqual(Language.of(environment: ["LANG": "C.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8"]), .dutch)
        XCTAssertEqual(Language.of(environment: ["LANG": "nl_NL.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]), .english)
        XCTAssertEqual(Language.of(environment: ["LC_ALL": "nl_NL.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]), .dutch)
        XCTAssertEqual(Language.of(environment: ["LC_ALL": "", "LANG": "nl_NL.UTF-8"]), .dutch)
        XCTAssertEqual(Language.of(environment: ["LANG": "nds_DE.UTF-8"]), .english, "Low German is not Dutch")
    }
}
