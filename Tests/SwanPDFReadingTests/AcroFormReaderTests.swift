import Foundation
import XCTest
import SwanLayout
@testable import SwanPDFReading

/// The form reader on PDFs written byte by byte: names joined from /T, values decoded exactly
/// with only line ends unified, and each budget of PDFReadLimits stopping a crafted file.
final class AcroFormReaderTests: XCTestCase {
    /// A form with a text field under a parent (`ronde1.toelichting`) and a ticked checkbox.
    static let form = MinimalPDF.withPage(catalog: "/AcroForm << /Fields [4 0 R 6 0 R] >>", more: [
        "<< /T (ronde1) /Kids [5 0 R] >>",
        "<< /T (toelichting) /Parent 4 0 R /FT /Tx /Ff 4096 /V \(MinimalPDF.utf16("Zoë zegt:\r\nja\rnee")) >>",
        "<< /T (akkoord) /FT /Btn /V /Yes /AP << /N << /Yes 7 0 R /Off 7 0 R >> >> >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ])

    func testNamesTypesFlagsAndValuesAsTheFormHasThem() throws {
        let fields = try AcroFormReader.fields(in: Self.form)
        XCTAssertEqual(fields, [
            FilledField(name: "ronde1.toelichting", type: "Tx", flags: 4096, value: .text("Zoë zegt:\nja\nnee")),
            FilledField(name: "akkoord", type: "Btn", flags: 0, value: .name("Yes"), onStates: ["Yes"]),
        ])
    }

    func testAPDFWithoutAFormHasNoFields() throws {
        XCTAssertEqual(try AcroFormReader.fields(in: MinimalPDF.withPage()), [])
    }

    func testEmptyAndUnreadableBytesAreErrors() {
        XCTAssertThrowsError(try AcroFormReader.fields(in: Data())) { XCTAssertEqual($0 as? PDFReadError, .empty) }
        XCTAssertThrowsError(try AcroFormReader.fields(in: Data("no PDF at all".utf8))) { error in
            guard case .unreadable? = error as? PDFReadError else { return XCTFail("\(error)") }
        }
    }

    func testEachFieldBudgetStopsTheRead() {
        var limits = PDFReadLimits()
        limits.fields = 1
        XCTAssertThrowsError(try AcroFormReader.fields(in: Self.form, limits: limits)) {
            XCTAssertEqual($0 as? PDFReadError, .tooManyFields(limit: 1))
        }
        limits = PDFReadLimits()
        limits.depth = 0
        XCTAssertThrowsError(try AcroFormReader.fields(in: Self.form, limits: limits)) {
            XCTAssertEqual($0 as? PDFReadError, .fieldsTooDeep(limit: 0))
        }
        limits = PDFReadLimits()
        limits.name = 5
        XCTAssertThrowsError(try AcroFormReader.fields(in: Self.form, limits: limits)) {
            XCTAssertEqual($0 as? PDFReadError, .fieldNameTooLong(limit: 5))
        }
    }

    /// A /Kids cycle ends the walk instead of looping.
    func testAKidsCycleEnds() throws {
        let cyclic = MinimalPDF.withPage(catalog: "/AcroForm << /Fields [4 0 R] >>", more: [
            "<< /T (a) /Kids [5 0 R] >>",
            "<< /T (b) /Parent 4 0 R /Kids [4 0 R] >>",
        ])
        XCTAssertNoThrow(try AcroFormReader.fields(in: cyclic))
    }

    func testLineEndsAreUnifiedAndNothingElseChanges() {
        XCTAssertEqual(AcroFormReader.unifyLineEnds("a\r\nb\rc\nd\r\r\n e \u{2028}"), "a\nb\nc\nd\n\n e \u{2028}")
        XCTAssertEqual(AcroFormReader.unifyLineEnds("cafe\u{301}"), "cafe\u{301}")
    }
}
