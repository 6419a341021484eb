/// Where cards go on a home-print sheet, and where their backs go so that each lands exactly
/// behind its front when the sheet is printed double-sided. Cards stand apart (a gutter), each
/// with its own bleed and its own crop marks, so that a cutting or duplex error of a millimetre
/// shows the card's own colour, never its neighbour's.
package import SwanLayout

package enum FlipEdge: String, Sendable, CaseIterable {
    /// Turn the sheet over its long edge (like a book page): the usual duplex setting.
    case long
    /// Turn the sheet over its short edge (like a notepad).
    case short

    package var duplex: DocumentInfo.Duplex { self == .long ? .flipLongEdge : .flipShortEdge }
}

package struct SheetGeometry: Sendable {
    package let paper: Size
    package let card: Size
    /// Space between two columns and between two rows of cards.
    package let columnGap: Double
    package let rowGap: Double
    /// How far each card's background runs past its trim.
    package let bleed: Double
    package let columns: Int
    package let rows: Int
    /// Top-left corner of the grid.
    package let origin: Point

    /// As many cards as fit (at least one) with `margin` between the paper's edge and a trim on every side.
    package init(paper: Size, card: Size, columnGap: Double, rowGap: Double, bleed: Double, margin: Double) {
        self.paper = paper; self.card = card; self.columnGap = columnGap; self.rowGap = rowGap; self.bleed = bleed
        columns = max(1, Int(((paper.width - 2 * margin + columnGap) / (card.width + columnGap)).rounded(.down) + 1e-9))
        rows = max(1, Int(((paper.height - 2 * margin + rowGap) / (card.height + rowGap)).rounded(.down) + 1e-9))
        let gridWidth = Double(columns) * card.width + Double(columns - 1) * columnGap
        let gridHeight = Double(rows) * card.height + Double(rows - 1) * rowGap
        origin = Point(x: (paper.width - gridWidth) / 2, y: (paper.height - gridHeight) / 2)
    }

    /// The orientation of `paper` (as given, or turned a quarter) whose grid holds the most
    /// cards; the paper as given on a tie. On A4 and Letter that is landscape: with 3 mm crop
    /// marks 3 mm off every trim and 5 mm of unprintable edge, a portrait A4 holds only 2 x 2.
    package static func best(paper: Size, card: Size, columnGap: Double, rowGap: Double, bleed: Double,
                            margin: Double) -> SheetGeometry {
        let turned = Size(width: paper.height, height: paper.width)
        let upright = SheetGeometry(paper: paper, card: card, columnGap: columnGap, rowGap: rowGap, bleed: bleed, margin: margin)
        let across = SheetGeometry(paper: turned, card: card, columnGap: columnGap, rowGap: rowGap, bleed: bleed, margin: margin)
        return across.fits(margin) && (across.cardsPerSheet > upright.cardsPerSheet || !upright.fits(margin)) ? across : upright
    }

    /// Whether the grid keeps `margin` to the paper's edge on every side.
    package func fits(_ margin: Double) -> Bool { origin.x >= margin - 1e-6 && origin.y >= margin - 1e-6 }

    package var cardsPerSheet: Int { columns * rows }

    package var isLandscape: Bool { paper.width > paper.height }

    /// Whether turning the sheet over mirrors it left-right on the page (over the long edge of a
    /// portrait page, or the short edge of a landscape one); otherwise it mirrors top-bottom, and
    /// the back page then comes out upside down against its front.
    package func mirrorsLeftRight(_ flip: FlipEdge) -> Bool { (flip == .long) != isLandscape }

    /// The front's trim rectangle of slot `index` (row by row).
    package func frontRect(_ index: Int) -> Rect {
        let row = index / columns, column = index % columns
        return Rect(x: origin.x + Double(column) * (card.width + columnGap), y: origin.y + Double(row) * (card.height + rowGap),
                    width: card.width, height: card.height)
    }

    /// The rectangle on the back page that lies behind `rect` on the front page.
    /// The long edge of a landscape page is its top, so there a long flip mirrors top-bottom.
    package func mirror(_ rect: Rect, flip: FlipEdge) -> Rect {
        mirrorsLeftRight(flip)
            ? Rect(x: paper.width - rect.maxX, y: rect.minY, width: rect.width, height: rect.height)
            : Rect(x: rect.minX, y: paper.height - rect.maxY, width: rect.width, height: rect.height)
    }

    /// The crop marks of the cards in `trims`: for every card, short lines on the extension of
    /// its four cut lines, from `offset` to `offset + length` past its corners (in a gutter too
    /// narrow for that: in the free middle between the bleeds). A mark stops
    /// `clearance` before any card's bleed and `edge` before the paper's edge; what is left
    /// shorter than `minimum` is dropped. Marks on a shared cut line merge; empty positions get
    /// none.
    package func cropMarks(_ trims: [Rect], length: Double, offset: Double, edge: Double, clearance: Double,
                          minimum: Double, stroke: Stroke) -> [PageItem] {
        let bleeds = trims.map { $0.insetBy(-(bleed + clearance)) }
        let paperArea = Rect(x: 0, y: 0, width: paper.width, height: paper.height).insetBy(edge)
        // Segments per cut line: key = (vertical?, position), value = intervals along the line.
        var segments: [MarkLine: [ClosedRange<Double>]] = [:]
        // Past a corner: from `offset` out, or, where a narrow gutter leaves no room there, from
        // just outside the card's bleed (the gutter's free middle).
        func marks(_ line: MarkLine, from trimEdge: Double, outward: Double) -> [ClosedRange<Double>] {
            for start in [offset, bleed + clearance] {
                let a = trimEdge + outward * start, b = trimEdge + outward * (offset + length)
                let pieces = free(min(a, b)...max(a, b), on: line, bleeds: bleeds, paper: paperArea)
                if pieces.contains(where: { $0.upperBound - $0.lowerBound >= minimum - 1e-9 }) { return pieces }
            }
            return []
        }
        for trim in trims {
            for x in [trim.minX, trim.maxX] {
                let line = MarkLine(vertical: true, position: x)
                segments[line, default: []] += marks(line, from: trim.minY, outward: -1) + marks(line, from: trim.maxY, outward: 1)
            }
            for y in [trim.minY, trim.maxY] {
                let line = MarkLine(vertical: false, position: y)
                segments[line, default: []] += marks(line, from: trim.minX, outward: -1) + marks(line, from: trim.maxX, outward: 1)
            }
        }
        var items: [PageItem] = []
        for line in segments.keys.sorted() {
            for range in Self.merged(segments[line]!) where range.upperBound - range.lowerBound >= minimum - 1e-9 {
                let from = line.vertical ? Point(x: line.position, y: range.lowerBound) : Point(x: range.lowerBound, y: line.position)
                let to = line.vertical ? Point(x: line.position, y: range.upperBound) : Point(x: range.upperBound, y: line.position)
                items.append(.line(from: from, to: to, stroke: stroke))
            }
        }
        return items
    }

    struct MarkLine: Hashable, Comparable {
        var vertical: Bool
        var position: Double
        static func < (a: MarkLine, b: MarkLine) -> Bool { (a.vertical ? 0 : 1, a.position) < (b.vertical ? 0 : 1, b.position) }
    }

    /// The parts of `range` along `line` that lie on the paper's printable area and outside
    /// every card's bleed.
    private func free(_ range: ClosedRange<Double>, on line: MarkLine, bleeds: [Rect], paper: Rect) -> [ClosedRange<Double>] {
        let across = line.position
        let bounds = line.vertical ? (paper.minY, paper.maxY) : (paper.minX, paper.maxX)
        guard (line.vertical ? (paper.minX...paper.maxX) : (paper.minY...paper.maxY)).contains(across) else { return [] }
        var pieces = [max(range.lowerBound, bounds.0)...max(max(range.lowerBound, bounds.0), min(range.upperBound, bounds.1))]
        for box in bleeds {
            let crosses = line.vertical ? (box.minX < across && across < box.maxX) : (box.minY < across && across < box.maxY)
            guard crosses else { continue }
            let (low, high) = line.vertical ? (box.minY, box.maxY) : (box.minX, box.maxX)
            pieces = pieces.flatMap { piece -> [ClosedRange<Double>] in
                if piece.upperBound <= low || piece.lowerBound >= high { return [piece] }
                var rest: [ClosedRange<Double>] = []
                if piece.lowerBound < low { rest.append(piece.lowerBound...low) }
                if piece.upperBound > high { rest.append(high...piece.upperBound) }
                return rest
            }
        }
        return pieces.filter { $0.upperBound > $0.lowerBound }
    }

    private static func merged(_ ranges: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        var result: [ClosedRange<Double>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound + 1e-6 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
