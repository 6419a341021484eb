/// Hostile Unicode in every text field of generated sessions, set by the engine (typesetter,
/// paginator, PDF renderer) and read back with pdftotext: no crash, no character the fonts can
/// show is lost, and every character they cannot show is reported as a missing glyph.
/// (Through the engine until the filled invulblad lands; see InvulbladUnicodeTests when it does.)
import Foundation
import SwanTestSupport
import XCTest
import SwanLayout
import SwanSession

final class EngineUnicodeTests: XCTestCase {
    static let engine: Engine = try! Engine(fonts: FontFiles.notoSans(in: PropertySupport.packageRoot.appendingPathComponent("Fonts")),
                                            noHyphenation: ["SWAN"])
    static let seeds: ClosedRange<UInt64> = 1...10

    /// Lays out `fields` one after the other on A4 pages and writes the PDF.
    func render(_ fields: [(field: String, text: String)], style: TextStyle, to url: URL) throws -> TextLayout {
        let engine = Self.engine
        let width = mm(170), frame = mm(257)
        var blocks: [TextBlock] = []
        for (field, text) in fields {
            blocks.append(TextBlock(field, style: TextStyle(size: 8, bold: true)))
            blocks += text.components(separatedBy: "\n").map { TextBlock($0, style: style) }
        }
        let layout = engine.typesetter.layout(blocks, width: width)
        let frames = Paginator().paginate(layout.lines, frameHeight: { _ in frame })
        var document = Document(info: DocumentInfo(title: "property test", creator: "swan tests",
                                                   creationDate: Date(timeIntervalSince1970: 0)))
        for placed in frames {
            var page = Page(size: Size(width: mm(210), height: mm(297)))
            for line in placed {
                for run in line.line.runs { page.add(.text(run.offsetBy(dx: mm(20), dy: mm(20) + line.top))) }
            }
            document.pages.append(page)
        }
        if document.pages.isEmpty { document.pages.append(Page(size: Size(width: mm(210), height: mm(297)))) }
        try TestExporters.pdf.write(document, to: url)
        return layout
    }

    func testHostileSessionTextsKeepEveryShowableCharacterAndReportTheRest() throws {
        let folder = PropertySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let styles = [TextStyle(size: 10), TextStyle(size: 9, bold: true), TextStyle(size: 11, italic: true),
                      TextStyle(size: 10, alignment: .justify)]
        for seed in Self.seeds {
            let session = SessionTexts.hostile(seed: seed)
            let fields = SessionTexts.all(session)
            let style = styles[Int(seed) % styles.count]
            let url = folder.appendingPathComponent("session-\(seed).pdf")
            let layout = try render(fields, style: style, to: url)
            let extracted = try PropertySupport.extractText(url)
            let fonts = Self.engine.fonts
            let fontStyle = FontStyle(bold: style.bold, italic: style.italic)
            let reported = Set(layout.missing.map(\.character))
            for (field, text) in fields {
                let expected = GlyphExpectations(text, fonts: fonts, styles: [fontStyle])
                let lost = expected.lost(in: extracted)
                XCTAssert(lost.isEmpty, "seed \(seed), \(field): lost \(describe(lost)) of \(text.debugDescription)")
                let unreported = expected.unshowable.subtracting(reported)
                XCTAssert(unreported.isEmpty, "seed \(seed), \(field): not reported: \(unreported.map { "'\($0)' (\($0.codes))" }.joined(separator: ", "))")
            }
            // Nothing is reported that a face of the chain can show (controls no face has may be).
            let wronglyReported = layout.missing.filter {
                $0.character.unicodeScalars.allSatisfy(fonts.face(for: $0.character, style: fontStyle).covers)
            }
            XCTAssert(wronglyReported.isEmpty, "seed \(seed): reported as missing but shown: \(wronglyReported)")
        }
    }

    /// Words far wider than the measure, with no break opportunity, in narrow boxes too.
    func testVeryLongWordsAreBrokenWithoutLoss() throws {
        var random = SeededRandom(seed: 7)
        for width in [mm(8), mm(10), mm(40), mm(70), mm(170)] {
            let word = HostileText.longWord(&random) + HostileText.combining(&random) + HostileText.longWord(&random)
            let layout = Self.engine.typesetter.layout([TextBlock(word, style: TextStyle(size: 10))], width: width)
            XCTAssertFalse(layout.lines.isEmpty)
            XCTAssertTrue(layout.missing.isEmpty, "\(layout.missing)")
            for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width + 0.01, "a line overflows \(width) pt") }
            let set = layout.lines.map(\.text).joined().filter { !$0.isWhitespace && $0 != "-" && $0 != "\u{2010}" }
            XCTAssertEqual(String(set), String(word.filter { !$0.isWhitespace }), "width \(width)")
        }
    }

    /// Text made only of characters that print nothing: no crash, no line past the measure, no
    /// more lines than its line breaks make, and no ink except a reported missing glyph (a box
    /// drawn for a character no font has is reported; an invisible one takes no width).
    func testInvisibleOnlyTextSetsNoInkUnreported() throws {
        let width = mm(50)
        for text in HostileText.controls + ["", " ", "\n\n", "\u{200B}\u{200B}", "\u{202E}\u{202C}", "\u{0000}", "\u{2029}\u{2029}"] {
            let name = text.unicodeScalars.map(\.code).joined(separator: " ")
            let layout = Self.engine.typesetter.layout([TextBlock(text, style: TextStyle(size: 10))], width: width)
            let breaks = text.filter { $0.isNewline }.count
            XCTAssertFalse(layout.lines.isEmpty, "\(name): a paragraph has at least one (empty) line")
            XCTAssertLessThanOrEqual(layout.lines.count, breaks + 1, "\(name): no lines of nothing")
            let reported = Set(layout.missing.map(\.character))
            for line in layout.lines {
                XCTAssertLessThanOrEqual(line.width, width, name)
                for run in line.runs where run.width > 0.01 {
                    let unreported = run.text.filter { !reported.contains($0) }
                    XCTAssertEqual(unreported, "", "\(name): \(run.width) pt of ink for \(unreported.unicodeScalars.map(\.code)) with no warning")
                }
            }
            for missing in layout.missing { XCTAssertTrue(text.contains(missing.character), "\(name): reported a character it does not have") }
        }
    }
}

/// The oracle itself: it must notice a lost character, or the properties above prove nothing.
final class GlyphExpectationsTests: XCTestCase {
    func testTheOracleNoticesALostCharacter() {
        let fonts = EngineUnicodeTests.engine.fonts
        let text = "Zoë e\u{0301}n Łukasz שלום 😀 \u{10FFFD}"
        let expected = GlyphExpectations(text, fonts: fonts)
        XCTAssertEqual(expected.lost(in: "Zoë én Łukasz םולש 😀"), [], "right-to-left text may come out reordered, not lost")
        XCTAssertEqual(expected.lost(in: "Zoe én Łukasz שלום 😀").map(\.code), ["U+0308"])
        XCTAssertEqual(expected.lost(in: "Zoë én Łukas שלום 😀").map(\.code), ["U+007A"])
        XCTAssertEqual(expected.lost(in: "Zoë én Łukasz שלום").map(\.code), ["U+1F600"])
        XCTAssertEqual(expected.unshowable, ["\u{10FFFD}"], "the fallback faces show Hebrew and emoji; nothing shows plane 16's private use")
    }
}
