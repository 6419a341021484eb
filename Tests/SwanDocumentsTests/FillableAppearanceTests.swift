import Foundation
import XCTest
import SwanDocuments
import SwanSession

/// A pre-filled value shows in every script in readers no one here wrote: the field's appearance
/// is set as the static form sets text (the fallback faces, embedded and subset, in the
/// appearance's resources), so poppler, mupdf and PDFium draw it; before, the appearances used
/// Noto Sans alone and an Arabic, Chinese or Korean name was an empty field.
final class FillableAppearanceTests: XCTestCase {
    static let names = ["inbrenger": "Ayşe Yılmaz", "gespreksleider": "محمد العلي", "schrijver": "李小龍"]
    static let korean = "김민준"

    func session() throws -> Session {
        var session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        session.inbrenger = Self.names["inbrenger"]!
        session.gespreksleider = Self.names["gespreksleider"]!
        session.schrijver = Self.names["schrijver"]!
        session.deelnemers = [Self.korean]
        session.omschrijving = "Mevrouw K. zegt: \"ik red me wel\"."
        return session
    }

    func testEveryScriptOfAPrefilledValueIsDrawnByThreeReaders() throws {
        let folder = try FormsTest.temporaryDirectory()
        let prefilled = try FillableFormReaderTests.makeForm(session: try session(), in: folder)
        let blankFolder = try FormsTest.temporaryDirectory()
        let blank = try FillableFormReaderTests.makeForm(in: blankFolder)
        let fields = Array(Self.names.keys) + ["deelnemers"]
        func ink(_ pdf: URL) throws -> [String: [String: Int]] {
            let output = try FillableFormReaderTests.scriptOutput("render_widgets.py", [pdf.path] + fields)
            return try JSONDecoder().decode([String: [String: Int]].self, from: Data(output.utf8))
        }
        let filled = try ink(prefilled), empty = try ink(blank)
        XCTAssertEqual(Set(filled.keys), ["poppler", "mupdf", "pdfium"])
        for (engine, counts) in filled {
            for field in fields {
                // A name of two or three characters at 10 pt, at 100 dpi: well over 60 dark pixels.
                XCTAssertGreaterThan(counts[field] ?? 0, 60, "\(engine) draws no \(field)")
                XCTAssertEqual(empty[engine]?[field], 0, "\(engine): the blank field is empty")
            }
        }
    }

    /// The faces the values need are in the appearances' resources, subset (a tag), with a
    /// Unicode map; the /DA font stays the whole Noto Sans (what a user types).
    func testTheAppearancesCarryTheFallbackFacesSubset() throws {
        let folder = try FormsTest.temporaryDirectory()
        let pdf = try FillableFormReaderTests.makeForm(session: try session(), in: folder)
        let fonts = try FormsTest.run("pdffonts", [pdf.path]).output
        for face in ["NotoSansArabic", "DroidSansFallback", "NanumGothic"] {
            let line = fonts.split(separator: "\n").first { $0.contains("+" + face) }
            XCTAssertNotNil(line, "\(face) embedded as a subset:\n\(fonts)")
            XCTAssertEqual(line.map { $0.split(separator: " ").filter { $0 == "yes" }.count }, 3, "\(face): emb sub uni")
        }
        // Typographic quotes, as on the printed form (the value itself keeps what was typed).
        let document = try InvulbladDocument.fillable(try FormsTest.context(), session: try session(), diagnostics: Diagnostics())
        let field = try XCTUnwrap(document.pages.flatMap(\.fields).first { $0.qualifiedName == "omschrijving" })
        XCTAssertEqual(field.value, .text("Mevrouw K. zegt: \"ik red me wel\"."))
        let shown = field.appearance.compactMap { item -> String? in if case .text(let run) = item { return run.text } else { return nil } }.joined()
        XCTAssertTrue(shown.contains("\u{201C}ik red me wel\u{201D}"), shown)
    }

    /// A chosen radio button shows a filled dot (ZapfDingbats "l" for a reader that redraws it).
    func testARadioButtonsOnStateIsAFilledDot() throws {
        let folder = try FormsTest.temporaryDirectory()
        let pdf = try FillableFormReaderTests.makeForm(session: try session(), in: folder)
        let dump = try FormsTest.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, "-"]).output
        XCTAssertTrue(dump.contains("/CA (l)"), "radio buttons redraw as a dot")
        XCTAssertTrue(dump.contains(" c f Q"), "the on-state is a filled path")
    }
}
