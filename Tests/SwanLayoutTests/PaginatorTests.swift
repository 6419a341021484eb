import XCTest
@testable import SwanLayout

/// The rules of good page breaking, checked on synthetic lines of 10 pt.
final class PaginatorTests: XCTestCase {
    /// Lines for blocks of the given sizes; `headings` are the indexes of heading blocks.
    private func lines(_ blocks: [Int], headings: Set<Int> = [], anchors: [Int: String] = [:]) -> [LineBox] {
        var result: [LineBox] = []
        var lineIndex = 0
        for (block, count) in blocks.enumerated() {
            for line in 0..<count {
                result.append(LineBox(runs: [], width: 10, height: 10, baseline: 8, spaceBefore: 0, spaceAfter: 0,
                                      blockIndex: block, lineInBlock: line, linesInBlock: count,
                                      keepWithNext: headings.contains(block), outlineTitle: nil, outlineLevel: 1,
                                      anchors: anchors[lineIndex].map { [$0] } ?? [], endsWithHyphen: false))
                lineIndex += 1
            }
        }
        return result
    }

    private func shape(_ frames: [[PlacedLine]]) -> [[String]] {
        frames.map { $0.map { "\($0.line.blockIndex).\($0.line.lineInBlock)" } }
    }

    func testNoWidowAtTheTopOfAPage() {
        // A frame holds 5 lines; block 1 has 4 lines, so a plain break would leave its last line alone.
        let frames = Paginator().paginate(lines([2, 4]), frameHeight: { _ in 50 })
        XCTAssertEqual(frames.map(\.count), [4, 2])
        XCTAssertEqual(shape(frames)[1], ["1.2", "1.3"])
    }

    func testNoOrphanAtTheBottomOfAPage() {
        // Block 1 would start with one line at the bottom: the whole paragraph moves.
        let frames = Paginator().paginate(lines([4, 3]), frameHeight: { _ in 50 })
        XCTAssertEqual(shape(frames)[0], ["0.0", "0.1", "0.2", "0.3"])
        XCTAssertEqual(shape(frames)[1].first, "1.0")
    }

    func testHeadingIsNeverLastOnAPage() {
        let frames = Paginator().paginate(lines([4, 1, 3], headings: [1]), frameHeight: { _ in 50 })
        XCTAssertEqual(shape(frames)[0], ["0.0", "0.1", "0.2", "0.3"])
        XCTAssertEqual(shape(frames)[1].first, "1.0", "the heading moves with its paragraph")
    }

    func testFootnoteSpaceIsReservedOnThePageOfItsReference() {
        // Line 2 carries a reference whose note takes 20 pt: only 3 lines fit on page 1.
        let frames = Paginator(anchorHeights: ["n1": 20]).paginate(lines([8], anchors: [2: "n1"]), frameHeight: { _ in 50 })
        XCTAssertEqual(frames[0].count, 3)
        XCTAssertTrue(frames[0].contains { $0.line.anchors == ["n1"] })
    }

    func testEveryLineIsPlacedOnceInOrder() {
        let all = lines([3, 1, 7, 2, 1, 5, 9], headings: [1, 4])
        let frames = Paginator().paginate(all, frameHeight: { $0 == 0 ? 40 : 60 })
        let placed = frames.flatMap { $0 }.map { "\($0.line.blockIndex).\($0.line.lineInBlock)" }
        XCTAssertEqual(placed, all.map { "\($0.blockIndex).\($0.lineInBlock)" })
        for (index, frame) in frames.enumerated() {
            XCTAssertLessThanOrEqual((frame.last?.top ?? 0) + 10, index == 0 ? 40 : 60)
        }
    }
}
