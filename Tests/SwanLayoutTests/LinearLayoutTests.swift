import SwanTestSupport
import XCTest
@testable import SwanLayout

/// A paragraph without break opportunities (a pasted URL, a long "word") is broken between
/// clusters; its cost grows with its length, not with its square. Before, 20 KB took 1 s,
/// 200 KB 43 s and a 2 MB field (the session limit) more than an hour. Before the fix the
/// ratios measured here were 3.6 (URL) and 3.9 (word); now they are about 2.
final class LinearLayoutTests: XCTestCase {
    let typesetter = TestEngine.shared.typesetter

    private func layout(_ text: String, _ alignment: Alignment) -> TextLayout {
        typesetter.layout([TextBlock(text, style: TextStyle(size: 10, leading: 13, alignment: alignment))], width: mm(150))
    }

    private func assertLinear(_ alignment: Alignment, _ text: (Int) -> String, file: StaticString = #filePath, line: UInt = #line) {
        let growth = Growth.doublingRatio(size: 2_000) { size in _ = layout(text(size), alignment) }
        XCTAssertLessThan(growth.ratio, 3, "twice the text cost \(growth.ratio) times as much (\(growth.small) s, \(growth.large) s)",
                          file: file, line: line)
    }

    func testURLWithoutBreaksIsLaidOutInLinearTime() {
        assertLinear(.left) { "https://example.org/" + String(repeating: "a0", count: $0 / 2) }
    }

    /// A word of letters goes through the hyphenator (libhyphen) and the justified passes too.
    func testLongWordIsLaidOutInLinearTimeJustified() {
        assertLinear(.justify) { String(repeating: "kaasboerderij", count: $0 / 13) }
    }

    /// The emergency breaks keep every line within the measure and every character on the page.
    func testLongWordBreaksWithinTheMeasureAndKeepsItsText() {
        let text = "https://example.org/" + String(repeating: "a0", count: 2_000)
        let set = layout(text, .left)
        XCTAssertGreaterThan(set.lines.count, 10)
        for line in set.lines { XCTAssertLessThanOrEqual(line.width, mm(150) + 0.01) }
        XCTAssertEqual(set.lines.map(\.text).joined(), text)
    }
}
