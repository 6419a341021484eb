import Foundation
import XCTest
@testable import SwanDiagnostics

/// The catalogue's index answers every code as the whole-file parse does: the last definition,
/// trimmed, comments and lines without '=' skipped, indents of any kind of space.
final class CatalogueIndexTests: XCTestCase {
    func testEveryCodeIsWhatTheParseGives() {
        let text = "# comment = not a code\n\na.b = one = two\n a.c=x \n\ta.d\t=\ttabbed\t\n"
            + "\u{00A0}a.e = after a no-break space\na.f\u{2003}= before an em space\n= no code\n"
            + "only words\na.b = again\n  # a.g = commented\nä.h = ümlaut\n"
        let index = CatalogueIndex(text)
        let parsed = Catalogue.parse(text).entries
        XCTAssertEqual(parsed["a.b"], "again")
        for (code, value) in parsed { XCTAssertEqual(index.template(code), value, code) }
        for absent in ["a.g", "# comment", "only words", "a", "a.b ", "a.x"] { XCTAssertNil(index.template(absent), absent) }
    }

    func testTheShippedCataloguesAnswerAsTheirParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Messages")
        for language in [Language.english, .dutch] {
            let text = try String(contentsOf: folder.appendingPathComponent("\(language.rawValue).txt"), encoding: .utf8)
            let parsed = Catalogue.parse(text).entries
            XCTAssertGreaterThan(parsed.count, 100)
            let index = CatalogueIndex(text)
            for (code, value) in parsed { XCTAssertEqual(index.template(code), value, code) }
        }
    }
}
