import Foundation
import XCTest

/// Every document that claims PDF/UA-1, checked by a checker no one here wrote: outloud (PyPI,
/// pinned in the Makefile, installed into .venv-test by `make test-deps`), its PDF/UA-1
/// conformance layer (calibrated against veraPDF's fixtures). Any conformance error fails the
/// test; `make test` (SWAN_REQUIRE_FORM_READERS=1) fails when outloud is missing, never skips.
final class OutloudTests: XCTestCase {
    /// What `swan all` writes that claims PDF/UA-1.
    static let claiming = ["handleiding.pdf", "invulblad.pdf", "checklist.pdf", "overzicht.pdf", "kaarten-scherm.pdf"]

    static func outloud() throws -> URL {
        let url = CLI.packageRoot.appendingPathComponent(".venv-test/bin/outloud")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            if ProcessInfo.processInfo.environment["SWAN_REQUIRE_FORM_READERS"] == "1" {
                XCTFail("no .venv-test/bin/outloud: make test-deps installs it")
            }
            throw XCTSkip(".venv-test/bin/outloud is missing (make test installs outloud into .venv-test)")
        }
        return url
    }

    /// outloud's conformance errors per file (file name: "RULE message"), and the files it could not read.
    static func conformanceErrors(_ pdfs: [URL]) throws -> [String: [String]] {
        let report = CLI.temporaryDirectory().appendingPathComponent("outloud.json")
        let run = try CLI.run(program: try outloud(), ["--layer", "conformance", "--fail-on", "never", "--json", report.path] + pdfs.map(\.path))
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, pdfs.count, "a result per file")
        var errors: [String: [String]] = [:]
        for result in results {
            let name = URL(fileURLWithPath: result["path"] as? String ?? "?").lastPathComponent
            var found: [String] = []
            if let failure = result["error"] as? String { found.append("outloud could not check it: \(failure)") }
            for finding in result["findings"] as? [[String: Any]] ?? [] where finding["severity"] as? String == "error" {
                found.append("\(finding["rule"] ?? "?") \(finding["message"] ?? "")")
            }
            let counted = (result["counts"] as? [String: Any])?["error"] as? Int ?? -1
            if counted != 0 && found.isEmpty { found.append("\(counted) error(s) counted") }
            errors[name] = found
        }
        return errors
    }

    func testEveryDocumentThatClaimsPDFUA1PassesOutloud() throws {
        _ = try Self.outloud()
        let folder = CLI.temporaryDirectory()
        let all = try CLI.run(["all", "-q", "-o", folder.path])
        XCTAssertEqual(all.status, 0, all.stderr)
        let session = ArchiveGradeTests.sessions.appendingPathComponent("voorbeeld-uitgebreid.json")
        let filled = folder.appendingPathComponent("filled.pdf")
        let written = try CLI.run(["invulblad", "-q", session.path, "-o", filled.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        let archive = folder.appendingPathComponent("archive")
        let archived = try CLI.run(["archive", "-q", session.path, "--out", archive.path])
        XCTAssertEqual(archived.status, 0, archived.stderr)

        var pdfs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        pdfs += try FileManager.default.contentsOfDirectory(at: archive, includingPropertiesForKeys: nil)
        let claiming = try pdfs.filter { $0.pathExtension == "pdf" }.filter { try PDFUARules.claimsPDFUA($0) }
            .sorted { $0.path < $1.path }
        let names = Set(claiming.map(\.lastPathComponent))
        XCTAssertEqual(Set(Self.claiming + ["filled.pdf"]).subtracting(names), [], "these claim PDF/UA-1: \(names.sorted())")
        XCTAssertEqual(claiming.count, Self.claiming.count + 2, "the archive file too: \(names.sorted())")
        let errors = try Self.conformanceErrors(claiming)
        for pdf in claiming {
            XCTAssertEqual(errors[pdf.lastPathComponent], [], pdf.lastPathComponent)
        }
    }

    /// The screen edition's captions "voorkant" and "achterkant" stand on every card page: they
    /// are artifacts, not content a screen reader reads 20 times (outloud's semantic rule PAG-001,
    /// "running header or footer tagged as content", found them before they were).
    func testTheScreenEditionsRepeatedLabelsAreNotContent() throws {
        let pdf = CLI.temporaryDirectory().appendingPathComponent("scherm.pdf")
        let result = try CLI.run(["cards", "--kind", "screen", "-q", "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = pdf.deletingLastPathComponent().appendingPathComponent("pag.json")
        let run = try CLI.run(program: try Self.outloud(), ["--only", "PAG-001", "--fail-on", "never", "--json", report.path, pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let result0 = try XCTUnwrap((json["results"] as? [[String: Any]])?.first)
        XCTAssertEqual((result0["findings"] as? [Any])?.count, 0, "\(result0["findings"] ?? "")")
    }

    /// The checker does find what it is run for: an untagged PDF (the fillable form claims nothing
    /// and is not tagged) has conformance errors.
    func testOutloudFindsTheErrorsOfAnUntaggedFile() throws {
        _ = try Self.outloud()
        let pdf = CLI.temporaryDirectory().appendingPathComponent("fillable.pdf")
        let result = try CLI.run(["invulblad", "-q", "--fillable", "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let errors = try Self.conformanceErrors([pdf])["fillable.pdf"] ?? []
        XCTAssertTrue(errors.contains { $0.hasPrefix("DOC-002") }, "no structure tree: \(errors)")
    }
}
