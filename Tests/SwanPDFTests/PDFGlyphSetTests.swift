import XCTest
@testable import SwanPDF

/// The content streams' glyph bitmap must answer as a Set of the same ids would: the subset a
/// document gets (the run's repertoire or one with its extra glyphs) is chosen from it.
final class PDFGlyphSetTests: XCTestCase {
    func testTheBitmapAnswersAsASet() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let a = Set((0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt32.random(in: 0..<4_000, using: &generator) })
            let b = Set((0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt32.random(in: 0..<4_000, using: &generator) })
            var bitmap = PDFGlyphSet(capacity: 1_000)
            for glyph in a { bitmap.insert(glyph) }
            let other = PDFGlyphSet(b)
            XCTAssertEqual(bitmap.sorted, a.sorted())
            XCTAssertEqual(bitmap.union(other).sorted, a.union(b).sorted())
            XCTAssertEqual(bitmap.subtracting(other).sorted, a.subtracting(b).sorted())
            XCTAssertEqual(bitmap.isSubset(of: other), a.isSubset(of: b))
            XCTAssertTrue(bitmap.isSubset(of: bitmap.union(other)))
            XCTAssertEqual(bitmap.isEmpty, a.isEmpty)
            for glyph in a.prefix(20) { XCTAssertTrue(bitmap.contains(glyph)) }
            XCTAssertEqual(bitmap == PDFGlyphSet(a), true)
        }
        XCTAssertFalse(PDFGlyphSet([70_000]).isSubset(of: PDFGlyphSet([1, 2, 3])))
        XCTAssertEqual(PDFGlyphSet([65_535, 0, 64, 63]).sorted, [0, 63, 64, 65_535])
    }
}
