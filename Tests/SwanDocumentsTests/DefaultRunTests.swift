import Foundation
import XCTest
import SwanApp
import SwanDocuments
import SwanTestSupport

/// The default run and the one-document path of the commands, in process (SwanApp): what
/// `swan` writes is made here, then only written and reported by the command line.
final class DefaultRunTests: XCTestCase {
    private let workplace = Workplace(environment: ["SOURCE_DATE_EPOCH": "1700000000"], currentDirectory: PackagePaths.root,
                                      arguments: ["swan"])

    func testTheDefaultRunMakesTheWholeSetInMemory() throws {
        let context = try workplace.documentContext(workplace.loadDeck())
        let results = try DefaultSet.make(context, exporters: workplace.exporters(pdfWriter: .native))
        XCTAssertEqual(results.failed, [])
        XCTAssertEqual(results.errors, [])
        XCTAssertEqual(results.count, DocumentRegistry.documents.filter(\.inDefaultSet).count)
        var tops: [String] = []
        for file in results.files {
            let top = String(file.path.split(separator: "/")[0])
            if tops.last != top { tops.append(top) }
        }
        XCTAssertEqual(tops, ["kaarten-thuis-printen.pdf", "kaarten-drukker.pdf", "previews", "specimen.pdf", "kaarten-scherm.pdf",
                              "kaarten-scherm", "overzicht.pdf", "invulblad.pdf", "checklist.pdf", "handleiding.pdf"])
        for file in results.files {
            let magic = file.path.hasSuffix(".pdf") ? Data("%PDF-".utf8) : Data([0x89, 0x50, 0x4E, 0x47])
            XCTAssertTrue(file.data.starts(with: magic), file.path)
        }
        // The screen edition's images are named after its PDF.
        XCTAssertTrue(results.files.contains { $0.path.hasPrefix("kaarten-scherm/") && $0.path.hasSuffix(".png") })
    }

    /// A command's document: the output checked, the document made and written with the run's
    /// writer; an output over one of the run's inputs is refused before anything is made.
    func testOneDocumentIsWrittenWhereTheCommandSays() throws {
        let context = try workplace.documentContext(workplace.loadDeck())
        let folder = TemporaryFolder.make("swan-default-run")
        let target = folder.appendingPathComponent("checklist.pdf")
        var made = 0
        let written = try SingleDocument.write(context, exporters: workplace.exporters(pdfWriter: .cairo), read: { _ in },
                                               output: { _, _ in target.path }, diagnostics: Diagnostics()) { _, context, diagnostics in
            made += 1
            return try ChecklistDocument.make(context, diagnostics: diagnostics)
        }
        guard case .file(let url) = written.value else { return XCTFail("written to a file") }
        XCTAssertEqual(written.warnings, [], "the checklist keeps its claim")
        XCTAssertEqual(url.path, target.path)
        XCTAssertTrue(try Data(contentsOf: target).starts(with: Data("%PDF-".utf8)))
        XCTAssertTrue(try TestSupportTool.producer(of: target).lowercased().contains("cairo"), "the chosen writer")

        let input = folder.appendingPathComponent("session.json")
        try Data("{}".utf8).write(to: input)
        XCTAssertThrowsError(try SingleDocument.write(context, exporters: workplace.exporters(pdfWriter: .native), read: { _ in },
                                                      output: { _, _ in input.path }, inputs: [input],
                                                      diagnostics: Diagnostics()) { _, context, diagnostics in
            made += 1
            return try ChecklistDocument.make(context, diagnostics: diagnostics)
        })
        XCTAssertEqual(made, 1, "nothing is made for a refused output")
        XCTAssertEqual(try Data(contentsOf: input), Data("{}".utf8), "the input is untouched")
    }
}

private enum TestSupportTool {
    /// The PDF's /Producer as pdfinfo reads it.
    static func producer(of pdf: URL) throws -> String {
        let info = try Tool.run("pdfinfo", [pdf.path]).output
        return info.split(separator: "\n").first { $0.hasPrefix("Producer:") }.map(String.init) ?? ""
    }
}
