import Foundation
import XCTest

/// The layers of docs/architecture.md, kept by the imports each module's sources make: a module
/// may use only the layers below it (the session layer knows no deck; the engine knows neither).
final class LayerImportTests: XCTestCase {
    /// Module -> the Swift modules it may import (system C modules of the engine included).
    private let allowed: [String: Set<String>] = [
        "SwanDiagnostics": ["Foundation"],
        "SwanIO": ["Foundation", "SwanDiagnostics"],
        "SwanDeck": ["Foundation", "SwanDiagnostics", "SwanIO", "Yams", "CCmark"],
        "SwanSession": ["Foundation", "SwanDiagnostics", "SwanIO"],
        "SwanEngine": ["Foundation", "SwanDiagnostics", "SwanIO", "CCairo", "CDeflate", "CFreeType", "CHarfBuzz",
                       "CHarfBuzzSubset", "CHyphen", "CQPDF", "CSwanPDF", "CFontconfig", "CFriBidi", "CUnibreak", "CLCMS", "PNGEncoder"],
        "SwanDocuments": ["Foundation", "SwanDiagnostics", "SwanIO", "SwanDeck", "SwanSession", "SwanEngine"],
        "SwanApp": ["Foundation", "Dispatch", "SwanDiagnostics", "SwanIO", "SwanDeck", "SwanSession", "SwanEngine", "SwanDocuments", "Crypto"],
    ]

    /// Documents only lay out: what touches the process, the environment or the file system
    /// beyond reading the deck's own files belongs to the application layer (SwanApp).
    private let applicationWork = ["ProcessInfo", "CommandLine", "currentDirectoryPath", "AtomicFile", "DispatchQueue",
                                   "FileManager.default.enumerator"]

    func testDocumentsAndDeckDoNoApplicationWork() throws {
        for module in ["SwanDocuments", "SwanDeck"] {
            let folder = sources.appendingPathComponent(module)
            let files = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            for file in files {
                let code = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                    .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
                for word in applicationWork where code.contains(word) {
                    XCTFail("\(module)/\(file.lastPathComponent) uses \(word): that is the application layer's work (SwanApp)")
                }
            }
        }
    }

    private var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    private func imports(of module: String) throws -> [(file: String, module: String)] {
        let folder = sources.appendingPathComponent(module)
        let files = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertFalse(files.isEmpty, "\(module) has sources")
        let pattern = try NSRegularExpression(pattern: #"^\s*(?:@\w+\s+|internal\s+|public\s+|private\s+|package\s+)*import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z_][A-Za-z0-9_]*)"#,
                                              options: .anchorsMatchLines)
        return try files.flatMap { file -> [(String, String)] in
            let text = try String(contentsOf: file, encoding: .utf8)
            return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                (file.lastPathComponent, String(text[Range($0.range(at: 1), in: text)!]))
            }
        }
    }

    func testEachLayerImportsOnlyTheLayersBelowIt() throws {
        for (module, permitted) in allowed.sorted(by: { $0.key < $1.key }) {
            let found = try imports(of: module)
            XCTAssertFalse(found.isEmpty, "\(module): imports are read")
            for (file, imported) in found where !permitted.contains(imported) {
                XCTFail("\(module)/\(file) imports \(imported), which docs/architecture.md does not allow that layer")
            }
        }
    }

    /// The check itself notices a forbidden import (so the test above could fail).
    func testTheSessionLayerDoesNotKnowTheDeck() throws {
        XCTAssertFalse(try imports(of: "SwanSession").contains { $0.module == "SwanDeck" })
        XCTAssertTrue(try imports(of: "SwanDocuments").contains { $0.module == "SwanDeck" }, "the reader finds real imports")
    }
}
