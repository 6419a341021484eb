import Foundation
import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanSession

/// The vocabulary the tests validate against: the ids of the printed SWAN set.
let vocabulary = SessionVocabulary.standard

/// The package root, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func exampleURL(_ name: String) -> URL {
    packageRoot.appendingPathComponent("Templates/sessions/\(name)")
}

/// A valid session with only the required keys; `extra` is spliced in as further members.
func minimalJSON(_ extra: String = "") -> String {
    """
    {
      "version": 1,
      "datum": "2025-03-14",
      "inbrenger": "Zoë de Vries",
      "omschrijving": "Een praktijksituatie."\(extra.isEmpty ? "" : ",\n  " + extra)
    }
    """
}

/// Decodes `json` expecting failure and returns the errors; fails the test if it decodes.
func errors(of json: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    errors(of: Data(json.utf8), file: file, line: line)
}

func errors(of data: Data, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    do {
        let session = try SessionDecoder.decode(data, source: "test.json", vocabulary: vocabulary)
        XCTFail("expected errors, decoded \(session)", file: file, line: line)
        return []
    } catch let failure as DiagnosticError {
        return failure.diagnostics
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: line)
        return []
    }
}

/// Asserts there is exactly one error and returns it.
func singleError(of json: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    let found = errors(of: json, file: file, line: line)
    XCTAssertEqual(found.count, 1, "errors: \(found.map(\.englishLine))", file: file, line: line)
    return found.first
}

func decode(_ json: String) throws -> Session {
    try SessionDecoder.decode(Data(json.utf8), source: "test.json", vocabulary: vocabulary)
}
