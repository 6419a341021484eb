import XCTest
import SwanTestSupport
@testable import SwanLayout
@testable import SwanPDF

/// What the native writer writes that cairo 1.16 cannot, checked with qpdf, poppler and mupdf.
final class NativePDFWriterTests: XCTestCase {
    let engine = TestEngine.shared

    private func document(_ text: String, width: Double = mm(80)) -> Document {
        let layout = engine.typesetter.layout([TextBlock(text, style: TextStyle(size: 11, leading: 14))], width: width)
        var page = Page(size: Size.millimetres(100, 100))
        page.add(layout.items(at: Point(x: mm(10), y: mm(10))))
        page.trimBox = Rect(x: mm(3), y: mm(3), width: mm(94), height: mm(94))
        page.bleedBox = Rect(x: 0, y: 0, width: mm(100), height: mm(100))
        let info = DocumentInfo(title: "Proef é", author: "Auteur", creationDate: Date(timeIntervalSince1970: 1_700_000_000),
                                duplex: .flipLongEdge, printAtActualSize: true)
        return Document(info: info, pages: [page])
    }

    private func write(_ document: Document, with exporter: NativePDFExporter? = nil) throws -> URL {
        let url = TemporaryFolder.make("swan-pdf").appendingPathComponent("native.pdf")
        try (exporter ?? TestExporters.native).write(document, to: url)
        return url
    }

    /// The uncompressed object structure, as qpdf rewrites it.
    private func structure(_ url: URL) throws -> String {
        try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, "-"]).output
    }

    func testBoxesPreferencesDatesAndFontsAreWrittenDirectly() throws {
        let url = try write(document("Een fiets voor de bijeenkomst."))
        XCTAssertEqual(try Tool.run("qpdf", ["--check", url.path]).status, 0)
        let boxes = try Tool.run("pdfinfo", ["-box", url.path]).output
        XCTAssertNotNil(boxes.range(of: #"TrimBox: +8\.50 +8\.50 +274\.96 +274\.96"#, options: .regularExpression), boxes)
        XCTAssertNotNil(boxes.range(of: #"BleedBox: +0\.00 +0\.00 +283\.46 +283\.46"#, options: .regularExpression), boxes)
        XCTAssertTrue(boxes.contains("Title:           Proef é"), boxes)
        let objects = try structure(url)
        XCTAssertTrue(objects.contains("/Duplex /DuplexFlipLongEdge"), "viewer preferences")
        XCTAssertTrue(objects.contains("/PrintScaling /None"))
        XCTAssertTrue(objects.contains("/CreationDate (D:20231114221320Z)"), "dates with the D: prefix")
        XCTAssertTrue(objects.contains("/CIDToGIDMap /Identity"))
        XCTAssertTrue(objects.contains("/Encoding /Identity-H"))
        XCTAssertNotNil(objects.range(of: #"/ID \[\s*<[0-9a-f]{32}>"#, options: .regularExpression), "a trailer /ID")
        for line in try Tool.run("pdffonts", [url.path]).output.split(separator: "\n").dropFirst(2) {
            XCTAssertTrue(line.contains("CID TrueType") && line.contains("yes yes yes"), String(line))
        }
    }

    func testLigaturesAndCharactersOutsideTheRepertoireExtractAsTheirText() throws {
        // "fi" shapes to one ligature glyph; Greek and ŋ lie outside the run-wide subset.
        let text = "Officiële fietsen ŋ αβγ"
        let url = try write(document(text))
        let extracted = try Tool.run("pdftotext", [url.path, "-"]).output
        XCTAssertEqual(extracted.trimmingCharacters(in: .whitespacesAndNewlines), text)
        let content = try structure(url)
        XCTAssertTrue(content.contains("/ActualText"), "the ligature has an ActualText span")
        let mupdf = try Tool.run("mutool", ["draw", "-F", "txt", "-o", "-", url.path]).output
        XCTAssertEqual(mupdf.trimmingCharacters(in: .whitespacesAndNewlines), text, "mupdf reads the same text")
    }

    func testSameDocumentSameBytesWhateverTheRunWroteBefore() throws {
        let target = document("Een fiets voor de bijeenkomst.")
        let fresh = try NativePDFExporter().export(target)
        let warm = NativePDFExporter()
        _ = try warm.export(document("Iets heel anders: ŋ αβγ, Ÿ en € — met “aanhalingstekens”."))
        XCTAssertEqual(try warm.export(target), fresh, "run-wide font work does not leak into other documents' bytes")
        XCTAssertEqual(try NativePDFExporter().export(target), fresh)
    }

    func testNumbersAreFormattedByHand() {
        XCTAssertEqual(PDFNumber.format(0), "0")
        XCTAssertEqual(PDFNumber.format(-0.0004), "0")
        XCTAssertEqual(PDFNumber.format(1.5), "1.5")
        XCTAssertEqual(PDFNumber.format(-12.3456), "-12.346")
        XCTAssertEqual(PDFNumber.format(0.1 + 0.2), "0.3")
        XCTAssertEqual(PDFNumber.format(841.889764, decimals: 6), "841.889764")
        XCTAssertEqual(PDFNumber.format(1e9), "1000000000")
        // Zeros after the point kept, trailing ones dropped.
        XCTAssertEqual(PDFNumber.format(0.05), "0.05")
        XCTAssertEqual(PDFNumber.format(-2.007), "-2.007")
        XCTAssertEqual(PDFNumber.format(3.0101), "3.01")
        XCTAssertEqual(PDFNumber.format(1.000001, decimals: 6), "1.000001")
        XCTAssertEqual(PDFNumber.format(0.12, decimals: 6), "0.12")
        XCTAssertEqual(PDFNumber.format(.nan), "0")
        XCTAssertEqual(PDFDate.pdf(Date(timeIntervalSince1970: 0)), "D:19700101000000Z")
        XCTAssertEqual(PDFDate.iso8601(Date(timeIntervalSince1970: 1_700_000_000)), "2023-11-14T22:13:20Z")
    }
}
