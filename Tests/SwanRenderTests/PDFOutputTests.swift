import XCTest
import SwanIO
import SwanTestSupport
@testable import SwanLayout
@testable import SwanRender

/// Real PDFs, checked with real tools: qpdf, pdffonts, pdftotext, pdfinfo; every check runs for
/// both PDF writers (native and cairo).
final class PDFOutputTests: XCTestCase {
    let engine = TestEngine.shared
    /// The writer the current check runs with.
    private var exporter: any DocumentExporter = TestExporters.native

    /// Runs `check` once per PDF writer.
    private func forEachWriter(_ check: () throws -> Void) throws {
        for (name, writer) in [("native", TestExporters.native as any DocumentExporter), ("cairo", CairoPDFExporter())] {
            exporter = writer
            do { try check() } catch let skip as XCTSkip { throw skip } catch { XCTFail("\(name) writer: \(error)") }
        }
    }

    let date = Date(timeIntervalSince1970: 1_700_000_000)

    private func specimen(width: Double = mm(40)) -> Document {
        let style = TextStyle(size: 11, leading: 14, alignment: .justify)
        let blocks = [
            TextBlock("Een fiets, een officieel flyer-ontwerp en de bijeenkomst over burgerparticipatie en ontmoetingsmogelijkheden.", style: style),
            TextBlock([TextRun("Vet", bold: true), TextRun(" en "), TextRun("cursief", italic: true)], style: style,
                      outlineTitle: "Nadruk", outlineLevel: 1),
        ]
        let layout = engine.typesetter.layout(blocks, width: width)
        var page = Page(size: Size.millimetres(100, 100))
        page.add(layout.items(at: Point(x: mm(10), y: mm(10))))
        page.add(.rectangle(Rect(x: mm(5), y: mm(5), width: mm(90), height: mm(90)), cornerRadius: mm(3), fill: nil,
                            stroke: Stroke(colour: Colour(hex: "#336699")!, width: 1, style: .dashed(on: 3, off: 2))))
        var info = DocumentInfo(title: "Proef", subject: "Onderwerp", author: "Auteur", creationDate: date)
        info.creator = "swan-tests"
        return Document(info: info, pages: [page], outline: [OutlineEntry(title: "Begin", level: 1, pageIndex: 0, y: 0),
                                                             OutlineEntry(title: "Onder", level: 2, pageIndex: 0, y: 50)])
    }

    private func write(_ document: Document, name: String = "proef.pdf") throws -> URL {
        let url = TemporaryFolder.make("swan-render").appendingPathComponent(name)
        try exporter.write(document, to: url)
        return url
    }

    func testQPDFFindsNoProblems() throws {
        try forEachWriter {
            let url = try write(specimen())
            XCTAssertEqual(try Tool.run("qpdf", ["--check", url.path]).status, 0)
        }
    }

    func testFontsAreEmbeddedSubsetAndMapped() throws {
        try forEachWriter {
            let url = try write(specimen())
            let lines = try Tool.run("pdffonts", [url.path]).output.split(separator: "\n").dropFirst(2)
            XCTAssertGreaterThanOrEqual(lines.count, 3, "regular, bold and italic")
            for line in lines { XCTAssertTrue(line.contains("yes yes yes"), String(line)) }
        }
    }

    func testExtractedTextIsTheTextSetWithHyphenatedWordsWhole() throws {
        try forEachWriter {
            let document = specimen(width: mm(28))
            XCTAssertTrue(document.pages[0].glyphRuns.contains { $0.text.hasSuffix("-") }, "the narrow measure forces a hyphenated line")
            let url = try write(document)
            let text = try Tool.run("pdftotext", [url.path, "-"]).output
            let words = text.replacingOccurrences(of: "-\n", with: "").split(whereSeparator: { $0.isWhitespace }).map(String.init)
            for word in ["fiets,", "officieel", "bijeenkomst", "burgerparticipatie", "ontmoetingsmogelijkheden."] {
                XCTAssertTrue(words.contains(word), "\(word) in \(words)")
            }
            XCTAssertFalse(text.contains("\u{FB01}"), "no ligature character in the text")
        }
    }

    func testMetadataAndPinnedDate() throws {
        try forEachWriter {
            let info = try Tool.run("pdfinfo", [try write(specimen()).path]).output
            XCTAssertTrue(info.contains("Title:           Proef"), info)
            XCTAssertTrue(info.contains("Author:          Auteur"), info)
            XCTAssertTrue(info.contains("Creator:         swan-tests"), info)
            XCTAssertTrue(info.contains("Tue Nov 14 22:13:20 2023 UTC"), info)
        }
    }

    func testTwoRendersAreByteIdentical() throws {
        try forEachWriter {
            let a = try write(specimen(), name: "a.pdf"), b = try write(specimen(), name: "b.pdf")
            XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
        }
    }

    func testOutlineEntriesBecomeBookmarks() throws {
        try forEachWriter {
            let url = try write(specimen())
            let json = try Tool.run("qpdf", ["--json", "--json-key=outlines", url.path]).output
            XCTAssertTrue(json.contains("\"Begin\""), json)
            XCTAssertTrue(json.contains("\"Onder\""), json)
        }
    }

    func testPageBoxesAreWritten() throws {
        try forEachWriter {
            var document = specimen()
            document.pages[0].trimBox = Rect(x: mm(3), y: mm(3), width: mm(94), height: mm(94))
            document.pages[0].bleedBox = Rect(x: 0, y: 0, width: mm(100), height: mm(100))
            let url = try write(document)
            XCTAssertEqual(try Tool.run("qpdf", ["--check", url.path]).status, 0)
            let boxes = try Tool.run("pdfinfo", ["-box", url.path]).output
            XCTAssertNotNil(boxes.range(of: #"TrimBox: +8\.50 +8\.50 +274\.96 +274\.96"#, options: .regularExpression), boxes)
        }
    }

    func testFailedWriteLeavesNoFile() throws {
        let folder = TemporaryFolder.make("swan-render")
        let url = folder.appendingPathComponent("kapot.pdf")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data("half".utf8), to: url)) { error in
            XCTAssertEqual(error as? FileError, FileError(.write, url.path, .isFolder))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["kapot.pdf"])
    }

    /// Our PNG encoder (libpng, chosen level and filter) against cairo_surface_write_to_png on
    /// the same drawing: both read back by cairo's PNG reader, the same size and every pixel
    /// equal; the same page twice gives the same bytes.
    func testPNGEncoderIsPixelIdenticalToCairosWriter() throws {
        let page = specimen().pages[0]
        let folder = TemporaryFolder.make("swan-render")
        let ours = try TestExporters.png.data(page, dpi: 150), theirs = try TestExporters.png.cairoData(page, dpi: 150)
        XCTAssertEqual(ours, try TestExporters.png.data(page, dpi: 150), "reproducible")
        try ours.write(to: folder.appendingPathComponent("ours.png"))
        try theirs.write(to: folder.appendingPathComponent("cairo.png"))
        let a = try PNGImage(contentsOf: folder.appendingPathComponent("ours.png"))
        let b = try PNGImage(contentsOf: folder.appendingPathComponent("cairo.png"))
        XCTAssertEqual(a.width, Int((mm(100) * 150 / 72).rounded(.up)))
        XCTAssertEqual([a.width, a.height], [b.width, b.height])
        XCTAssertGreaterThan(a.count { $0.isDark }, 500, "the page's text is in the image")
        let different = zip(a.pixels, b.pixels).filter { $0 != $1 }.count
        XCTAssertEqual(different, 0, "pixels that differ from cairo's PNG")
    }

    /// The page as pixels (read back by cairo's PNG reader): the page's size at the asked
    /// resolution, a white background, the text's ink where the text is set, and the dashed
    /// frame in its colour. A blank image fails.
    func testPNGPage() throws {
        let url = TemporaryFolder.make("swan-render").appendingPathComponent("p.png")
        try TestExporters.png.write(specimen().pages[0], to: url, dpi: 72)
        let image = try PNGImage(contentsOf: url)
        let side = Int(mm(100).rounded(.up))  // 72 dpi: one pixel per point
        XCTAssertEqual(image.width, side)
        XCTAssertEqual(image.height, side)
        XCTAssertEqual(image.dominantColour, .white, "white background")
        // The text starts at 10 mm from the top left and is 40 mm wide.
        let textArea = (x: Int(mm(10))..<Int(mm(50)), y: Int(mm(10))..<Int(mm(40)))
        let ink = image.count(x: textArea.x, y: textArea.y) { $0.isDark }
        XCTAssertGreaterThan(ink, 200, "text ink in the text area")
        XCTAssertEqual(image.count(x: Int(mm(55))..<Int(mm(85)), y: Int(mm(60))..<Int(mm(85))) { $0.isDark }, 0,
                       "no ink where nothing is set")
        // The dashed frame at 5 mm: its blue (#336699, blended with white where the 1 pt stroke
        // covers part of a pixel) along its left side, with gaps (dashed, not solid).
        let column = Int(mm(5).rounded())
        let onFrame = (Int(mm(10))..<Int(mm(90))).filter { y in
            (column - 1...column + 1).contains { let pixel = image.pixel(x: $0, y: y); return Int(pixel.blue) - Int(pixel.red) > 40 }
        }
        XCTAssertGreaterThan(onFrame.count, Int(mm(80)) / 3, "the frame's colour along its left side")
        XCTAssertLessThan(onFrame.count, Int(mm(80)) * 9 / 10, "the frame is dashed")
    }

    /// The oracle of the test above: a blank page of the same size must fail its ink check.
    func testBlankPNGHasNoInk() throws {
        let url = TemporaryFolder.make("swan-render").appendingPathComponent("blank.png")
        try TestExporters.png.write(Page(size: Size.millimetres(100, 100)), to: url, dpi: 72)
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual(image.distinctColours, 1)
        XCTAssertEqual(image.count { $0.isDark }, 0)
    }

    func testSourceDateEpochWins() {
        XCTAssertEqual(ReproducibleDate.resolve(environment: ["SOURCE_DATE_EPOCH": "86400"]), Date(timeIntervalSince1970: 86400))
        XCTAssertEqual(ReproducibleDate.resolve(environment: [:], fallback: date), date)
    }
}

final class DrawingPrimitivesTests: XCTestCase {
    /// Rectangles (rounded, filled, stroked), solid and dashed lines all reach the PDF.
    func testShapesAreDrawn() throws {
        let folder = TemporaryFolder.make("swan-render")
        var page = Page(size: Size.millimetres(100, 60))
        page.add(.rectangle(Rect(x: 100, y: 10, width: 40, height: 40), cornerRadius: 6, fill: Colour(hex: "#F2C230"),
                            stroke: Stroke(colour: .black, width: 1)))
        page.add(.line(from: Point(x: 10, y: 100), to: Point(x: 200, y: 100), stroke: Stroke(colour: .black, width: 0.5)))
        page.add(.line(from: Point(x: 10, y: 120), to: Point(x: 200, y: 120),
                       stroke: Stroke(colour: .black, width: 0.5, style: .dashed(on: 3, off: 2))))
        let document = Document(info: DocumentInfo(title: "vormen", creationDate: Date(timeIntervalSince1970: 0)), pages: [page])
        for (name, exporter) in [("native", TestExporters.native as any DocumentExporter), ("cairo", CairoPDFExporter())] {
            let pdf = folder.appendingPathComponent("shapes-\(name).pdf")
            try exporter.write(document, to: pdf)
            XCTAssertEqual(try Tool.run("qpdf", ["--check", pdf.path]).status, 0, name)
            // The dash pattern is in the content stream.
            let content = try Tool.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, "-"]).output
            XCTAssertTrue(content.contains("[ 3 2] 0 d") || content.contains("[3 2] 0 d"), "\(name): dashed line")
        }
    }
}
