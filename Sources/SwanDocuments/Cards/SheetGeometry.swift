/// Where cards go on a home-print sheet, and where their backs go so that each lands exactly
/// behind its front when the sheet is printed double-sided.
import SwanEngine

public enum FlipEdge: String, Sendable, CaseIterable {
    /// Turn the sheet over its long edge (like a book page): the usual duplex setting.
    case long
    /// Turn the sheet over its short edge (like a notepad).
    case short

    public var duplex: DocumentInfo.Duplex { self == .long ? .flipLongEdge : .flipShortEdge }
}

public struct SheetGeometry: Sendable {
    public let paper: Size
    public let card: Size
    public let gap: Double
    public let columns: Int
    public let rows: Int
    /// Top-left corner of the grid.
    public let origin: Point

    /// As many cards as fit with `margin` (room for crop marks) on every side.
    public init(paper: Size, card: Size, gap: Double, margin: Double) {
        self.paper = paper; self.card = card; self.gap = gap
        columns = max(1, Int(((paper.width - 2 * margin + gap) / (card.width + gap)).rounded(.down) + 1e-9))
        rows = max(1, Int(((paper.height - 2 * margin + gap) / (card.height + gap)).rounded(.down) + 1e-9))
        let gridWidth = Double(columns) * card.width + Double(columns - 1) * gap
        let gridHeight = Double(rows) * card.height + Double(rows - 1) * gap
        origin = Point(x: (paper.width - gridWidth) / 2, y: (paper.height - gridHeight) / 2)
    }

    public var cardsPerSheet: Int { columns * rows }

    /// The front's trim rectangle of slot `index` (row by row).
    public func frontRect(_ index: Int) -> Rect {
        let row = index / columns, column = index % columns
        return Rect(x: origin.x + Double(column) * (card.width + gap), y: origin.y + Double(row) * (card.height + gap),
                    width: card.width, height: card.height)
    }

    /// The rectangle on the back page that lies behind `rect` on the front page.
    public func mirror(_ rect: Rect, flip: FlipEdge) -> Rect {
        switch flip {
        case .long: Rect(x: paper.width - rect.maxX, y: rect.minY, width: rect.width, height: rect.height)
        case .short: Rect(x: rect.minX, y: paper.height - rect.maxY, width: rect.width, height: rect.height)
        }
    }

    /// Crop marks: short lines outside the grid on the extension of every cut line.
    public func cropMarks(length: Double, offset: Double, stroke: Stroke) -> [PageItem] {
        var xs: [Double] = [], ys: [Double] = []
        for column in 0..<columns {
            let x = origin.x + Double(column) * (card.width + gap)
            xs += [x, x + card.width]
        }
        for row in 0..<rows {
            let y = origin.y + Double(row) * (card.height + gap)
            ys += [y, y + card.height]
        }
        let top = origin.y, bottom = ys.max() ?? origin.y
        let left = origin.x, right = xs.max() ?? origin.x
        var items: [PageItem] = []
        for x in Set(xs).sorted() {
            items.append(.line(from: Point(x: x, y: top - offset - length), to: Point(x: x, y: top - offset), stroke: stroke))
            items.append(.line(from: Point(x: x, y: bottom + offset), to: Point(x: x, y: bottom + offset + length), stroke: stroke))
        }
        for y in Set(ys).sorted() {
            items.append(.line(from: Point(x: left - offset - length, y: y), to: Point(x: left - offset, y: y), stroke: stroke))
            items.append(.line(from: Point(x: right + offset, y: y), to: Point(x: right + offset + length, y: y), stroke: stroke))
        }
        return items
    }
}
