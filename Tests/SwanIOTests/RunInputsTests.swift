import Foundation
@testable import SwanIO
import XCTest

/// A long process (`swan watch`, the test runner) reads files that are later deleted; the
/// system gives their inode numbers to new files. A new input with a reused number is an input.
final class RunInputsTests: XCTestCase {
    func testAFileWithAReusedInodeNumberIsRecordedUnderItsOwnPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swan-run-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("session.json")
        try Data("{}".utf8).write(to: input)
        let identity = try XCTUnwrap(FileIdentity(input.path))
        let runInputs = RunInputs()
        // What an earlier, since deleted file under another path left behind with the same number.
        runInputs.record(identity, readAs: folder.appendingPathComponent("deleted.json").path)
        runInputs.record(input)
        XCTAssertEqual(runInputs.readAs(identity), input.relativePath)
    }
}
