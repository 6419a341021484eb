import SwanDiagnostics
/// Hostile Unicode in every text field of generated sessions, rendered as the filled invulblad
/// (InvulbladDocument.filled) and read back with pdftotext: no crash, no character the fonts can
/// show is lost, and each character they cannot show is reported as a warning.
import Foundation
import SwanTestSupport
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanSession

final class InvulbladUnicodeTests: XCTestCase {
    static let context: DocumentContext = try! DocumentContext(deck: DeckLoader.load(from: PropertySupport.deckDirectory),
                                                               date: Date(timeIntervalSince1970: 0))

    func testHostileSessionsRenderWithoutLossAndReportWhatTheFontsLack() throws {
        let folder = PropertySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fonts = Self.context.engine.fonts
        for seed in UInt64(101)...108 {
            let session = SessionTexts.hostile(seed: seed)
            let diagnostics = Diagnostics()
            let document = try InvulbladDocument.filled(session, Self.context, diagnostics: diagnostics)
            let url = folder.appendingPathComponent("invulblad-\(seed).pdf")
            try TestExporters.pdf.write(document, to: url)
            let extracted = try PropertySupport.extractText(url)
            let warnings = diagnostics.warnings.map(\.englishText).joined(separator: "\n")
            for (field, text) in SessionTexts.all(session) {
                let expected = GlyphExpectations(text, fonts: fonts, styles: [.regular, .bold, .italic])
                let lost = expected.lost(in: extracted)
                XCTAssert(lost.isEmpty, "seed \(seed), \(field): lost \(describe(lost)) of \(text.debugDescription)")
                let unreported = expected.unshowable.filter { !warnings.contains($0.reported) }
                XCTAssert(unreported.isEmpty, "seed \(seed), \(field): not reported: \(unreported.map { "'\($0)' (\($0.codes))" })")
            }
        }
    }

    /// One field of 20,000 characters of hostile text (long words included) flows over pages.
    func testAVeryLongHostileFieldFlowsWithoutLoss() throws {
        var session = SessionGenerator.make(seed: 9)
        var random = SeededRandom(seed: 9)
        var text = ""
        while text.count < 20_000 { text += HostileText.make(&random) + " " }
        session.omschrijving = text
        let document = try InvulbladDocument.filled(session, Self.context, diagnostics: Diagnostics())
        XCTAssertGreaterThan(document.pages.count, 2)
        let url = PropertySupport.temporaryDirectory().appendingPathComponent("long.pdf")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try TestExporters.pdf.write(document, to: url)
        let fonts = Self.context.engine.fonts
        let expected = GlyphExpectations(text, fonts: fonts)
        let lost = expected.lost(in: try PropertySupport.extractText(url))
        XCTAssert(lost.isEmpty, "lost \(lost.count) character(s): \(describe(Array(lost.prefix(20))))")
    }
}
