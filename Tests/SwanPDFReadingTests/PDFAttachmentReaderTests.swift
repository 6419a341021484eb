import Foundation
import XCTest
@testable import SwanPDFReading

/// The attachment reader on PDFs written byte by byte: only /AFRelationship /Source files come
/// back, byte for byte, and a file larger than its limit or than it says is an error.
final class PDFAttachmentReaderTests: XCTestCase {
    static let session = #"{"inbrenger":"x"}"#

    /// One /Source file (declaring `declaredSize`) and one /Data file, both in the catalog's /AF.
    static func archive(declaredSize: Int) -> Data {
        MinimalPDF.withPage(catalog: "/AF [4 0 R 6 0 R]", more: [
            "<< /Type /Filespec /F (sessie.json) /UF \(MinimalPDF.utf16("sessie.json")) /AFRelationship /Source /EF << /F 5 0 R /UF 5 0 R >> >>",
            "<< /Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size \(declaredSize) >> /Length \(session.utf8.count) >>\nstream\n\(session)\nendstream",
            "<< /Type /Filespec /F (other.txt) /AFRelationship /Data /EF << /F 7 0 R >> >>",
            "<< /Type /EmbeddedFile /Length 5 >>\nstream\nother\nendstream",
        ])
    }

    func testTheSourceFileComesBackByteForByte() throws {
        let files = try PDFAttachmentReader.sourceFiles(in: Self.archive(declaredSize: Self.session.utf8.count), limit: 1_000)
        XCTAssertEqual(files, [EmbeddedSourceFile(name: "sessie.json", mediaType: "application/json", data: Data(Self.session.utf8))])
    }

    func testAPDFWithoutAttachmentsHasNone() throws {
        XCTAssertEqual(try PDFAttachmentReader.sourceFiles(in: MinimalPDF.withPage(), limit: 1_000), [])
    }

    func testAFileOverItsLimitOrUnlikeItsSizeIsAnError() {
        let size = Self.session.utf8.count
        XCTAssertThrowsError(try PDFAttachmentReader.sourceFiles(in: Self.archive(declaredSize: size), limit: 4)) {
            XCTAssertEqual($0 as? PDFReadError, .attachmentTooLarge(name: "sessie.json", limit: 4))
        }
        XCTAssertThrowsError(try PDFAttachmentReader.sourceFiles(in: Self.archive(declaredSize: size - 1), limit: 1_000)) {
            XCTAssertEqual($0 as? PDFReadError, .attachmentSizeMismatch(name: "sessie.json", size: size, declared: size - 1))
        }
    }

    func testTheNumberOfFilesHasABudget() {
        var limits = PDFReadLimits()
        limits.attachments = 0
        XCTAssertThrowsError(try PDFAttachmentReader.sourceFiles(in: Self.archive(declaredSize: 17), limit: 1_000, limits: limits)) {
            XCTAssertEqual($0 as? PDFReadError, .tooManyAttachments(limit: 0))
        }
    }
}
