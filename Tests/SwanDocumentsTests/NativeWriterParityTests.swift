import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanPDF
import SwanRender
import SwanSession
import SwanTestSupport

/// The native writer against cairo, its reference, on every document of the default set and a
/// sample of archived sessions: the same text (pdftotext), the same pixels within
/// anti-aliasing (poppler and mupdf), `qpdf --check` clean, fonts embedded, subset and mapped
/// to Unicode, and the same bytes on every run.
final class NativeWriterParityTests: XCTestCase {
    /// Pixel tolerance at 40 dpi in 8-bit grey: a pixel "differs" when it is more than 32 levels
    /// apart; at most 0.5 % of a page's pixels may differ, none by more than 128. Measured
    /// worst case on the default set: 0.13 % of pixels, 66 levels (glyph and curve edges, where
    /// cairo's and our path/position rounding differ by a few thousandths of a point).
    static let differingLevel = 32, worstLevel = 128, differingShare = 0.005
    static let sampleSessions = 24

    static func documents() throws -> [(String, Document)] {
        let context = try FormsTest.context()
        let cards = context.deck.cards
        var documents: [(String, Document)] = [
            ("kaarten-thuis-printen", try CardSheets.make(cards, context, diagnostics: Diagnostics()).document),
            // In RGB: cairo draws in RGB only (the CMYK file is checked in PrintShopCMYKTests).
            ("kaarten-drukker", try PrintShopDocument.make(cards, context, colour: .rgb, diagnostics: Diagnostics()).document),
            ("specimen", try SpecimenDocument.make(context)),
            ("invulblad", try InvulbladDocument.blank(context, diagnostics: Diagnostics())),
            ("checklist", try ChecklistDocument.make(context, diagnostics: Diagnostics())),
            ("handleiding", try HandleidingDocument.make(context, diagnostics: Diagnostics())),
        ]
        let vocabulary = SessionVocabulary(deck: context.deck)
        for name in ["voorbeeld-uitgebreid", "voorbeeld-minimaal"] {
            let data = try Data(contentsOf: FormsTest.sessions.appendingPathComponent("\(name).json"))
            let session = try SessionDecoder.decode(data, source: name, vocabulary: vocabulary)
            documents.append((name, try InvulbladDocument.filled(session, context, diagnostics: Diagnostics())))
        }
        // Archived sessions: generated ones, every seventh with a long answer that runs over pages.
        for seed in 1...sampleSessions {
            let session = SessionGenerator.make(seed: UInt64(seed * 7919), longField: seed % 7 == 0 ? 6000 : nil, vocabulary: vocabulary)
            documents.append(("sessie-\(seed)", try InvulbladDocument.filled(session, context, diagnostics: Diagnostics())))
        }
        return documents
    }

    func testNativeMatchesCairoOnTheDefaultSetAndArchivedSessions() throws {
        let folder = try FormsTest.temporaryDirectory()
        let documents = try Self.documents()
        let cairo = CairoPDFExporter()
        for (name, document) in documents {
            let native = folder.appendingPathComponent("\(name)-native.pdf"), reference = folder.appendingPathComponent("\(name)-cairo.pdf")
            try TestExporters.native.write(document, to: native)
            try cairo.write(document, to: reference)

            XCTAssertEqual(try FormsTest.run("qpdf", ["--check", native.path]).status, 0, "\(name): qpdf --check")
            // Text in content order is identical; poppler's layout analysis may group a block
            // into another flow on a difference of 3e-6 pt (cairo's rounding), so empty lines
            // are left out of the layout comparison.
            XCTAssertEqual(try FormsTest.run("pdftotext", ["-raw", "-enc", "UTF-8", native.path, "-"]).output,
                           try FormsTest.run("pdftotext", ["-raw", "-enc", "UTF-8", reference.path, "-"]).output, "\(name): pdftotext -raw")
            func lines(_ url: URL) throws -> [Substring] { try FormsTest.text(url).split(separator: "\n", omittingEmptySubsequences: true) }
            XCTAssertEqual(try lines(native), try lines(reference), "\(name): pdftotext")
            let fonts = try FormsTest.run("pdffonts", [native.path]).output.split(separator: "\n").dropFirst(2)
            XCTAssertFalse(fonts.isEmpty, name)
            for font in fonts {
                XCTAssertTrue(font.contains("CID TrueType") && font.contains("yes yes yes") && font.dropFirst(6).hasPrefix("+"), "\(name): \(font)")
            }
            let again = try NativePDFExporter().export(document)
            XCTAssertEqual(try Data(contentsOf: native), again, "\(name): the same bytes from a fresh writer")
        }
        // Pixels for the default set and every fourth session (rasterising is the slow part).
        for (index, (name, _)) in documents.enumerated() where index < 8 || index % 4 == 0 {
            for renderer in [Raster.poppler, Raster.mupdf] {
                let a = try Raster.pages(folder.appendingPathComponent("\(name)-native.pdf"), renderer)
                let b = try Raster.pages(folder.appendingPathComponent("\(name)-cairo.pdf"), renderer)
                XCTAssertEqual(a.count, b.count, "\(name): page count (\(renderer))")
                for (page, (x, y)) in zip(a, b).enumerated() {
                    guard x.width == y.width, x.height == y.height else { XCTFail("\(name) p\(page + 1): page size"); continue }
                    var differing = 0, worst = 0
                    for i in 0..<x.pixels.count {
                        let d = abs(Int(x.pixels[i]) - Int(y.pixels[i]))
                        if d > Self.differingLevel { differing += 1 }
                        worst = max(worst, d)
                    }
                    let share = Double(differing) / Double(x.pixels.count)
                    XCTAssertLessThanOrEqual(share, Self.differingShare, "\(name) p\(page + 1) (\(renderer)): \(differing) pixels differ")
                    XCTAssertLessThanOrEqual(worst, Self.worstLevel, "\(name) p\(page + 1) (\(renderer))")
                }
            }
        }
    }
}

/// Pages rasterised in 8-bit grey (binary PGM) by poppler or mupdf.
enum Raster: CustomStringConvertible {
    case poppler, mupdf
    var description: String { self == .poppler ? "poppler" : "mupdf" }

    struct Image { let width: Int, height: Int, pixels: [UInt8] }

    static func pages(_ pdf: URL, _ renderer: Raster, dpi: Int = 40) throws -> [Image] {
        let folder = TemporaryFolder.make("swan-raster")
        defer { try? FileManager.default.removeItem(at: folder) }
        switch renderer {
        case .poppler: try Tool.run("pdftoppm", ["-r", String(dpi), "-gray", pdf.path, folder.appendingPathComponent("p").path])
        case .mupdf: try Tool.run("mutool", ["draw", "-q", "-r", String(dpi), "-c", "gray", "-o", folder.appendingPathComponent("p-%04d.pgm").path, pdf.path])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }
        // pdftoppm pads page numbers to the page count's width, mutool to four digits: sort numerically.
        func number(_ file: String) -> Int { Int(file.split(whereSeparator: { !$0.isNumber }).last ?? "") ?? 0 }
        return try files.sorted { number($0) < number($1) }.map { try read(folder.appendingPathComponent($0)) }
    }

    /// P5: "P5", width, height, maxval, one white-space byte, then the pixels.
    static func read(_ url: URL) throws -> Image {
        let data = [UInt8](try Data(contentsOf: url))
        var fields: [Int] = []
        var i = 2
        while fields.count < 3 {
            while i < data.count && (data[i] == 0x20 || data[i] == 0x0A || data[i] == 0x0D || data[i] == 0x09) { i += 1 }
            var value = 0
            while i < data.count && data[i] >= 0x30 && data[i] <= 0x39 { value = value * 10 + Int(data[i] - 0x30); i += 1 }
            fields.append(value)
        }
        i += 1
        let width = fields[0], height = fields[1]
        guard data.count - i >= width * height else { throw XCTSkip("unreadable PGM \(url.lastPathComponent)") }
        return Image(width: width, height: height, pixels: Array(data[i..<(i + width * height)]))
    }
}
