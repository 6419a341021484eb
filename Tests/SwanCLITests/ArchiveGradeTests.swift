import Foundation
import XCTest

/// `swan archive` writes PDF/A-3a and PDF/UA-1 at once (issue 14): checked with PDFBox
/// Preflight where it applies, and with qpdf-read rules written from veraPDF's rule texts
/// (PDFA-3A and PDFUA-1 profiles) where Preflight, a PDF/A-1 validator, does not.
final class ArchiveGradeTests: XCTestCase {
    static let sessions = CLI.packageRoot.appendingPathComponent("Templates/sessions")

    private func archive() throws -> [URL] {
        let folder = CLI.temporaryDirectory()
        let result = try CLI.run(["archive", Self.sessions.path, "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pdfs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }.sorted { $0.path < $1.path }
        XCTAssertFalse(pdfs.isEmpty)
        return pdfs
    }

    func testPreflightFindsOnlyRulesThatPDFA1AloneHas() throws {
        for pdf in try archive() {
            let errors = try Preflight.errors(pdf)
            let real = errors.filter { line in !Preflight.onlyPDFA1.contains { line.hasPrefix($0 + " ") } }
            XCTAssertEqual(real, [], "\(pdf.lastPathComponent): \(errors)")
            // Preflight did run: it always objects to the part number of a PDF/A-3 file.
            XCTAssertTrue(errors.contains { $0.hasPrefix("7.11.2") }, "\(errors)")
        }
    }

    func testIdentificationMetadataAndOutputIntent() throws {
        for pdf in try archive() {
            let objects = try PDFObjects(pdf)
            let catalog = objects.catalog
            // 6.6.2: an XMP packet with the PDF/A and PDF/UA identification, unfiltered.
            guard let metadataRef = catalog["/Metadata"], let xmpData = objects.streamData(metadataRef) else {
                return XCTFail("no /Metadata in \(pdf.lastPathComponent)")
            }
            XCTAssertNil(objects.dictionary(metadataRef)?["/Filter"])
            let xmp = String(decoding: xmpData, as: UTF8.self)
            XCTAssertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>"), xmp)
            XCTAssertTrue(xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"))
            XCTAssertTrue(xmp.contains("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"),
                          "pdfuaid needs its extension schema in PDF/A")
            // 6.6.3: document info in step with the XMP.
            let title = try XCTUnwrap(PDFObjects.text(objects.info["/Title"]))
            XCTAssertTrue(xmp.contains(">\(title)</rdf:li>"), "dc:title is the info title '\(title)'")
            let created = try XCTUnwrap(PDFObjects.text(objects.info["/CreationDate"]))
            XCTAssertTrue(created.hasPrefix("D:"), created)
            let digits = created.dropFirst(2).prefix(14)
            let iso = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.dropFirst(6).prefix(2))T"
                + "\(digits.dropFirst(8).prefix(2)):\(digits.dropFirst(10).prefix(2)):\(digits.dropFirst(12).prefix(2))Z"
            XCTAssertTrue(xmp.contains("<xmp:CreateDate>\(iso)</xmp:CreateDate>"), "xmp:CreateDate is \(iso)")
            // No personal data in the metadata without --personal-metadata.
            XCTAssertFalse(xmp.contains("Zoë") || xmp.contains("Vries"), "a name in the XMP")
            // 6.2.3: an sRGB output intent with an ICC profile of three components.
            let intents = objects.array(catalog["/OutputIntents"]) ?? []
            let intent = try XCTUnwrap(objects.dictionary(intents.first))
            XCTAssertEqual(intent["/S"] as? String, "/GTS_PDFA1")
            XCTAssertEqual(objects.dictionary(intent["/DestOutputProfile"])?["/N"] as? Int, 3)
        }
    }

    func testTheSessionIsAttachedAsItsSourceByteForByte() throws {
        let pdfs = try archive()
        let originals = try FileManager.default.contentsOfDirectory(at: Self.sessions, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.map { try Data(contentsOf: $0) }
        for pdf in pdfs {
            let objects = try PDFObjects(pdf)
            // 6.8: every embedded file is an associated file with its relationship, /UF, a
            // MIME type and a modification date.
            let associated = objects.array(objects.catalog["/AF"]) ?? []
            XCTAssertEqual(associated.count, 1)
            let spec = try XCTUnwrap(objects.dictionary(associated.first))
            XCTAssertEqual(spec["/AFRelationship"] as? String, "/Source")
            XCTAssertNotNil(PDFObjects.text(spec["/UF"]))
            XCTAssertNotNil(PDFObjects.text(spec["/Desc"]))
            let file = try XCTUnwrap(objects.dictionary(objects.dictionary(spec["/EF"])?["/F"]))
            XCTAssertEqual(file["/Subtype"] as? String, "/application/json")
            XCTAssertNotNil(objects.dictionary(file["/Params"])?["/ModDate"])
            let name = try XCTUnwrap(PDFObjects.text(spec["/UF"]))
            XCTAssertEqual(name, pdf.deletingPathExtension().lastPathComponent + ".json", "named by date and id, never by a person")
            // The bytes themselves, as another tool extracts them.
            let folder = CLI.temporaryDirectory()
            let extracted = folder.appendingPathComponent("session.json")
            let result = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/pdfdetach"), ["-save", "1", "-o", extracted.path, pdf.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            let data = try Data(contentsOf: extracted)
            XCTAssertTrue(originals.contains(data), "the attachment of \(pdf.lastPathComponent) is not one of the sessions, byte for byte")
            let mode = try FileManager.default.attributesOfItem(atPath: pdf.path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600)
        }
    }

    /// PDF/UA-1 (identification, title, language, all content tagged or an artifact, heading
    /// levels, notes, fonts embedded with Unicode maps: also PDF/A-3 6.2.11.4 and 6.2.11.7).
    func testThePDFUA1Rules() throws {
        for pdf in try archive() {
            XCTAssertEqual(try PDFUARules.problems(pdf), [], pdf.lastPathComponent)
            // The reading order is the form's order: the first heading before the answers.
            let structure = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/pdfinfo"), ["-struct-text", pdf.path]).stdout
            XCTAssertTrue(structure.hasPrefix("Document"), structure)
            XCTAssertTrue(structure.contains("H1"), structure)
            XCTAssertTrue(structure.contains("H2"), structure)
        }
    }

    /// A copy of the minimal example session with a private-use character in a name (no font
    /// has a glyph for it), as `folder/s.json`.
    static func sessionNoFontCanShow(in folder: URL) throws -> URL {
        let source = try String(contentsOf: sessions.appendingPathComponent("voorbeeld-minimaal.json"), encoding: .utf8)
        let hostile = source.replacingOccurrences(of: "Zoë", with: "Zo\u{F0000}ë")
        XCTAssertNotEqual(hostile, source, "the example session names Zoë")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("s.json")
        try hostile.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A character no font can show is an error for archive output (PDF/A-3 6.2.11.8 forbids
    /// .notdef), named with the file; no archive file is written.
    func testACharacterNoFontCanShowIsAnError() throws {
        let folder = CLI.temporaryDirectory()
        let input = try Self.sessionNoFontCanShow(in: folder.appendingPathComponent("in")).deletingLastPathComponent()
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run(["archive", input.path, "--out", out.path])
        XCTAssertNotEqual(result.status, 0, result.stdout)
        XCTAssertTrue((result.stderr + result.stdout).contains("s.json"), result.stderr)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        XCTAssertEqual(written.filter { $0.hasSuffix(".pdf") }, [])
    }

    /// The handleiding's list items as poppler reads the tree: LI holds a Lbl with the marker
    /// and then the LBody with the item's text, which no longer starts with the marker
    /// (numbered lists and items over a page break: HandleidingTests, on the page model).
    func testListItemsHaveTheMarkerAsTheirLabel() throws {
        let pdf = CLI.temporaryDirectory().appendingPathComponent("handleiding.pdf")
        XCTAssertEqual(try CLI.run(["handleiding", "-o", pdf.path]).status, 0)
        let tree = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/pdfinfo"), ["-struct-text", pdf.path]).stdout
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var items = 0
        for index in tree.indices where tree[index] == "LI (block)" {
            items += 1
            guard index + 4 < tree.count else { return XCTFail("a list item at the end of the tree") }
            XCTAssertEqual(tree[index + 1], "Lbl (block)")
            XCTAssertEqual(tree[index + 2], "\"•\"", "the shipped handleiding's lists are bullet lists")
            XCTAssertEqual(tree[index + 3], "LBody (block)")
            XCTAssertFalse(tree[index + 4].hasPrefix("\"•"), tree[index + 4])
        }
        XCTAssertGreaterThan(items, 5)
    }

    /// The checker itself catches what it must (a test of the test).
    func testMarkedContentCheckCatchesUntaggedPainting() {
        XCTAssertEqual(MarkedContentCheck.problems(Data("/P<</MCID 0>>BDC BT [<0001>]TJ ET EMC".utf8)), [])
        XCTAssertEqual(MarkedContentCheck.problems(Data("/Artifact<</Type/Layout>>BDC 0 0 m 1 1 l S EMC".utf8)), [])
        XCTAssertFalse(MarkedContentCheck.problems(Data("BT [<0001>]TJ ET".utf8)).isEmpty)
        XCTAssertFalse(MarkedContentCheck.problems(Data("/Span<</ActualText<FEFF0066>>>BDC BT [<0001>]TJ ET EMC".utf8)).isEmpty)
        XCTAssertFalse(MarkedContentCheck.problems(Data("/P<</MCID 0>>BDC 0 0 m S".utf8)).isEmpty)
    }
}
