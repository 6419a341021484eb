import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanTestSupport

/// The default deck, a document context, rendering to a temporary folder, and the poppler and
/// qpdf tools that check the PDFs.
enum FormsTest {
    static let packageRoot = PackagePaths.root
    static let deckDirectory = PackagePaths.defaultDeck
    static let sessions = PackagePaths.sessions

    private static let lock = NSLock()
    /// Only read and written under `lock`.
    nonisolated(unsafe) private static var cachedContext: DocumentContext?

    /// One context for all tests (loading fonts and the dictionary once).
    static func context() throws -> DocumentContext {
        lock.lock(); defer { lock.unlock() }
        if let cachedContext { return cachedContext }
        let deck = try DeckLoader.load(from: deckDirectory)
        let context = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000))
        cachedContext = context
        return context
    }

    static func temporaryDirectory() throws -> URL { TemporaryFolder.make("swan-forms") }

    /// Writes `document` as a PDF in a fresh temporary folder.
    static func write(_ document: Document, name: String, permissions: Int? = nil) throws -> URL {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try TestExporters.pdf.write(document, to: url, permissions: permissions)
        return url
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(tool, arguments)
    }

    /// The text of the PDF (or of one page), as pdftotext extracts it.
    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return try run("pdftotext", arguments + [pdf.path, "-"]).output
    }

    /// For comparing set text with source text: no white space (line ends, justified spaces),
    /// no hyphens (hyphenation at line ends), no characters outside the fonts' plane.
    /// Text as compared: no whitespace or hyphens (line breaks move them), and quotes as
    /// straight ones (the typesetter sets typographic quotes for straight ones, deck's choice).
    static func normalise(_ text: String) -> String {
        let quotes: [Unicode.Scalar: Unicode.Scalar] = ["\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"",
                                                         "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'"]
        return String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
            guard !scalar.properties.isWhitespace && scalar != "-" && scalar != "\u{00AD}" && scalar != "\u{2010}"
                && scalar.value <= 0xFFFF && scalar != "\u{FFFD}" else { return nil }
            return quotes[scalar] ?? scalar
        }))
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let info = try run("pdfinfo", [pdf.path]).output
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    /// Checks every page is A4, qpdf finds no damage, and every font is embedded, subset and
    /// mapped to Unicode.
    static func assertWellFormed(_ pdf: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let pages = try pageCount(pdf)
        XCTAssertGreaterThan(pages, 0, file: file, line: line)
        let sizes = try run("pdfinfo", ["-f", "1", "-l", String(pages), pdf.path]).output
            .split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        XCTAssertEqual(sizes.count, pages, file: file, line: line)
        for size in sizes { XCTAssertTrue(size.contains("595.276 x 841.89") && size.contains("(A4)"), "\(size)", file: file, line: line) }
        XCTAssertEqual(try run("qpdf", ["--check", pdf.path]).status, 0, "qpdf --check", file: file, line: line)
        let fonts = try run("pdffonts", [pdf.path]).output.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty, file: file, line: line)
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni object ID: emb, sub and uni are the 3 columns before the last 2.
            let flags = columns.suffix(5).prefix(3)
            XCTAssertEqual(Array(flags), ["yes", "yes", "yes"], "font not embedded/subset/unicode: \(font)", file: file, line: line)
        }
    }

    /// The text of a filled form (or of one page) as one flow: the footer lines and the headings
    /// of continuation pages (which interrupt a long answer between two pages) taken out.
    static func flowText(_ pdf: URL, footer: String, page: Int? = nil) throws -> String {
        let context = try context()
        // The continuation heading's own words around the section's name ("… (vervolg)").
        let marker = "\u{1}"
        let parts = try context.label("form.continued", ["section": marker]).components(separatedBy: marker)
        let (prefix, suffix) = (parts.first ?? "", parts.last ?? "")
        let pages = try pageCount(pdf)
        let numbers = try Set((1...max(1, pages)).map { try context.label("page.number", ["page": "\($0)", "pages": "\(pages)"]) })
        let lines = try text(pdf, page: page).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{0C}", with: "")
        }
        let kept = lines.filter { !($0.hasPrefix(prefix) && $0.hasSuffix(suffix)) && $0 != footer && !numbers.contains($0) }
        return normalise(kept.joined(separator: "\n"))
    }

    /// Asserts that `needle` appears in `haystack`, both normalised.
    static func assertContains(_ haystack: String, _ needle: String, _ what: String = "",
                               file: StaticString = #filePath, line: UInt = #line) {
        let expected = normalise(needle)
        guard !expected.isEmpty else { return }
        XCTAssertTrue(haystack.contains(expected), "missing in PDF text \(what): \(needle)", file: file, line: line)
    }
}
