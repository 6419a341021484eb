import Foundation
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanPDF
import XCTest

/// The conformance verdict as codes (krilla's ValidationError), and the claim the native writer
/// actually made, returned with the file.
final class ConformanceClaimTests: XCTestCase {
    /// Every broken rule is its own diagnostic by code, worded by the catalogues; no file.
    func testBrokenRulesAreCodesNotSentences() throws {
        let context = try FormsTest.context()
        var document = try HandleidingDocument.make(context, diagnostics: Diagnostics())
        XCTAssertEqual(document.conformance, .pdfUA1)
        document.info.title = " "
        document.language = nil
        XCTAssertThrowsError(try NativePDFExporter().exported(document)) { error in
            let diagnostics = Diagnostic.all(from: error)
            XCTAssertEqual(diagnostics.map(\.message.code), ["engine.conformance-no-title", "engine.conformance-no-language"])
            XCTAssertEqual(diagnostics.map { $0.message.arguments["standard"] }, [.text("PDF/UA-1"), .text("PDF/UA-1")])
        }
    }

    /// A character no font can show, in a document held to PDF/UA alone (the checklist): the file
    /// is written without the claim, and the exporter says which claim it dropped, on which page.
    func testTheExporterReturnsTheClaimItMade() throws {
        let base = try FormsTest.context()
        let kept = try NativePDFExporter().exported(try ChecklistDocument.make(base, diagnostics: Diagnostics()))
        XCTAssertEqual(kept.claimed, .pdfUA1)
        XCTAssertEqual(kept.dropped, [])

        var deck = base.deck
        deck.checklist.roles[0].tasks[0] += " \u{E000}"
        let diagnostics = Diagnostics()
        let document = try ChecklistDocument.make(try DocumentContext(deck: deck, date: base.date), diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.warnings.map(\.message.code), [LayoutCode.missingGlyph.rawValue])
        XCTAssertEqual(diagnostics.warnings.first?.location?.file.hasSuffix("rollen.yaml"), true, "at the role card")
        let file = try NativePDFExporter().exported(document)
        XCTAssertEqual(file.claimed, [])
        XCTAssertEqual(file.dropped.map(\.message.code), [EngineCode.claimDropped.rawValue])
        XCTAssertEqual(file.dropped.first?.message.arguments["pages"], .text("1"))
        XCTAssertFalse(String(decoding: file.data, as: UTF8.self).contains("pdfuaid"), "no PDF/UA claim in the file")
    }
}
