import Foundation
import XCTest

/// PDFs made to hurt `swan import` and `swan archive` (issue 26): decompression bombs, a session
/// that bypasses the size limit, one attachment listed many times, a field tree 100,000 levels
/// deep, a replaced attachment, damaged data. Each is a clean error naming the user's file, in
/// bounded memory; nothing of qpdf's own output reaches the user. The PDFs are written by
/// Tests/HostilePDFs/hostile_pdf.py (standard library only), which also measures swan's memory.
final class HostilePDFTests: XCTestCase {
    static let script = CLI.packageRoot.appendingPathComponent("Tests/HostilePDFs/hostile_pdf.py").path
    static let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")

    struct Measured: Decodable {
        var status: Int32?
        var signal: Int32?
        var maxrss_kb: Int
        var stderr_bytes: Int
        var stderr: String
    }

    static func python() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 missing") }
        return URL(fileURLWithPath: "/usr/bin/python3")
    }

    static func make(_ kind: String, _ arguments: [String] = [], in folder: URL, name: String? = nil) throws -> URL {
        let pdf = folder.appendingPathComponent(name ?? "\(kind).pdf")
        let made = try CLI.run(program: try python(), [script, kind, pdf.path] + arguments)
        XCTAssertEqual(made.status, 0, made.stderr)
        return pdf
    }

    /// swan run with its peak memory measured (in its own process, not the test's).
    static func measure(_ arguments: [String]) throws -> Measured {
        let run = try CLI.run(program: try python(), [script, "measure", "--", CLI.binary.path] + arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONDecoder().decode(Measured.self, from: Data(run.stdout.utf8))
    }

    /// Peak memory of a swan import that fails at once (the blank form's import is about 60 MB).
    static let boundedMemoryKB = 200 << 10

    func testAnAttachmentBombIsStoppedAtTheSessionLimit() throws {
        let folder = CLI.temporaryDirectory()
        // 2.4 KB that inflates twice to 256 MiB.
        let bomb = try Self.make("attachment-bomb", ["256"], in: folder, name: "bom.pdf")
        let result = try Self.measure(["import", bomb.path, "-o", folder.appendingPathComponent("uit.json").path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("bom.pdf: error:") && result.stderr.contains("larger than 16 MB"), result.stderr)
        XCTAssertLessThan(result.maxrss_kb, Self.boundedMemoryKB, "memory grew with the bomb")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("uit.json").path))
    }

    func testAValidSessionLargerThanTheLimitCannotComeInAsAnAttachment() throws {
        let folder = CLI.temporaryDirectory()
        let big = try Self.make("large-session", [Self.session.path, "25"], in: folder, name: "groot.pdf")
        let result = try CLI.run(["import", big.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("groot.pdf: error:") && result.stderr.contains("larger than 16 MB, the largest session file"), result.stderr)
    }

    func testAnAttachmentListedManyTimesIsOneFileDecodedOnce() throws {
        let folder = CLI.temporaryDirectory()
        let many = try Self.make("listed-many", [Self.session.path, "64"], in: folder)
        let result = try CLI.run(["import", many.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Data(result.stdout.utf8), try Data(contentsOf: Self.session))
    }

    func testAnObjectStreamBombIsMeasuredBeforeQPDFExpandsIt() throws {
        let folder = CLI.temporaryDirectory()
        // 64 KB whose one object stream inflates to 512 MiB.
        let bomb = try Self.make("object-stream-bomb", ["512"], in: folder, name: "objecten.pdf")
        let result = try Self.measure(["import", bomb.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("objecten.pdf: error:") && result.stderr.contains("object stream 4 decodes to more than 8 MB"), result.stderr)
        XCTAssertLessThan(result.maxrss_kb, Self.boundedMemoryKB, "memory grew with the object stream")
    }

    func testADeepFieldTreeIsACleanErrorAndTheArchiveGoesOn() throws {
        let folder = CLI.temporaryDirectory()
        let inputs = folder.appendingPathComponent("invoer")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let deep = try Self.make("deep-fields", ["100000"], in: inputs, name: "diep.pdf")
        let result = try Self.measure(["import", deep.path])
        XCTAssertNil(result.signal, "swan was killed by signal \(result.signal ?? 0)")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("diep.pdf: error:") && result.stderr.contains("nested more than 32 levels deep"), result.stderr)
        XCTAssertLessThan(result.maxrss_kb, Self.boundedMemoryKB)

        // In an archive run, that input is reported and the other is archived.
        try FileManager.default.copyItem(at: Self.session, to: inputs.appendingPathComponent("sessie.json"))
        let archive = folder.appendingPathComponent("archief")
        let run = try CLI.run(["archive", inputs.path, "--out", archive.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("diep.pdf: error:"), run.stderr)
        XCTAssertTrue((run.stdout + run.stderr).contains("1 rendered, 0 kept, 1 failed"), run.stdout + run.stderr)
        let archived = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".pdf") }
        XCTAssertEqual(archived.count, 1)
    }

    /// qpdf's "WARNING: application did not handle error" and its repairs never reach the user;
    /// a read error names the user's file, never qpdf's made-up "input.pdf".
    func testDamagedPDFsAreOurMessagesNamingTheUsersFile() throws {
        let folder = CLI.temporaryDirectory()
        for (kind, expected) in [("bad-flate", "the attached file 'sessie.json' cannot be decoded"),
                                 ("garbage", "the PDF could not be read")] {
            let pdf = try Self.make(kind, in: folder, name: "mijn-\(kind).pdf")
            for language in ["en_GB.UTF-8", "nl_NL.UTF-8"] {
                let result = try CLI.run(["import", pdf.path], environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": language])
                XCTAssertEqual(result.status, 1)
                XCTAssertTrue(result.stderr.contains("mijn-\(kind).pdf: "), result.stderr)
                XCTAssertFalse(result.stderr.contains("WARNING"), result.stderr)
                XCTAssertFalse(result.stderr.contains("input.pdf"), result.stderr)
                XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
                if language.hasPrefix("en") { XCTAssertTrue(result.stderr.contains(expected), result.stderr) }
            }
        }
    }

    private func archived(_ session: URL, into archive: URL) throws -> URL {
        let result = try CLI.run(["archive", session.path, "--out", archive.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pdfs = try FileManager.default.contentsOfDirectory(at: archive, includingPropertiesForKeys: nil).filter { $0.pathExtension == "pdf" }
        return try XCTUnwrap(pdfs.first)
    }

    /// An archive whose attachment was swapped for another valid session of the same length is
    /// an error (the attachment's name carries the SHA-256 of the session); so is an archive
    /// renamed onto another archive's name.
    func testAReplacedAttachmentOrARenamedArchiveIsRefused() throws {
        let folder = CLI.temporaryDirectory()
        let (session, _) = try ImportCommandTests.unusualSessionFile(in: folder)
        let pdf = try archived(session, into: folder.appendingPathComponent("archief"))
        let plain = folder.appendingPathComponent("vervangen.pdf")
        let qpdf = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/qpdf"), ["--stream-data=uncompress", pdf.path, plain.path])
        XCTAssertTrue(qpdf.status == 0 || qpdf.status == 3, qpdf.stderr)
        var bytes = try Data(contentsOf: plain)
        let range = try XCTUnwrap(bytes.range(of: Data("Tweede regel.".utf8)))
        bytes.replaceSubrange(range, with: Data("Tweede REGEL.".utf8))  // still a valid session, same length
        try bytes.write(to: plain)
        let replaced = try CLI.run(["import", plain.path])
        XCTAssertEqual(replaced.status, 1)
        XCTAssertEqual(replaced.stdout, "")
        XCTAssertTrue(replaced.stderr.contains("vervangen.pdf: error: the attached session file does not match its name"), replaced.stderr)

        // Another session's archive copied onto the first one's name.
        let other = try archived(Self.session, into: folder.appendingPathComponent("ander"))
        let renamed = folder.appendingPathComponent(pdf.lastPathComponent)
        try FileManager.default.copyItem(at: other, to: renamed)
        let result = try CLI.run(["import", renamed.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is not the one this archive's name"), result.stderr)
        // The archive under its own name still imports.
        XCTAssertEqual(try CLI.run(["import", other.path]).status, 0)
    }

    /// `/dev/stdin` as a pipe is read like `-`, with the size limit.
    func testDevStdinAsAPipeIsRead() throws {
        let folder = CLI.temporaryDirectory()
        let archive = folder.appendingPathComponent("archief")
        let pdf = try archived(Self.session, into: archive)
        let shell = try CLI.run(program: URL(fileURLWithPath: "/bin/sh"),
                                ["-c", "cat \"$1\" | \"$2\" import /dev/stdin", "sh", pdf.path, CLI.binary.path])
        XCTAssertEqual(shell.status, 0, shell.stderr)
        XCTAssertEqual(Data(shell.stdout.utf8), try Data(contentsOf: Self.session))
        let check = try CLI.run(program: URL(fileURLWithPath: "/bin/sh"),
                                ["-c", "cat \"$1\" | \"$2\" check /dev/stdin", "sh", Self.session.path, CLI.binary.path])
        XCTAssertEqual(check.status, 0, check.stderr)
    }
}
