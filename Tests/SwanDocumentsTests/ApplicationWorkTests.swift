import Foundation
import XCTest

/// The layers of docs/architecture.md are kept by the target graph (Package.swift): SwanDocuments
/// depends on SwanLayout only, so the compiler refuses a document that exports, draws or reads a
/// PDF. What the graph cannot say is kept here: documents and the deck reach no further than
/// Foundation lets every module reach (the process, the environment, writing files, threads).
final class ApplicationWorkTests: XCTestCase {
    /// What touches the process, the environment or the file system beyond reading the deck's
    /// own files belongs to the application layer (SwanApp).
    private let applicationWork = ["ProcessInfo", "CommandLine", "currentDirectoryPath", "AtomicFile", "DispatchQueue",
                                   "FileManager.default.enumerator"]

    func testDocumentsAndDeckDoNoApplicationWork() throws {
        for module in ["SwanDocuments", "SwanDeck"] {
            for (file, word) in try applicationWork(in: module) {
                XCTFail("\(module)/\(file) uses \(word): that is the application layer's work (SwanApp)")
            }
        }
    }

    /// The scan itself notices such work (so the test above could fail).
    func testTheScanFindsTheApplicationLayersWork() throws {
        XCTAssertFalse(try applicationWork(in: "SwanApp").isEmpty)
    }

    private func applicationWork(in module: String) throws -> [(file: String, word: String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources").appendingPathComponent(module)
        let files = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertFalse(files.isEmpty, "\(module) has sources")
        return try files.flatMap { file in
            let code = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            return applicationWork.filter { code.contains($0) }.map { (file.lastPathComponent, $0) }
        }
    }
}
