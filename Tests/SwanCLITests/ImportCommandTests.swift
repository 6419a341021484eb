import Foundation
import XCTest

/// `swan import`: the session file back from an archived invulblad (its attachment, byte for
/// byte) or from a filled-in fillable one; -o, `-o -`, and errors worded from the catalogues.
final class ImportCommandTests: XCTestCase {
    static let sessions = CLI.packageRoot.appendingPathComponent("Templates/sessions")
    private let dutch = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"]

    /// A session file as a person might have saved it: tabs, CR LF, escaped characters, keys out of
    /// order, no final line break. Valid, and far from what swan itself would write.
    static func unusualSessionFile(in folder: URL) throws -> (URL, Data) {
        let text = "{\r\n\t\"version\" : 1,\r\n\t\"omschrijving\": \"Mevrouw K. zegt \\u0022ik red me wel\\u0022 in café \\u00c9toile\\nTweede regel.\",\r\n"
            + "\t\"inbrenger\":\"Zo\\u00eb de Vries\",   \"datum\": \"2025-03-14\"\r\n}"
        let url = folder.appendingPathComponent("sessie.json")
        let data = Data(text.utf8)
        try data.write(to: url)
        return (url, data)
    }

    private func archived(_ session: URL) throws -> URL {
        let archive = CLI.temporaryDirectory().appendingPathComponent("archief")
        let result = try CLI.run(["archive", session.path, "--out", archive.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pdfs = try FileManager.default.contentsOfDirectory(at: archive, includingPropertiesForKeys: nil).filter { $0.pathExtension == "pdf" }
        XCTAssertEqual(pdfs.count, 1)
        return try XCTUnwrap(pdfs.first)
    }

    func testAnArchivedPDFGivesBackItsSessionFileByteForByte() throws {
        let folder = CLI.temporaryDirectory()
        let (unusual, unusualBytes) = try Self.unusualSessionFile(in: folder)
        for (session, original) in [(unusual, unusualBytes),
                                    (Self.sessions.appendingPathComponent("voorbeeld-uitgebreid.json"),
                                     try Data(contentsOf: Self.sessions.appendingPathComponent("voorbeeld-uitgebreid.json")))] {
            let pdf = try archived(session)
            let out = folder.appendingPathComponent("terug-\(session.lastPathComponent)")
            let written = try CLI.run(["import", pdf.path, "-o", out.path])
            XCTAssertEqual(written.status, 0, written.stderr)
            XCTAssertEqual(written.stderr, "", "nothing to say on success")
            XCTAssertEqual(try Data(contentsOf: out), original, "\(session.lastPathComponent): not the archived bytes")
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int, 0o600)
            for arguments in [["import", pdf.path], ["import", pdf.path, "-o", "-"]] {
                let printed = try CLI.run(arguments)
                XCTAssertEqual(printed.status, 0, printed.stderr)
                XCTAssertEqual(Data(printed.stdout.utf8), original, "\(arguments): standard output is not the archived bytes")
            }
        }
        // The unusual file is not what swan would write: the bytes were kept, not re-encoded.
        let reencoded = folder.appendingPathComponent("via-formulier.pdf")
        XCTAssertEqual(try CLI.run(["invulblad", "--fillable", unusual.path, "-o", reencoded.path]).status, 0)
        let fromForm = try CLI.run(["import", reencoded.path])
        XCTAssertEqual(fromForm.status, 0, fromForm.stderr)
        XCTAssertNotEqual(Data(fromForm.stdout.utf8), unusualBytes)
        // The same session, written in the current format version (a form keeps levels per choice).
        let expected = try XCTUnwrap(Self.json(unusualBytes).mutableCopy() as? NSMutableDictionary)
        expected["version"] = 2
        XCTAssertEqual(try Self.json(Data(fromForm.stdout.utf8)), expected, "the form gives the same session")
    }

    /// A damaged attachment is an error, not a silently different session.
    func testADamagedAttachmentIsAnErrorAndNothingIsWritten() throws {
        let folder = CLI.temporaryDirectory()
        let (session, _) = try Self.unusualSessionFile(in: folder)
        let pdf = try archived(session)
        // Uncompressed by qpdf, then one byte of the session file's text changed.
        let plain = folder.appendingPathComponent("plain.pdf")
        let qpdf = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/qpdf"), ["--stream-data=uncompress", pdf.path, plain.path])
        XCTAssertTrue(qpdf.status == 0 || qpdf.status == 3, qpdf.stderr)
        var bytes = try Data(contentsOf: plain)
        let marker = Data("\"inbrenger\":\"Zo".utf8)
        let range = try XCTUnwrap(bytes.range(of: marker), "the attachment is in the uncompressed file")
        bytes.replaceSubrange(range, with: Data("\"inbrenger\"=\"Zo".utf8))
        try bytes.write(to: plain)
        let out = folder.appendingPathComponent("out.json")
        let result = try CLI.run(["import", plain.path, "-o", out.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("plain.pdf (") && result.stderr.contains(".json):"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testAPDFWithoutFieldsOrSessionIsAnErrorInTheUsersLanguage() throws {
        let folder = CLI.temporaryDirectory()
        let checklist = folder.appendingPathComponent("checklist.pdf")
        XCTAssertEqual(try CLI.run(["checklist", "-o", checklist.path]).status, 0)
        let out = folder.appendingPathComponent("sessie.json")
        let result = try CLI.run(["import", checklist.path, "-o", out.path], environment: dutch)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("checklist.pdf: fout: de PDF heeft geen formuliervelden"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testTheFormIsNeverItsOwnOutput() throws {
        let folder = CLI.temporaryDirectory()
        let form = folder.appendingPathComponent("form.pdf")
        XCTAssertEqual(try CLI.run(["invulblad", "--fillable", "-o", form.path]).status, 0)
        let before = try Data(contentsOf: form)
        let result = try CLI.run(["import", form.path, "-o", form.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try Data(contentsOf: form), before)
    }

    static func json(_ data: Data) throws -> NSDictionary {
        try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }
}
