/// The duplex calibration sheet (`swan cards --kind calibration`): a page of front and a page of
/// back for the same paper, orientation and flip as the home sheets, then a page that says how
/// to read it. Near two opposite corners a scale for each direction (X left-right, Y top-bottom):
/// 41 numbered targets, each two short black lines on the front with a gap between them, and on
/// the back one short line that, seen through the paper, lies in that gap. The back line of the
/// target numbered v is drawn v mm against the direction, so the target whose three lines form
/// one straight line names how far the printer puts the back off its front: -5 to +5 mm in steps
/// of 0.25 mm, the value `--back-offset X,Y` takes. Two corners that read differently show a
/// turned or scaled back.
import SwanDeck
package import SwanLayout

/// One target on the sheet, in the front page's coordinates (points).
package struct CalibrationTarget: Sendable, Equatable {
    package enum Axis: String, Sendable, CaseIterable { case x, y }
    package var axis: Axis
    /// 0: the corner at the top left of the front, 1: the bottom right.
    package var corner: Int
    /// The offset this target names, in millimetres.
    package var value: Double
    /// The middle of the gap between its two front lines.
    package var centre: Point
}

package struct CalibrationDocument: Sendable {
    package var document: Document
    package var targets: [CalibrationTarget]
    package var geometry: SheetGeometry
}

package enum CalibrationSheet {
    /// The reading's step and range, in millimetres.
    package static let step = 0.25
    package static let steps = 20
    /// Millimetres between targets along the measured direction: more than the farthest a back
    /// line can lie from its own target (twice the range), so it never lines up with a neighbour's.
    package static let pitch = 11.0
    /// Across the measured direction: a back line moved by the other direction's full range stays
    /// clear of the next row's gap.
    package static let rowPitch = 17.0
    /// Half the gap between a target's two front lines, the length of each, and of the back line.
    package static let gap = 5.5
    package static let frontLine = 3.0
    package static let backLine = 2.0
    package static let perRow = 11
    package static let perColumn = 9
    /// Across a Y scale the columns leave room for the numbers to the left of each target.
    package static let columnPitch = 24.0
    static let margin = 12.0
    static let lineWidth = 0.5

    package static var values: [Double] { (-steps...steps).map { Double($0) * step } }

    package static func make(_ context: DocumentContext, paper: PaperSize, flip: FlipEdge) throws -> CalibrationDocument {
        let layout = try context.layout("cards", as: CardLayout.self)
        let geometry = layout.sheetGeometry(on: paper)
        let size = geometry.paper
        let width = size.width / pointsPerMillimetre, height = size.height / pointsPerMillimetre
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        var front = Page(size: size), back = Page(size: size)
        var targets: [CalibrationTarget] = []
        let ink = Stroke(colour: .black, width: lineWidth)
        let number = TextStyle(size: 6, leading: 7, colour: .black, hyphenate: false)
        let caption = TextStyle(size: 8, leading: 10, colour: .black, bold: true, hyphenate: false)

        // Where each corner's scales start (the first target's centre), in millimetres: the X
        // scale (4 rows, 115.5 x 51 mm between centres, numbers above) and the Y scale (5 columns,
        // 96 x 93.5 mm, numbers to the left), each with its caption above, 12 mm from the edge.
        let corners: [(xOrigin: (Double, Double), yOrigin: (Double, Double))] = [
            ((margin + 6, margin + 17), (margin + 16, margin + 89.5)),
            ((width - margin - 119, height - margin - 59.5), (width - margin - 104.5, height - margin - 173.5)),
        ]
        var items: [PageItem] = [], backItems: [PageItem] = []
        for (cornerIndex, corner) in corners.enumerated() {
            for (index, value) in values.enumerated() {
                // X: rows of targets along x, every other row half a pitch on; Y: columns along y.
                for scale in CalibrationTarget.Axis.allCases {
                    let (a, b) = scale == .x ? (index % perRow, index / perRow) : (index % perColumn, index / perColumn)
                    let stagger = b % 2 == 1 ? pitch / 2 : 0
                    let point = scale == .x
                        ? Point(x: corner.xOrigin.0 + Double(a) * pitch + stagger, y: corner.xOrigin.1 + Double(b) * rowPitch)
                        : Point(x: corner.yOrigin.0 + Double(b) * columnPitch, y: corner.yOrigin.1 + Double(a) * pitch + stagger)
                    let target = CalibrationTarget(axis: scale, corner: cornerIndex, value: value, centre: Point(x: mm(point.x), y: mm(point.y)))
                    targets.append(target)
                    items += frontLines(target, stroke: ink)
                    backItems += backLine(target, stroke: ink).map { mirrored($0, geometry: geometry, flip: flip) }
                    let text = context.typesetter.layout([TextBlock(signed(value), style: number)], width: mm(20))
                    let inked = text.lines.flatMap(\.runs).map(\.bounds)
                    let textWidth = (inked.map(\.maxX).max() ?? 0) - (inked.map(\.minX).min() ?? 0)
                    let origin = scale == .x
                        ? Point(x: target.centre.x - textWidth / 2, y: target.centre.y - mm(gap + frontLine + 0.5) - text.height)
                        : Point(x: target.centre.x - mm(gap + frontLine + 0.8) - textWidth, y: target.centre.y - text.height / 2)
                    items += text.items(at: origin)
                }
            }
        }
        front.add(.marked(.artifact(.layout), items))
        back.add(.marked(.artifact(.layout), backItems))

        // Each corner's two scales get a caption: which direction, which corner.
        for (cornerIndex, _) in corners.enumerated() {
            for scale in CalibrationTarget.Axis.allCases {
                let first = targets.first { $0.axis == scale && $0.corner == cornerIndex }!
                let text = try context.label(.calibrationCaption, ["axis": try context.label(.calibrationAxis(scale)),
                                                                     "corner": try context.label(cornerIndex == 0 ? .calibrationCornerFirst : .calibrationCornerSecond)])
                let laid = context.typesetter.layout([TextBlock(text, style: caption)], width: mm(120))
                let origin = scale == .x
                    ? Point(x: first.centre.x - mm(4), y: first.centre.y - mm(gap + frontLine + 5) - laid.height)
                    : Point(x: first.centre.x - mm(16), y: first.centre.y - mm(4.5) - laid.height)
                front.add(laid.markedItems(at: origin, roles: [.paragraph], in: &tree, under: root))
            }
        }
        let instructions = try instructionPage(context, paper: paper, flip: flip, tree: &tree, under: root)
        var info = context.info(title: try context.label(.calibrationTitle, ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        info.duplex = flip.duplex
        info.printAtActualSize = true
        info.printPageRange = 1...2
        let document = context.tagged(Document(info: info, pages: [front, back, instructions]), tree)
        return CalibrationDocument(document: document, targets: targets, geometry: geometry)
    }

    /// "+1.25", "0.00", "-0.50": as `--back-offset` takes it.
    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + BackOffset.format(value) }

    /// The two front lines, across the measured direction on either side of the gap.
    static func frontLines(_ target: CalibrationTarget, stroke: Stroke) -> [PageItem] {
        let c = target.centre, near = mm(gap), far = mm(gap + frontLine)
        return target.axis == .x
            ? [.line(from: Point(x: c.x, y: c.y - far), to: Point(x: c.x, y: c.y - near), stroke: stroke),
               .line(from: Point(x: c.x, y: c.y + near), to: Point(x: c.x, y: c.y + far), stroke: stroke)]
            : [.line(from: Point(x: c.x - far, y: c.y), to: Point(x: c.x - near, y: c.y), stroke: stroke),
               .line(from: Point(x: c.x + near, y: c.y), to: Point(x: c.x + far, y: c.y), stroke: stroke)]
    }

    /// The back line as it should be seen from the front: in the gap, `value` mm against the
    /// measured direction (a back put that far on by the printer then lines up).
    static func backLine(_ target: CalibrationTarget, stroke: Stroke) -> [PageItem] {
        let c = target.centre, half = mm(backLine / 2), shift = mm(target.value)
        return target.axis == .x
            ? [.line(from: Point(x: c.x - shift, y: c.y - half), to: Point(x: c.x - shift, y: c.y + half), stroke: stroke)]
            : [.line(from: Point(x: c.x - half, y: c.y - shift), to: Point(x: c.x + half, y: c.y - shift), stroke: stroke)]
    }

    /// A line seen from the front, drawn where it lies on the back page.
    static func mirrored(_ item: PageItem, geometry: SheetGeometry, flip: FlipEdge) -> PageItem {
        guard case .line(let from, let to, let stroke) = item else { return item }
        func point(_ p: Point) -> Point {
            geometry.mirrorsLeftRight(flip) ? Point(x: geometry.paper.width - p.x, y: p.y) : Point(x: p.x, y: geometry.paper.height - p.y)
        }
        return .line(from: point(from), to: point(to), stroke: stroke)
    }

    /// The last page: how to print the sheet, hold it to the light, read it and tell swan.
    private static func instructionPage(_ context: DocumentContext, paper: PaperSize, flip: FlipEdge,
                                        tree: inout StructureTree, under root: StructureID) throws -> Page {
        let layout = try context.layout("cards", as: CardLayout.self)
        var page = Page(size: paper.size)
        let margin = mm(20)
        let text = layout.colours.text
        let title = TextStyle(size: 20, leading: 25, colour: text, bold: true, hyphenate: false, spaceAfter: 10)
        let body = TextStyle(size: 11, leading: 15, colour: text, spaceAfter: 6)
        let step = TextStyle(size: 11, leading: 15, colour: text, leftIndent: mm(7), spaceAfter: 6)
        // The commands are the program's syntax, not wording: filled in, so they always match it.
        let cards = "swan cards --paper \(paper.rawValue) --flip \(flip.rawValue)"
        let values = ["paperName": paper.rawValue.uppercased(), "flipName": try context.label(.sheetsFlip(flip)),
                      "calibrate": cards + " --back-offset X,Y --save-offset", "example": "--back-offset 1.25,-0.5",
                      "print": cards, "forget": "--back-offset 0,0 --save-offset"]
        var blocks = [TextBlock(try context.label(.calibrationInstructionsTitle, values), style: title),
                      TextBlock(try context.label(.calibrationInstructionsIntro, values), style: body)]
        var roles: [TextRole] = [.heading(1), .paragraph]
        let steps = try context.label(.calibrationInstructionsSteps, values).split(separator: "\n").map(String.init)
        for (index, line) in steps.enumerated() {
            blocks.append(TextBlock(line, style: step, marker: "\(index + 1)."))
            roles.append(.listItem)
        }
        let laid = context.typesetter.layout(blocks, width: paper.size.width - 2 * margin)
        page.add(laid.markedItems(at: Point(x: margin, y: margin), roles: roles, in: &tree, under: root))
        return page
    }
}
