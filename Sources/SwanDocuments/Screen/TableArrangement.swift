/// Where the cards of one round lie on a table page, as they lie on the table: the hoofdvraag in
/// the middle at its own scale, the round's other cards in columns to its left and right, all at
/// one scale, as large as the area allows.
package import SwanLayout

package struct TableArrangement: Equatable, Sendable {
    package struct Slot: Equatable, Sendable {
        /// The card's trim box on the page.
        package var rect: Rect
        /// Its size relative to the printed card.
        package var scale: Double
    }
    package var centre: Slot?
    package var around: [Slot]

    /// `count` cards around the centre (if any), each `card` large when printed, inside `area`.
    /// The columns are split over both sides of the centre, the left side taking the odd one, and
    /// the whole group is centred on the page.
    /// `caption` is the height kept free under every card for its name.
    package static func make(card: Size, area: Rect, count: Int, hasCentre: Bool, caption: Double,
                            table: ScreenLayout.Table) -> TableArrangement {
        let gap = mm(table.gap)
        let centreScale = hasCentre ? min(table.centreScale, (area.height - caption) / card.height) : 0
        let centreSize = Size(width: card.width * centreScale, height: card.height * centreScale)
        func centred(_ width: Double, _ height: Double, x: Double) -> Rect {
            Rect(x: x, y: area.minY + (area.height - height - caption) / 2, width: width, height: height)
        }
        guard count > 0 else {
            let centre = hasCentre ? Slot(rect: centred(centreSize.width, centreSize.height,
                                                        x: area.minX + (area.width - centreSize.width) / 2), scale: centreScale) : nil
            return TableArrangement(centre: centre, around: [])
        }

        let rows = max(1, min(table.rows, count))
        let columns = (count + rows - 1) / rows
        let leftColumns = hasCentre ? (columns + 1) / 2 : columns
        // Gaps between neighbouring columns, the centre card counting as a column.
        let gaps = Double(hasCentre ? columns : columns - 1) * gap
        let byWidth = (area.width - centreSize.width - gaps) / Double(columns) / card.width
        let byHeight = (area.height - Double(rows - 1) * gap - Double(rows) * caption) / Double(rows) / card.height
        let scale = min(table.largestScale, byWidth, byHeight)
        let size = Size(width: card.width * scale, height: card.height * scale)
        let groupWidth = Double(columns) * size.width + centreSize.width + gaps
        var x = area.minX + (area.width - groupWidth) / 2

        var columnX: [Double] = []
        var centre: Slot?
        for column in 0..<columns {
            if hasCentre && column == leftColumns {
                centre = Slot(rect: centred(centreSize.width, centreSize.height, x: x), scale: centreScale)
                x += centreSize.width + gap
            }
            columnX.append(x)
            x += size.width + gap
        }
        if hasCentre && centre == nil { centre = Slot(rect: centred(centreSize.width, centreSize.height, x: x), scale: centreScale) }

        var around: [Slot] = []
        for index in 0..<count {
            let column = index / rows, row = index % rows
            let inColumn = min(rows, count - column * rows)
            let total = Double(inColumn) * (size.height + caption) + Double(inColumn - 1) * gap
            let y = area.minY + (area.height - total) / 2 + Double(row) * (size.height + caption + gap)
            around.append(Slot(rect: Rect(x: columnX[column], y: y, width: size.width, height: size.height), scale: scale))
        }
        return TableArrangement(centre: centre, around: around)
    }

    /// The scale of the cards around the centre (the centre's when it is alone).
    package var aroundScale: Double { around.first?.scale ?? centre?.scale ?? 1 }
}
