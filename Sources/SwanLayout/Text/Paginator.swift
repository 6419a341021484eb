/// Flows lines over frames (pages), with the rules of good typesetting: no heading alone at the
/// bottom of a frame, no single line of a paragraph alone at the bottom (orphan) or the top
/// (widow), and space for footnotes on the page where they are referenced.
import Foundation

package struct PlacedLine: Sendable {
    package var line: LineBox
    package var top: Double
}

package struct Paginator: Sendable {
    /// Height of each anchor's note (a footnote), reserved on the frame its reference lands in.
    package var anchorHeights: [String: Double]
    package init(anchorHeights: [String: Double] = [:]) { self.anchorHeights = anchorHeights }

    /// Splits `lines` into frames; `frameHeight(i)` is the usable height of frame i.
    package func paginate(_ lines: [LineBox], frameHeight: (Int) -> Double) -> [[PlacedLine]] {
        var frames: [[PlacedLine]] = []
        var start = 0
        while start < lines.count {
            let height = frameHeight(frames.count)
            var end = fittingEnd(lines, from: start, height: height)
            if end < lines.count { end = adjustedBreak(lines, start: start, end: end) }
            frames.append(place(lines, start..<end))
            start = end
        }
        return frames
    }

    /// The first line index that no longer fits when filling from `start`.
    private func fittingEnd(_ lines: [LineBox], from start: Int, height: Double) -> Int {
        var y = 0.0
        var notes = 0.0
        var end = start
        while end < lines.count {
            let line = lines[end]
            var next = y
            if line.isFirstInBlock && end > start { next += line.spaceBefore }
            next += line.height
            let extraNotes = line.anchors.reduce(0) { $0 + (anchorHeights[$1] ?? 0) }
            if next + notes + extraNotes > height + 0.01 && end > start { break }
            y = next; notes += extraNotes
            if line.isLastInBlock { y += line.spaceAfter }
            end += 1
        }
        return end
    }

    /// Moves the break earlier so that the rules hold; never to the frame's start.
    private func adjustedBreak(_ lines: [LineBox], start: Int, end: Int) -> Int {
        var k = end
        for _ in 0..<8 {
            let before = k
            // Widow: the last line of a paragraph alone at the top of the next frame.
            let first = lines[k]
            if first.lineInBlock > 0 && first.isLastInBlock && first.linesInBlock >= 2 && k - 1 > start { k -= 1 }
            // Orphan: the first line of a paragraph alone at the bottom.
            let last = lines[k - 1]
            if last.isFirstInBlock && !last.isLastInBlock && k - 1 > start { k -= 1 }
            // A heading (or anything kept with what follows) does not end a frame.
            while k - 1 > start && lines[k - 1].keepWithNext && lines[k - 1].isLastInBlock { k -= 1 }
            // A heading of several lines stays whole.
            while k - 1 > start && lines[k - 1].keepWithNext && !lines[k - 1].isLastInBlock && lines[k].blockIndex == lines[k - 1].blockIndex { k -= 1 }
            if k == before { break }
        }
        return k > start ? k : end
    }

    private func place(_ lines: [LineBox], _ range: Range<Int>) -> [PlacedLine] {
        var y = 0.0
        var result: [PlacedLine] = []
        for index in range {
            let line = lines[index]
            if line.isFirstInBlock && index > range.lowerBound { y += line.spaceBefore }
            result.append(PlacedLine(line: line, top: y))
            y += line.height
            if line.isLastInBlock { y += line.spaceAfter }
        }
        return result
    }
}
