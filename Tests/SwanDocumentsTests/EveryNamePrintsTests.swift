/// Issue 16: names and sentences in every script print, in session fields and on the cards of a
/// copied deck: no missing-glyph warning, the fallback faces embedded, the text extracted in
/// logical order, right-to-left text reordered on the page, Chinese wrapped between characters.
import Foundation
import XCTest
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanSession
import SwanTestSupport

final class EveryNamePrintsTests: XCTestCase {
    /// One name per script, and emoji with a skin tone and a ZWJ family.
    static let names = [
        "محمد العلي", "דוד כהן", "李小龍", "山田 太郎", "김민준", "Γιώργος Παπαδόπουλος", "Иван Петров",
        "अमित शर्मा", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "Ayşe 👍🏽", "👨‍👩‍👧",
    ]
    static let mixed = "Mevrouw K. heet eigenlijk فاطمة الزهراء en haar buurman heet שלום עליכם; daarna komt de Nederlandse tekst weer terug."
    static let chinese = String(repeating: "这是一个很长的中文句子，用来测试中文换行是否正确。", count: 4) + "日本語の文章も同じように折り返されるべきです。"

    /// The fallback faces these texts need, as pdffonts names them (after the subset tag).
    static let fallbackFaces = ["NotoSansArabic", "NotoSansHebrew", "DroidSansFallback", "NanumGothic",
                                "NotoSansDevanagari", "NotoSansTifinagh", "Symbola"]

    func session() throws -> Session {
        let vocabulary = SessionVocabulary(deck: try FormsTest.context().deck)
        var session = try SessionFile.read(FormsTest.sessions.appendingPathComponent("voorbeeld-uitgebreid.json"), vocabulary: vocabulary)
        session.inbrenger = Self.names[0]
        session.gespreksleider = Self.names[1]
        session.schrijver = Self.names[2]
        session.deelnemers = Array(Self.names[3...])
        session.omschrijving = Self.mixed
        session.ronde1?.bereiken = Self.chinese
        return session
    }

    /// Text for comparing: no white space and no bidi marks (pdftotext wraps right-to-left
    /// stretches in U+202B … U+202C).
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && !(0x202A...0x202E).contains($0.value)
        }))
    }

    func testNamesInEveryScriptPrintInTheSessionFields() throws {
        let context = try FormsTest.context()
        let diagnostics = Diagnostics()
        let document = try InvulbladDocument.filled(try session(), context, diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.warnings.map(\.englishText), [], "no missing-glyph warning")
        let pdf = try FormsTest.write(document, name: "names.pdf")
        try FormsTest.assertWellFormed(pdf)

        let fonts = try FormsTest.run("pdffonts", [pdf.path]).output
        for face in Self.fallbackFaces {
            let line = fonts.split(separator: "\n").first { $0.contains("+\(face)") }
            XCTAssertNotNil(line, "\(face) embedded:\n\(fonts)")
            // emb sub uni: yes yes yes
            XCTAssertEqual(line.map { $0.split(separator: " ").filter { $0 == "yes" }.count }, 3, "\(face) embedded, subset, with a Unicode map")
        }

        let text = Self.plain(try FormsTest.text(pdf))
        for name in Self.names { XCTAssertTrue(text.contains(Self.plain(name)), "\(name) comes out in logical order") }
        // The mixed sentence: the Dutch words, the Arabic and the Hebrew names each in logical order.
        for part in ["Mevrouw K. heet eigenlijk", "فاطمة الزهراء", "שלום עליכם", "daarna komt de Nederlandse tekst weer terug."] {
            XCTAssertTrue(text.contains(Self.plain(part)), "\(part) in \(text.prefix(400))")
        }
        // The Chinese text wraps between characters: it takes several lines, none past the measure.
        XCTAssertTrue(text.contains(Self.plain(String(Self.chinese.prefix(20)))))
    }

    /// On the page: an Arabic name alone in a field is right-aligned (its paragraph is right to
    /// left), its letters joined (fewer glyphs than letters would not hold for isolated forms,
    /// so check the glyphs are contextual forms: not the cmap's nominal glyphs), and in a Dutch
    /// line the Arabic words stand right to left.
    func testRightToLeftTextIsReorderedAndJoined() throws {
        let typesetter = try FormsTest.context().typesetter
        let style = TextStyle(size: 10)
        let width = mm(100)
        let name = typesetter.layout([TextBlock(Self.names[0], style: style)], width: width)
        let runs = try XCTUnwrap(name.lines.first?.runs)
        let run = try XCTUnwrap(runs.first)
        XCTAssertTrue(runs.allSatisfy(\.rightToLeft))
        XCTAssertEqual(runs.map { $0.origin.x + $0.width }.max() ?? 0, width, accuracy: 0.01, "a right-to-left paragraph starts at the right")
        let nominal = Set(Self.names[0].unicodeScalars.compactMap { run.font.glyph(for: $0) })
        XCTAssertFalse(run.glyphs.allSatisfy { nominal.contains($0.id) }, "Arabic letters take their joining forms")

        let line = typesetter.layout([TextBlock("Naam: محمد العلي (Utrecht)", style: style)], width: width).lines[0]
        let arabic = line.runs.filter(\.rightToLeft)
        XCTAssertEqual(line.runs.first?.text.hasPrefix("Naam:"), true, "a Dutch paragraph stays left to right")
        // "محمد" (logically first) stands to the right of "العلي".
        let first = try XCTUnwrap(arabic.first { $0.text.contains("محمد") })
        let second = try XCTUnwrap(arabic.first { $0.text.contains("العلي") })
        XCTAssertGreaterThan(first.origin.x, second.origin.x)
    }

    /// In a right-to-left paragraph the brackets are mirrored (HarfBuzz in a right-to-left run):
    /// "(" draws the glyph of ")" and stays "(" in the text.
    func testBracketsAreMirroredInRightToLeftText() throws {
        let typesetter = try FormsTest.context().typesetter
        let text = "محمد (العلي)"
        let line = typesetter.layout([TextBlock(text, style: TextStyle(size: 10))], width: mm(100)).lines[0]
        let open = try XCTUnwrap(line.runs.first { $0.text.hasPrefix("(") })
        XCTAssertTrue(open.rightToLeft)
        XCTAssertEqual(open.glyphs.first?.id, open.font.glyph(for: ")"), "mirrored")
        let close = try XCTUnwrap(line.runs.first { $0.text.hasPrefix(")") })
        XCTAssertEqual(close.glyphs.first?.id, close.font.glyph(for: "("), "mirrored")
        // Visual order right to left: محمد rightmost, then "(", العلي, ")" leftmost.
        XCTAssertLessThan(close.origin.x, open.origin.x)
    }

    func testChineseWrapsBetweenCharactersAndNeverBeforeAFullStop() throws {
        let typesetter = try FormsTest.context().typesetter
        let layout = typesetter.layout([TextBlock(Self.chinese, style: TextStyle(size: 10))], width: mm(60))
        XCTAssertGreaterThan(layout.lines.count, 4)
        for line in layout.lines {
            XCTAssertLessThanOrEqual(line.width, mm(60) + 0.01)
            XCTAssertFalse(line.text.hasPrefix("。") || line.text.hasPrefix("，"), "UAX #14: no line starts with \(line.text.prefix(1))")
        }
        XCTAssertEqual(layout.lines.map(\.text).joined(), Self.chinese, "nothing lost, nothing hyphenated")
    }

    func testEmojiWithSkinToneAndZWJAreOneCluster() throws {
        let typesetter = try FormsTest.context().typesetter
        let layout = typesetter.layout([TextBlock("👍🏽👨‍👩‍👧", style: TextStyle(size: 10))], width: mm(2))
        // Far too narrow: the emergency breaks fall between the two clusters, never inside one.
        XCTAssertEqual(layout.lines.map(\.text), ["👍🏽", "👨‍👩‍👧"])
        XCTAssertEqual(layout.missing, [])
    }

    func testNamesPrintOnTheCardsOfACopiedDeck() throws {
        var deck = CardsTestSupport.context.deck
        deck.cards = Array(deck.cards.prefix(Self.names.count))
        for (index, name) in Self.names.enumerated() {
            deck.cards[index].front.title = name
            deck.cards[index].front.question = index == 0 ? "Zij heet فاطمة, hij שלום." : nil
        }
        let context = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000))
        let diagnostics = Diagnostics()
        // Without crop marks: cairo and poppler draw 0.25 pt hairlines with different
        // anti-aliasing, and this compares the glyphs' ink.
        let sheets = try CardSheets.make(deck.cards, context, options: CardSheetOptions(cropMarks: false), diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.warnings.map(\.englishText), [], "no missing-glyph warning")
        let folder = CardsTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("cards.pdf")
        try TestExporters.pdf.write(sheets.document, to: pdf)
        let text = Self.plain(try FormsTest.text(pdf))
        for name in Self.names { XCTAssertTrue(text.contains(Self.plain(name)), "\(name) on its card") }
        let fonts = try FormsTest.run("pdffonts", [pdf.path]).output
        for face in Self.fallbackFaces { XCTAssertTrue(fonts.contains("+\(face)"), "\(face) embedded") }
        try assertEachScriptIsPrintedInItsFamily(pdf)
        // The cairo preview draws the same glyphs as the PDF: the first sheet (every name on it)
        // drawn by cairo and the native PDF drawn by poppler have as much ink, within anti-aliasing
        // (measured: 3723 and 3921 dark pixels at 72 dpi, the same glyphs when looked at; a face
        // missing on either side would leave boxes or nothing).
        let png = folder.appendingPathComponent("cairo.png")
        try TestExporters.png.write(sheets.document.pages[0], to: png, dpi: 72)
        try FormsTest.run("pdftoppm", ["-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path,
                                       folder.appendingPathComponent("poppler").path])
        let cairo = try PNGImage(contentsOf: png)
        let poppler = try PNGImage(contentsOf: folder.appendingPathComponent("poppler.png"))
        let cairoInk = cairo.count { $0.isDark }, popplerInk = poppler.count { $0.isDark }
        XCTAssertGreaterThan(cairoInk, 1000)
        XCTAssertEqual(Double(cairoInk), Double(popplerInk), accuracy: Double(popplerInk) * 0.1, "cairo \(cairoInk), poppler \(popplerInk)")
    }

    /// The card titles (bold) and the first card's question (regular), as mupdf reads each
    /// character's font: every script in a face of its family (README, "Fonts for other
    /// scripts"), and bold titles in the family's bold face where the package has one. Bold
    /// Hangul in NanumSquare (issue 25) or a bold from another family fails here.
    static let families: [(text: String, family: String, bold: Bool)] = [
        ("محمد العلي", "NotoSansArabic", true), ("דוד כהן", "NotoSansHebrew", true), ("李小龍山田太郎", "DroidSansFallback", false),
        ("김민준", "NanumGothic", true), ("अमित", "NotoSansDevanagari", true), ("ⵜⴰⵎⴰⵣⵉⵖⵜ", "NotoSansTifinagh", false),
        ("👍👨👩👧", "Symbola", false), ("ΓιώργοςИванAyşe", "NotoSans", true),
    ]

    func assertEachScriptIsPrintedInItsFamily(_ pdf: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let stext = try FormsTest.run("mutool", ["draw", "-q", "-F", "stext", "-o", "-", pdf.path]).output
        // Each character (compatibility-normalised: mupdf gives Arabic presentation forms) with
        // the fonts it is drawn in, the subset tag taken off.
        var fontsOf: [Unicode.Scalar: Set<String>] = [:]
        var font = ""
        let pattern = try NSRegularExpression(pattern: #"<font name="([^"]*)"|<char [^>]*\bc="([^"]*)""#)
        for match in pattern.matches(in: stext, range: NSRange(stext.startIndex..., in: stext)) {
            if let range = Range(match.range(at: 1), in: stext) {
                let name = stext[range]
                font = String(name.split(separator: "+", maxSplits: 1).last ?? name[...])
            } else if let range = Range(match.range(at: 2), in: stext) {
                for scalar in Self.xmlText(stext[range]).precomposedStringWithCompatibilityMapping.unicodeScalars {
                    fontsOf[scalar, default: []].insert(font)
                }
            }
        }
        for (text, family, bold) in Self.families {
            let used = text.unicodeScalars.filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .nonspacingMark }
                .reduce(into: Set<String>()) { $0.formUnion(fontsOf[$1] ?? []) }
            let faces = family == "NotoSans" ? ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"] : nil
            XCTAssertFalse(used.isEmpty, "\(text): no character found by mupdf", file: file, line: line)
            for name in used {
                let ofFamily = faces?.contains(name) ?? (name == family || name.hasPrefix(family + "-")
                                                         || (name.hasPrefix(family) && name.dropFirst(family.count) == "Bold"))
                XCTAssertTrue(ofFamily, "\(text) printed in \(name), not in \(family)", file: file, line: line)
            }
            if bold { XCTAssertTrue(used.contains { $0.hasSuffix("Bold") }, "\(text): the bold title in \(family)'s bold face: \(used)", file: file, line: line) }
        }
    }

    /// An XML attribute's text: character references (`&#x627;`) and the five named entities.
    static func xmlText(_ attribute: Substring) -> String {
        guard attribute.hasPrefix("&") else { return String(attribute) }
        let named = ["&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&apos;": "'"]
        if let text = named[String(attribute)] { return text }
        let digits = attribute.dropFirst(2).dropLast()
        let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? String(attribute)
    }

    func testACharacterNoFontHasIsAnErrorInTheArchive() throws {
        let context = try FormsTest.context()
        var session = try session()
        session.inbrenger = "Jan\u{10FFFD}"
        let folder = try FormsTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.json")
        try session.encodeJSON().write(to: file)
        let result = SessionArchive(context: context, folder: folder.appendingPathComponent("out"), overwrite: false,
                                    personalMetadata: false).renderOne(file)
        guard case .failed(let diagnostics) = result.outcome else { return XCTFail("archived despite a missing glyph") }
        XCTAssertEqual(diagnostics.map(\.severity), [.error])
        XCTAssertTrue(diagnostics[0].englishText.contains("U+10FFFD"), diagnostics[0].englishText)
        XCTAssertFalse(diagnostics[0].englishText.contains("Jan"), "the warning names the code point, not the text")
    }
}
