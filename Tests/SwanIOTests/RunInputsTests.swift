import Foundation
import XCTest
@testable import SwanIO

/// The run's inputs by device and inode: a file is an input however its path is spelled, and a
/// deleted input's inode number, given to a new file, does not hide the new file when it is read.
final class RunInputsTests: XCTestCase {
    func testAnInputWhoseInodeWasReusedIsStillKnown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swan-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("session.json")
        try Data("{}".utf8).write(to: file)
        let identity = try XCTUnwrap(FileIdentity(file.path))
        let inputs = RunInputs()
        // An earlier input, since deleted, that had the same inode number.
        inputs.record(identity, readAs: folder.appendingPathComponent("deleted.json").path)
        inputs.record(file.path)
        XCTAssertEqual(inputs.readAs(identity), file.path)
        // Another path to the same file keeps the first name it was read under.
        inputs.record(folder.appendingPathComponent("./session.json").path)
        XCTAssertEqual(inputs.readAs(identity), file.path)
    }
}
