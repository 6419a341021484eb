import Foundation
import XCTest
import SwanLayout
import SwanRender
import SwanTestSupport

/// Bold text in a fallback family without a bold face (Chinese and Japanese in Droid Sans
/// Fallback) is emboldened (issue 32): the regular face grown by 1/24 em, as FreeType grows it
/// for cairo, the same in the native PDF writer, cairo's PDF and the previews.
final class EmboldenedBoldTests: XCTestCase {
    static let name = "李小龍山田太郎"
    let typesetter = CardsTestSupport.context.typesetter

    /// One face of the file, emboldened, with every advance 1/24 em wider: the letters keep the
    /// regular face's spacing and the layout knows their width. Families with a bold face keep it.
    func testEmboldenedAdvancesGrowWithTheOutlines() throws {
        let shaper = typesetter.shaper
        let regular = shaper.face(for: "李", style: .regular), bold = shaper.face(for: "李", style: .bold)
        XCTAssertFalse(regular === bold)
        XCTAssertEqual(bold.url, regular.url)
        XCTAssertEqual(regular.emboldening, 0)
        XCTAssertEqual(bold.emboldening, Font.syntheticBold)
        XCTAssertTrue(bold.plainFace === regular, "the PDF writer embeds the one face")
        let plain = shaper.shape(Self.name, font: regular, size: 14), heavy = shaper.shape(Self.name, font: bold, size: 14)
        XCTAssertEqual(heavy.glyphs.map(\.id), plain.glyphs.map(\.id))
        XCTAssertEqual(heavy.width - plain.width, 7 * 14 / 24, accuracy: 0.001)
        XCTAssertEqual(shaper.face(for: "김", style: .bold).emboldening, 0, "Nanum Gothic has a bold face")
        XCTAssertEqual(shaper.face(for: "a", style: .bold).emboldening, 0)
    }

    /// The name set regular above and bold below: the native PDF embeds Droid Sans Fallback once
    /// and fills and strokes the bold glyphs (mupdf's trace); poppler's rendering of it and
    /// cairo's preview have the same ink within anti-aliasing, the bold clearly more than the
    /// regular (measured at 300 dpi: 1.5 times), and its letters stay apart.
    func testBoldChineseIsEmboldenedAlikeInBothWriters() throws {
        var page = Page(size: Size(width: 300, height: 120))
        let regular = typesetter.layout([TextBlock(Self.name, style: TextStyle(size: 20, leading: 24))], width: 280)
        let bold = typesetter.layout([TextBlock(Self.name, style: TextStyle(size: 20, leading: 24, bold: true))], width: 280)
        page.add(regular.items(at: Point(x: 10, y: 10)))
        page.add(bold.items(at: Point(x: 10, y: 60)))
        let document = Document(info: DocumentInfo(title: "emboldened", creationDate: Date(timeIntervalSince1970: 1_700_000_000)),
                                pages: [page])
        let pdf = try FormsTest.write(document, name: "emboldened.pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }

        let fonts = try FormsTest.run("pdffonts", [pdf.path]).output
        XCTAssertEqual(fonts.components(separatedBy: "+DroidSansFallback").count - 1, 1, fonts)
        let trace = try FormsTest.run("mutool", ["trace", pdf.path]).output
        XCTAssertEqual(trace.components(separatedBy: "<stroke_text").count - 1, 1, "the bold run stroked")
        XCTAssertEqual(trace.components(separatedBy: "<fill_text").count - 1, 2, "both runs filled")
        XCTAssertEqual(try FormsTest.text(pdf).replacingOccurrences(of: "\u{0C}", with: "").trimmingCharacters(in: .whitespacesAndNewlines),
                       "\(Self.name)\n\(Self.name)")

        let folder = pdf.deletingLastPathComponent()
        let cairoPNG = folder.appendingPathComponent("emboldened-cairo.png")
        defer { try? FileManager.default.removeItem(at: cairoPNG) }
        try TestExporters.png.write(page, to: cairoPNG, dpi: 300)
        let popplerBase = folder.appendingPathComponent("emboldened-poppler")
        _ = try FormsTest.run("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf.path, popplerBase.path])
        defer { try? FileManager.default.removeItem(at: popplerBase.appendingPathExtension("png")) }
        let cairo = try PNGImage(contentsOf: cairoPNG), poppler = try PNGImage(contentsOf: popplerBase.appendingPathExtension("png"))
        XCTAssertEqual(cairo.width, poppler.width)
        let middle = poppler.height / 2
        func ink(_ image: PNGImage, _ rows: Range<Int>) -> Int { image.count(y: rows) { $0.isDark } }
        let top = 0..<middle, bottom = middle..<poppler.height
        let popplerRegular = ink(poppler, top), popplerBold = ink(poppler, bottom)
        let cairoRegular = ink(cairo, top), cairoBold = ink(cairo, bottom)
        XCTAssertGreaterThan(popplerRegular, 2000)
        XCTAssertGreaterThan(Double(popplerBold), 1.3 * Double(popplerRegular), "bold \(popplerBold), regular \(popplerRegular)")
        XCTAssertEqual(Double(cairoBold), Double(popplerBold), accuracy: 0.04 * Double(popplerBold), "cairo \(cairoBold), poppler \(popplerBold)")
        XCTAssertEqual(Double(cairoRegular), Double(popplerRegular), accuracy: 0.04 * Double(popplerRegular))
        // The letters stay apart: where one letter's advance ends and the next begins, the
        // emboldened line has no ink, in either writer.
        let runs = bold.lines.flatMap(\.runs)
        XCTAssertEqual(runs.count, 1)
        for run in runs {
            for glyph in run.glyphs.dropFirst() {
                let column = Int(((10 + run.origin.x + glyph.x) * 300 / 72).rounded())
                XCTAssertEqual(poppler.count(x: column..<(column + 1), y: bottom) { $0.isDark }, 0, "poppler at \(glyph.x) pt")
                XCTAssertEqual(cairo.count(x: column..<(column + 1), y: bottom) { $0.isDark }, 0, "cairo at \(glyph.x) pt")
            }
        }
    }
}
