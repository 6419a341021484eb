import Foundation
import XCTest
import SwanDeck
import SwanTestSupport
import SwanDocuments
import SwanLayout

/// The calibration sheet tested the way a printer fails: the rendered back page is shifted by a
/// known offset in its own geometry, mirrored across the flip axis onto the front like light
/// through paper, and the offset is read off the pixels with the rule the printed instructions
/// give: in each box, the number whose light (back) line lies in line with its black (front) lines.
final class CalibrationSheetTests: XCTestCase {
    let context = CardsTestSupport.context
    static let dpi = 150.0

    func testTheOffsetReadOffTheSheetIsTheShiftOfTheBackUnderEitherFlip() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Shifts of the printed back, in millimetres on the back page (its own x right, y down).
        let shifts: [(Double, Double)] = [(0, 0), (1.25, -0.5), (-2.75, 3.0), (4.5, 4.75), (-5, -1.75), (0.25, -5)]
        for flip in FlipEdge.allCases {
            let sheet = try CalibrationSheet.make(context, paper: .a4, flip: flip)
            XCTAssertEqual(sheet.targets.count, 2 * 2 * 41)
            let url = folder.appendingPathComponent("\(flip).pdf")
            try TestExporters.pdf.write(sheet.document, to: url)
            XCTAssertEqual(try CardsTestSupport.run("pdftoppm", ["-r", "\(Int(Self.dpi))", "-f", "1", "-l", "2", "-png", url.path,
                                                                 folder.appendingPathComponent("\(flip)").path]).status, 0)
            let front = try PNGImage(contentsOf: folder.appendingPathComponent("\(flip)-1.png"))
            let back = try PNGImage(contentsOf: folder.appendingPathComponent("\(flip)-2.png"))
            let leftRight = sheet.geometry.mirrorsLeftRight(flip)
            for (bx, by) in shifts {
                let light = Composite(front: front, back: back, leftRight: leftRight,
                                      shift: (Int((bx * Self.dpi / 25.4).rounded()), Int((by * Self.dpi / 25.4).rounded())))
                // Seen from the front, the back moved the mirror image of its shift.
                let expected = leftRight ? (x: -bx, y: by) : (x: bx, y: -by)
                for corner in 0...1 {
                    for axis in CalibrationTarget.Axis.allCases {
                        let reading = try XCTUnwrap(read(light, sheet.targets.filter { $0.axis == axis && $0.corner == corner }),
                                                    "\(flip) \(axis) corner \(corner): no line-up found")
                        let want = axis == .x ? expected.x : expected.y
                        XCTAssertEqual(reading, want, accuracy: 0.25 + 1e-9,
                                       "\(flip) flip, back shifted \(bx),\(by) mm: \(axis) at corner \(corner) reads \(reading), expected \(want)")
                    }
                }
            }
        }
    }

    func testTheSheetIsTwoPagesForOneSheetAndAPageOfInstructions() throws {
        for paper in PaperSize.allCases {
            let sheet = try CalibrationSheet.make(context, paper: paper, flip: .long)
            XCTAssertEqual(sheet.document.pages.count, 3)
            XCTAssertEqual(sheet.document.info.printPageRange, 1...2)
            // The same page as the home sheets: a saved offset refers to the same geometry.
            let cards = try CardSheets.make(context.deck.cards, context, options: CardSheetOptions(paper: paper), diagnostics: Diagnostics())
            XCTAssertEqual(sheet.document.pages[0].size, cards.document.pages[0].size, "\(paper)")
            // Every target and its number on the paper, 5 mm clear of the edge; the scales apart.
            let page = Rect(x: 0, y: 0, width: sheet.geometry.paper.width, height: sheet.geometry.paper.height).insetBy(mm(5 + 8.5))
            for target in sheet.targets {
                XCTAssertTrue(page.contains(Rect(x: target.centre.x, y: target.centre.y, width: 0, height: 0)), "\(paper) \(target)")
            }
            let centres = sheet.targets.map(\.centre)
            for (i, a) in centres.enumerated() {
                for b in centres[(i + 1)...] {
                    XCTAssertGreaterThan(max(abs(a.x - b.x), abs(a.y - b.y)), mm(5), "\(paper): targets \(a) and \(b) too close")
                }
            }
        }
    }

    /// The front with the back seen through the paper: front ink black, back ink grey.
    struct Composite {
        let front: PNGImage, back: PNGImage, leftRight: Bool, shift: (Int, Int)
        /// 0 (front ink) … 255 (paper).
        func value(_ x: Int, _ y: Int) -> Int {
            let f = luminance(front, x, y)
            let mx = leftRight ? back.width - 1 - x : x, my = leftRight ? y : back.height - 1 - y
            let sx = mx - shift.0, sy = my - shift.1
            let b = (0..<back.width).contains(sx) && (0..<back.height).contains(sy) ? luminance(back, sx, sy) : 255
            return min(f, 128 + b / 2)
        }
        func luminance(_ image: PNGImage, _ x: Int, _ y: Int) -> Int {
            guard (0..<image.width).contains(x), (0..<image.height).contains(y) else { return 255 }
            let p = image.pixel(x: x, y: y)
            return (Int(p.red) + Int(p.green) + Int(p.blue)) / 3
        }
    }

    /// The instructions' rule: the target whose light line lies in line with its black lines
    /// (the smallest distance between them along the measured direction); its number.
    func read(_ light: Composite, _ targets: [CalibrationTarget]) -> Double? {
        let scale = Self.dpi / 72
        func px(_ points: Double) -> Int { Int((points * scale).rounded()) }
        var best: (distance: Double, value: Double)?
        for target in targets {
            let along = target.axis == .x ? target.centre.x : target.centre.y
            let across = target.axis == .x ? target.centre.y : target.centre.x
            // Sample (along, across) in pixels of the front.
            func value(_ a: Int, _ c: Int) -> Int { target.axis == .x ? light.value(a, c) : light.value(c, a) }
            // Black: the front lines, beyond the gap on both sides.
            var black = 0.0, blackCount = 0.0
            let below = Array(px(across + mm(CalibrationSheet.gap + 0.5))...px(across + mm(CalibrationSheet.gap + 2.5)))
            let above = Array(px(across - mm(CalibrationSheet.gap + 2.5))...px(across - mm(CalibrationSheet.gap + 0.5)))
            for c in below + above {
                for a in px(along - mm(1))...px(along + mm(1)) where value(a, c) < 64 { black += Double(a); blackCount += 1 }
            }
            // Light: the back line, in the gap, near the front lines.
            var grey = 0.0, greyCount = 0.0
            for c in px(across - mm(CalibrationSheet.gap - 0.5))...px(across + mm(CalibrationSheet.gap - 0.5)) {
                for a in px(along - mm(2))...px(along + mm(2)) {
                    let v = value(a, c)
                    if v >= 100 && v < 220 { grey += Double(a) * Double(255 - v); greyCount += Double(255 - v) }
                }
            }
            guard blackCount > 0, greyCount > 0 else { continue }
            let distance = abs(grey / greyCount - black / blackCount) / scale
            if best == nil || distance < best!.distance { best = (distance, target.value) }
        }
        return best?.value
    }
}
