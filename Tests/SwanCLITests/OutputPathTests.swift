import Foundation
import XCTest

/// Every command says where its output went (-q: silent); a filled invulblad without -o gets a
/// name from the date and an id, mode 0600, never the blank form's name; options are the same
/// everywhere; a mistyped command gets a suggestion.
final class OutputPathTests: XCTestCase {
    func testCommandsPrintThePathsTheyWroteAndQuietPrintsNothing() throws {
        let folder = CLI.temporaryDirectory()
        let pdf = folder.appendingPathComponent("checklist.pdf")
        let loud = try CLI.run(["checklist", "-o", pdf.path])
        XCTAssertEqual(loud.status, 0, loud.stderr)
        XCTAssertEqual(loud.stdout, "wrote \(pdf.path)\n")
        let quiet = try CLI.run(["checklist", "-q", "-o", pdf.path])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout, "")
    }

    func testAFilledInvulbladWithoutOutputIsNamedByDateAndIdWithOwnerOnlyMode() throws {
        let work = CLI.temporaryDirectory()
        let session = work.appendingPathComponent("s.json")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json"), to: session)
        let result = try CLI.run(["invulblad", session.path, "--templates", CLI.packageRoot.appendingPathComponent("Templates/swan").path], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let match = try XCTUnwrap(result.stdout.range(of: #"Output/2025-03-14-[0-9a-f]{24}\.pdf"#, options: .regularExpression), result.stdout)
        let written = work.appendingPathComponent(String(result.stdout[match]))
        let mode = try FileManager.default.attributesOfItem(atPath: written.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("Output/invulblad.pdf").path))
    }

    func testArchiveTakesOutputLikeEveryCommandAndStillOut() throws {
        let sessions = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json").path
        for flag in ["-o", "--output", "--out"] {
            let folder = CLI.temporaryDirectory().appendingPathComponent("archief")
            let result = try CLI.run(["archive", sessions, flag, folder.path])
            XCTAssertEqual(result.status, 0, "\(flag): \(result.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }.count, 1, flag)
        }
    }

    func testAMistypedCommandGetsASuggestion() throws {
        let result = try CLI.run(["chek"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown command 'chek'; did you mean 'check'?"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
