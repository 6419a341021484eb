import Foundation
import XCTest

/// The documents a person reads — the handleiding, the blank and the filled invulblad, the
/// checklist, the overzicht, the screen edition — claim PDF/UA-1 (issues 14, 25) and are held to
/// the same rules as the archive (`PDFUARules`, from veraPDF's PDFUA-1 rule texts). The printed
/// card PDFs, the specimen and the fillable form make no such claim.
final class ReadingDocumentsUATests: XCTestCase {
    static let claiming = ["handleiding.pdf", "invulblad.pdf", "checklist.pdf", "overzicht.pdf", "kaarten-scherm.pdf"]

    func testTheShippedDocumentsClaimAndKeepPDFUA1() throws {
        let folder = CLI.temporaryDirectory()
        let all = try CLI.run(["all", "-q", "-o", folder.path])
        XCTAssertEqual(all.status, 0, all.stderr)
        let filled = folder.appendingPathComponent("filled.pdf")
        let session = ArchiveGradeTests.sessions.appendingPathComponent("voorbeeld-uitgebreid.json")
        let written = try CLI.run(["invulblad", "-q", session.path, "-o", filled.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        let pdfs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
        XCTAssertEqual(Set(Self.claiming).subtracting(pdfs.map(\.lastPathComponent)), [], "swan all wrote \(pdfs)")
        for pdf in pdfs {
            let name = pdf.lastPathComponent
            XCTAssertEqual(try CLI.run(program: URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", pdf.path]).status, 0, name)
            if Self.claiming.contains(name) || pdf == filled {
                XCTAssertEqual(try PDFUARules.problems(pdf), [], name)
                if name == "handleiding.pdf" {
                    // The heading and note rules have something to check: headings below H1, a footnote.
                    let roles = PDFUARules.structureElements(try PDFObjects(pdf)).compactMap { $0["/S"] as? String }
                    XCTAssertTrue(roles.contains("/H2") && roles.contains("/Note"), "\(roles)")
                }
                if name == "overzicht.pdf" {
                    // The table rules have something to check: a table with header cells.
                    let roles = PDFUARules.structureElements(try PDFObjects(pdf)).compactMap { $0["/S"] as? String }
                    XCTAssertTrue(roles.contains("/Table") && roles.contains("/TH") && roles.contains("/TD"), "\(roles)")
                }
            } else {
                // The printed card PDFs, the specimen: tagged, no claim.
                XCTAssertFalse(try PDFUARules.claimsPDFUA(pdf), "\(name) claims PDF/UA")
            }
        }
        XCTAssertGreaterThan(pdfs.count, Self.claiming.count, "the card PDFs are among them")
    }

    /// The fillable form stays untagged (its tab order is the fields' order), so it claims nothing.
    func testTheFillableFormClaimsNothing() throws {
        let pdf = CLI.temporaryDirectory().appendingPathComponent("fillable.pdf")
        let result = try CLI.run(["invulblad", "-q", "--fillable", "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(try PDFUARules.claimsPDFUA(pdf))
    }

    /// A character no font can show stays a located warning for the filled invulblad (only the
    /// archive makes it an error): the file is written, but without the PDF/UA claim, which it
    /// would not keep (.notdef).
    func testACharacterNoFontShowsIsAWarningAndDropsTheClaim() throws {
        let folder = CLI.temporaryDirectory()
        let session = try ArchiveGradeTests.sessionNoFontCanShow(in: folder)
        let pdf = folder.appendingPathComponent("filled.pdf")
        let result = try CLI.run(["invulblad", session.path, "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning") && result.stderr.contains("U+F0000"), result.stderr)
        XCTAssertFalse(try PDFUARules.claimsPDFUA(pdf))
        let objects = try PDFObjects(pdf)
        XCTAssertNotNil(objects.dictionary(objects.catalog["/StructTreeRoot"]), "still tagged")
        XCTAssertEqual(try PDFUARules.problems(pdf), ["5: no pdfuaid:part 1 in the XMP"], "only the claim is gone")
    }

    /// cairo cannot tag: it writes the same documents untagged, without any claim, and succeeds.
    func testCairoWritesThemWithoutClaims() throws {
        let folder = CLI.temporaryDirectory()
        let session = ArchiveGradeTests.sessions.appendingPathComponent("voorbeeld-minimaal.json")
        for arguments in [["handleiding"], ["checklist"], ["invulblad"], ["invulblad", session.path]] {
            let pdf = folder.appendingPathComponent("cairo-\(arguments.count)-\(arguments[0]).pdf")
            let result = try CLI.run(arguments + ["-q", "--pdf-writer", "cairo", "-o", pdf.path])
            XCTAssertEqual(result.status, 0, "\(arguments[0]): \(result.stderr)")
            let bytes = try Data(contentsOf: pdf)
            XCTAssertNil(bytes.range(of: Data("pdfuaid".utf8)), "\(arguments[0]) written by cairo claims PDF/UA")
            XCTAssertNil(bytes.range(of: Data("/StructTreeRoot".utf8)))
        }
    }
}
