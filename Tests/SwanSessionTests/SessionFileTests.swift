import Foundation
import SwanDiagnostics
import SwanIO
import SwanTestSupport
import XCTest
@testable import SwanSession

final class SessionFileTests: XCTestCase {
    func testWrittenFilesAreOwnerOnlyAndReadBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swan-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bespreking-2025-03-14.json")
        let session = SessionGenerator.make(seed: 11)
        // As swan writes a session file: the safe write path with the session file's mode.
        try AtomicFile.write(session.encodeJSON(), to: url, permissions: SessionFile.permissions)
        try AtomicFile.write(session.encodeJSON(), to: url, permissions: SessionFile.permissions) // replacing keeps the mode too
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try SessionFile.read(url, vocabulary: vocabulary), session)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(leftovers, ["bespreking-2025-03-14.json"], "no temporary files left behind")
    }

    /// As it was given (here a full path), not by its last component: two folders may hold the same name.
    func testErrorsNameTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swan-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("kapot.json")
        try Data("{}".utf8).write(to: url)
        XCTAssertThrowsError(try SessionFile.read(url, vocabulary: vocabulary)) { error in
            XCTAssertTrue((error as? DiagnosticError)?.diagnostics.first?.englishLine.hasPrefix(url.path + ":1:1: $: error: missing required key 'version'") == true,
                          "\(error)")
        }
    }
}
