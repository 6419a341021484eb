import Foundation
import SwanApp
import SwanDiagnostics
@testable import SwanDocuments
import SwanLayout
import XCTest

/// The previews are encoded on all cores; every picture that cannot be encoded is reported, in
/// the pictures' order, not only the first to fail.
final class PreviewErrorsTests: XCTestCase {
    func testEveryPictureThatCannotBeEncodedIsReported() throws {
        let page = Page(size: Size(width: 100, height: 100))
        // 40000 and 50000 pixels across: more than cairo's image surfaces allow (32767).
        let pictures = [CardPreviews.Picture(name: "a.png", page: page, dpi: 72 * 400),
                        CardPreviews.Picture(name: "b.png", page: page, dpi: 72),
                        CardPreviews.Picture(name: "c.png", page: page, dpi: 72 * 500)]
        XCTAssertThrowsError(try PreviewFolder.encoded(pictures)) { error in
            let diagnostics = Diagnostic.all(from: error)
            XCTAssertEqual(diagnostics.map(\.message.code), [EngineCode.cairoNoImage.rawValue, EngineCode.cairoNoImage.rawValue])
            XCTAssertEqual(diagnostics.map { $0.message.arguments["width"] }, [.text("40000"), .text("50000")])
        }
    }
}
