import Foundation
import XCTest

/// Emboldened bold (a fallback family without a bold face, issue 32) in an archived form: with a
/// deck whose bold leader label holds Chinese, the file is still PDF/A-3a (PDFBox Preflight, the
/// rules only PDF/A-1 has left aside) and PDF/UA-1 (our rules), and mupdf sees stroked glyphs.
final class EmboldenedArchiveTests: XCTestCase {
    func testEmboldenedTextKeepsTheArchiveGrade() throws {
        let deck = try CLI.deckCopy()
        let labels = deck.appendingPathComponent("labels.yaml")
        let text = try String(contentsOf: labels, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "form.filled.leader: \"GESPREKSLEIDER:\"",
                                                with: "form.filled.leader: \"GESPREKSLEIDER 李小龍:\"")
        XCTAssertNotEqual(changed, text, "the deck's leader label")
        try changed.write(to: labels, atomically: true, encoding: .utf8)
        let folder = CLI.temporaryDirectory()
        let input = folder.appendingPathComponent("in"), out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ArchiveGradeTests.sessions.appendingPathComponent("voorbeeld-uitgebreid.json"),
                                         to: input.appendingPathComponent("s.json"))
        let result = try CLI.run(["archive", input.path, "--out", out.path, "--templates", deck.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pdf = try XCTUnwrap(try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil)
            .first { $0.pathExtension == "pdf" })
        let trace = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/mutool"), ["trace", pdf.path]).stdout
        XCTAssertEqual(trace.components(separatedBy: "<stroke_text").count - 1, 1, "the bold Chinese filled and stroked")
        let errors = try Preflight.errors(pdf)
        XCTAssertEqual(errors.filter { line in !Preflight.onlyPDFA1.contains { line.hasPrefix($0 + " ") } }, [], "\(errors)")
        XCTAssertEqual(try PDFUARules.problems(pdf), [])
    }
}
