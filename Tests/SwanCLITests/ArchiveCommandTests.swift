import Foundation
import XCTest

/// `swan archive`: many sessions in one process, safely.
final class ArchiveCommandTests: XCTestCase {
    private func sessionsFolder(broken: Bool) throws -> URL {
        let folder = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let examples = CLI.packageRoot.appendingPathComponent("Templates/sessions")
        for name in ["voorbeeld-uitgebreid.json", "voorbeeld-minimaal.json"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        if broken {
            try Data(#"{"version": 1, "datum": "2025-02-30", "inbrenger": "X", "omschrijving": "Y"}"#.utf8)
                .write(to: folder.appendingPathComponent("kapot.json"))
        }
        return folder
    }

    private func pdfs(in folder: URL) throws -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".pdf") }.sorted() ?? []
    }

    func testOneBrokenFileDoesNotStopTheOthers() throws {
        let input = try sessionsFolder(broken: true)
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        let result = try CLI.run(["archive", input.path, "--out", out.path])
        XCTAssertEqual(result.status, 1, "a failed session makes the run fail")
        XCTAssertNotNil(result.stderr.range(of: #"kapot\.json:\d+:\d+: \$\.datum: error:"#, options: .regularExpression), result.stderr)
        XCTAssertTrue(result.stdout.contains("2 rendered, 0 kept, 1 failed"), result.stdout)
        let written = try pdfs(in: out)
        XCTAssertEqual(written.count, 2)
        for name in written {
            // Named by date and a short id, never by a person.
            XCTAssertNotNil(name.range(of: #"^\d{4}-\d{2}-\d{2}-[0-9a-f]{24}\.pdf$"#, options: .regularExpression), name)
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, name)
        }
        // No temporary files left behind: the PDFs and their manifest.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), written + ["SHA256SUMS"])
    }

    func testExistingArchiveIsKeptUnlessForced() throws {
        let input = try sessionsFolder(broken: false)
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try CLI.run(["archive", input.path, "--out", out.path]).status, 0)
        let name = try pdfs(in: out)[0]
        let target = out.appendingPathComponent(name)
        try Data("earlier archive".utf8).write(to: target)
        let again = try CLI.run(["archive", input.path, "--out", out.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 rendered, 2 kept"), again.stdout)
        XCTAssertEqual(try Data(contentsOf: target), Data("earlier archive".utf8))
        let forced = try CLI.run(["archive", input.path, "--out", out.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertNotEqual(try Data(contentsOf: target), Data("earlier archive".utf8))
    }

    /// -q: errors only; no line per file, no summary.
    func testQuietPrintsOnlyErrors() throws {
        let input = try sessionsFolder(broken: true)
        try Data("notes".utf8).write(to: input.appendingPathComponent("notities.txt"))
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        let result = try CLI.run(["archive", "-q", input.path, "--out", out.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "", "no summary")
        let lines = result.stderr.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines { XCTAssertTrue(line.contains("kapot.json") && line.contains("error:"), "only errors: \(line)") }
        XCTAssertEqual(try pdfs(in: out).count, 2)
        let quietAgain = try CLI.run(["archive", "--quiet", input.path, "--out", out.path])
        XCTAssertEqual(quietAgain.stdout, "")
        XCTAssertFalse(quietAgain.stderr.contains("kept"), quietAgain.stderr)
    }

    /// A re-run keeps every PDF: one line says how many, not one line each; -v lists them.
    func testAReRunSaysInOneLineWhatWasKept() throws {
        let input = try sessionsFolder(broken: false)
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try CLI.run(["archive", input.path, "--out", out.path]).status, 0)
        let again = try CLI.run(["archive", input.path, "--out", out.path], environment: ["LC_ALL": "C"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stderr, "kept 2 PDF(s) already in the archive (--force replaces them; -v lists them)\n")
        XCTAssertTrue(again.stdout.contains("0 rendered, 2 kept, 0 failed"), again.stdout)
        let listed = try CLI.run(["archive", "-v", input.path, "--out", out.path], environment: ["LC_ALL": "C"])
        XCTAssertEqual(listed.stderr.split(separator: "\n").filter { $0.hasPrefix("kept: ") }.count, 2, listed.stderr)
        let dutch = try CLI.run(["archive", input.path, "--out", out.path], environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"])
        XCTAssertEqual(dutch.stderr, "2 pdf('s) stonden al in het archief en zijn bewaard (--force vervangt ze; -v noemt ze)\n")
    }

    /// An archive is a folder: `-o -` (standard output elsewhere) is refused, no folder '-' made.
    func testStandardOutputIsRefusedAsTheArchive() throws {
        let input = try sessionsFolder(broken: false)
        let here = CLI.temporaryDirectory()
        for option in ["-o", "--out", "--output"] {
            let result = try CLI.run(["archive", input.path, option, "-"], in: here, environment: ["LC_ALL": "C"])
            XCTAssertEqual(result.status, 64, result.stderr)
            XCTAssertTrue(result.stderr.contains("error: the archive is a folder of PDFs and cannot go to standard output ('-o -')"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: here.appendingPathComponent("-").path), "a folder named '-'")
        }
        let dutch = try CLI.run(["archive", input.path, "-o", "-"], in: here, environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"])
        XCTAssertTrue(dutch.stderr.contains("fout: het archief is een map met pdf's en kan niet naar de standaarduitvoer"), dutch.stderr)
    }

    func testFilledInvulbladCommandFailsCleanlyOnBadSession() throws {
        let folder = CLI.temporaryDirectory()
        let session = folder.appendingPathComponent("s.json")
        try Data(#"{"version": 1, "datum": "2025-13-01", "inbrengr": "X", "omschrijving": "Y"}"#.utf8).write(to: session)
        let output = folder.appendingPathComponent("uit.pdf")
        let result = try CLI.run(["invulblad", session.path, "-o", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("$.datum"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'inbrenger'"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "no output file on failure")
    }

    func testFilledInvulbladIsPrivate() throws {
        let output = CLI.temporaryDirectory().appendingPathComponent("ingevuld.pdf")
        let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")
        let result = try CLI.run(["invulblad", session.path, "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}

final class PersonalMetadataTests: XCTestCase {
    func testNamesReachTheMetadataOnlyWhenAskedFor() throws {
        let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")
        let folder = CLI.temporaryDirectory()
        let plain = folder.appendingPathComponent("plain.pdf"), named = folder.appendingPathComponent("named.pdf")
        XCTAssertEqual(try CLI.run(["invulblad", session.path, "-o", plain.path]).status, 0)
        XCTAssertEqual(try CLI.run(["invulblad", session.path, "-o", named.path, "--personal-metadata"]).status, 0)
        let inbrenger = "Zoë de Vries"
        let plainInfo = try CLI.pdfinfo(plain), namedInfo = try CLI.pdfinfo(named)
        XCTAssertFalse(plainInfo.contains(inbrenger), plainInfo)
        XCTAssertTrue(namedInfo.contains("Author:          \(inbrenger)"), namedInfo)
    }
}
