import Foundation
import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanSession

/// docs/session.md shows real files and real output: keep it so.
final class DocumentationTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    private func codeBlocks() throws -> [(language: String, text: String)] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/session.md"), encoding: .utf8)
        var blocks: [(String, String)] = []
        var current: (language: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let open = current {
                    blocks.append((open.language, open.lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        return blocks
    }

    func testExamplesInTheDocumentationAreTheTemplateFiles() throws {
        let json = try codeBlocks().filter { $0.language == "json" }.map(\.text)
        XCTAssertEqual(json.count, 3)
        XCTAssertEqual(json[0], try String(contentsOf: exampleURL("voorbeeld-uitgebreid.json"), encoding: .utf8))
        XCTAssertEqual(json[1], try String(contentsOf: exampleURL("voorbeeld-minimaal.json"), encoding: .utf8))
    }

    func testErrorOutputInTheDocumentationIsWhatTheDecoderSays() throws {
        let blocks = try codeBlocks()
        let bad = try XCTUnwrap(blocks.filter { $0.language == "json" }.last?.text)
        let shown = try XCTUnwrap(blocks.first { $0.language == "text" }?.text)
        do {
            _ = try SessionDecoder.decode(Data(bad.utf8), source: "sessie.json", vocabulary: vocabulary)
            XCTFail("the documented bad file decodes")
        } catch let failure as DiagnosticError {
            XCTAssertEqual(failure.description + "\n", shown)
        }
    }
}
