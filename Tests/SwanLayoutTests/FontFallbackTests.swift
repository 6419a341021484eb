/// The fallback chain (issue 16): which face shows which character, by the documented rule, from
/// the Makefile's font folders only; the same choice every time; and the same bytes every time.
import Foundation
import XCTest
import SwanTestSupport
@testable import SwanLayout

final class FontFallbackTests: XCTestCase {
    let fonts = TestEngine.shared.fonts

    func file(_ character: Character, _ style: FontStyle = .regular) -> String {
        fonts.face(for: character, style: style).url.lastPathComponent
    }

    func testEachScriptGetsItsFaceByTheRule() {
        XCTAssertEqual(file("a"), "NotoSans-Regular.ttf", "the deck's family first")
        XCTAssertEqual(file("Ж"), "NotoSans-Regular.ttf", "Cyrillic is in Noto Sans itself")
        XCTAssertEqual(file("م"), "NotoSansArabic-Regular.ttf", "Noto Sans Arabic before Naskh and Kufi")
        XCTAssertEqual(file("م", .bold), "NotoSansArabic-Bold.ttf", "the nearest weight")
        XCTAssertEqual(file("ש"), "NotoSansHebrew-Regular.ttf")
        XCTAssertEqual(file("ⵜ"), "NotoSansTifinagh-Regular.ttf", "the plain family before its regional variants")
        XCTAssertEqual(file("न"), "NotoSansDevanagari-Regular.ttf")
        XCTAssertEqual(file("李"), "DroidSansFallbackFull.ttf")
        XCTAssertEqual(file("김"), "NanumGothic.ttf")
        XCTAssertEqual(file("😀"), "Symbola_hint.ttf")
        XCTAssertEqual(file("👍🏽"), "Symbola_hint.ttf", "one face for the whole cluster")
    }

    /// Bold text of a script comes from the family of its regular text (issue 25: bold Hangul
    /// once came from NanumSquare, by fontconfig's weights); a family without a bold face sets
    /// bold text in its regular face, emboldened (issue 32).
    func testBoldComesFromTheFamilyOfRegular() {
        XCTAssertEqual(file("김", .bold), "NanumGothicBold.ttf")
        XCTAssertEqual(file("김", .boldItalic), "NanumGothicBold.ttf")
        XCTAssertEqual(file("ש", .bold), "NotoSansHebrew-Bold.ttf")
        XCTAssertEqual(file("न", .bold), "NotoSansDevanagari-Bold.ttf")
        XCTAssertEqual(file("ዮ", .bold), "NotoSansEthiopic-Bold.ttf")
        XCTAssertEqual(file("李", .bold), "DroidSansFallbackFull.ttf", "Droid Sans Fallback has no bold")
        XCTAssertEqual(file("ⵜ", .bold), "NotoSansTifinagh-Regular.ttf", "Noto Sans Tifinagh has no bold")
        XCTAssertEqual(fonts.face(for: "ⵜ", style: .bold).emboldening, Font.syntheticBold)
        XCTAssertEqual(fonts.face(for: "李", style: .boldItalic).emboldening, Font.syntheticBold)
        XCTAssertEqual(fonts.face(for: "李", style: .italic).emboldening, 0)
        XCTAssertEqual(fonts.face(for: "김", style: .bold).emboldening, 0, "a bold face of its own")
        XCTAssertEqual(file("م", .italic), "NotoSansArabic-Regular.ttf", "no italic: the regular face")
        for character: Character in ["م", "ש", "李", "山", "カ", "김", "न", "ⵜ", "ዮ", "ก", "Ա", "ა", "😀"] {
            let regular = fonts.fallback?.family(for: character)
            XCTAssertNotNil(regular, "\(character)")
            XCTAssertEqual(fonts.face(for: character, style: .bold).url.path, regular?.file(for: .bold), "\(character)")
        }
    }

    /// The table names files the Makefile's packages have, a bold face wherever the package has
    /// one for that family (so no bold text falls back to regular needlessly).
    func testTheTableNamesTheFacesOfThePackages() {
        for (script, family) in FallbackFamily.byScript.sorted(by: { $0.key < $1.key }) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: family.regular), "\(script): \(family.regular)")
            if let bold = family.bold {
                XCTAssertTrue(FileManager.default.fileExists(atPath: bold), "\(script): \(bold)")
            } else {
                let guess = family.regular.replacingOccurrences(of: "-Regular.ttf", with: "-Bold.ttf")
                XCTAssertFalse(guess != family.regular && FileManager.default.fileExists(atPath: guess), "\(script): \(guess) exists")
            }
            XCTAssertTrue(FontFallback.defaultFolders.contains((family.regular as NSString).deletingLastPathComponent), family.regular)
        }
    }

    func testOnlyTheMakefilesFoldersAreConsulted() throws {
        let chain = FontFallback()
        XCTAssertGreaterThan(chain.faceCount, 100)
        // A folder list without the emoji package: emoji have no face, whatever the machine has.
        let withoutEmoji = FontFallback(folders: Array(FontFallback.defaultFolders.dropLast()))
        XCTAssertNil(try withoutEmoji.font(for: "😀", style: .regular))
        XCTAssertEqual(try chain.font(for: "😀", style: .regular)?.url.path.hasPrefix(FontFallback.defaultFolders.last! + "/"), true)
        XCTAssertNil(try FontFallback(folders: []).font(for: "م", style: .regular))
    }

    func testTheChoiceIsTheSameEveryTime() throws {
        let text = "محمد דוד 李小龍 山田 김민준 अमित ⵜⴰⵎⴰⵣⵉⵖⵜ 😀 ዮሐንስ"
        let first = FontFallback(), second = FontFallback()
        for character in text where !character.isWhitespace {
            XCTAssertEqual(try first.font(for: character, style: .regular)?.url, try second.font(for: character, style: .regular)?.url)
        }
    }

    func testTheSameMultiScriptTextGivesTheSameBytes() throws {
        let folder = TemporaryFolder.make("swan-layout")
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for index in 0..<2 {
            // A fresh engine each time: nothing carried over from the first run.
            let engine = try Engine(fonts: TestEngine.fontFiles)
            let layout = engine.typesetter.layout([TextBlock("Naam: محمد العلي, דוד כהן, 李小龍, 김민준, Ayşe 👍🏽", style: TextStyle(size: 10))],
                                                  width: 300)
            var page = Page(size: Size(width: 400, height: 200))
            page.add(layout.items(at: Point(x: 20, y: 20)))
            let document = Document(info: DocumentInfo(title: "t", creationDate: Date(timeIntervalSince1970: 0)), pages: [page])
            let url = folder.appendingPathComponent("\(index).pdf")
            try TestExporters.pdf.write(document, to: url)
            outputs.append(try Data(contentsOf: url))
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    func testWidthOfTextInAFallbackFaceIsMeasuredWithThatFace() {
        let typesetter = TestEngine.shared.typesetter
        let style = TextStyle(size: 10)
        let width = typesetter.width(of: "李小龍", style: style)
        let set = typesetter.layout([TextBlock("李小龍", style: style)], width: 500).lines[0].width
        XCTAssertEqual(width, set, accuracy: 0.001)
        XCTAssertGreaterThan(width, 25, "three ideographs of about an em each, not three .notdef boxes")
    }
}
