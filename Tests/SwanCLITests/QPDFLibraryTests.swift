import Foundation
import XCTest
import SwanDiagnostics

/// Issue 33: libqpdf is loaded only by the commands that read a PDF or finish cairo's, from
/// libswanqpdf beside the binary (or PREFIX/lib/swan); swan itself does not link it, and a swan
/// without the library says where it looked, writes nothing and fails.
final class QPDFLibraryTests: XCTestCase {
    private static let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json")

    func testSwanDoesNotLinkQPDFButItsLibraryDoes() throws {
        #if os(Linux)
        let readelf = URL(fileURLWithPath: "/usr/bin/readelf")
        guard FileManager.default.isExecutableFile(atPath: readelf.path) else { throw XCTSkip("readelf missing") }
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        func needed(_ file: URL) throws -> [String] {
            let result = try CLI.run(program: readelf, ["-d", file.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.map(String.init)
        }
        let swan = try needed(CLI.binary)
        XCTAssertFalse(swan.isEmpty, "readelf lists swan's libraries")
        XCTAssertEqual(swan.filter { $0.contains("qpdf") }, [], "swan links no qpdf")
        let library = try needed(CLI.binary.deletingLastPathComponent().appendingPathComponent("libswanqpdf.so"))
        XCTAssertTrue(library.contains { $0.contains("libqpdf") }, "\(library)")
        // The library is C and C++: no second (dynamic) Swift runtime comes with it.
        XCTAssertEqual(library.filter { $0.contains("swift") }, [], "\(library)")
        #else
        throw XCTSkip("readelf is for ELF binaries")
        #endif
    }

    func testWithoutItsLibrarySwanImportSaysWhereItLookedAndWritesNothing() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let folder = CLI.temporaryDirectory().resolvingSymlinksInPath()
        let form = folder.appendingPathComponent("ingevuld.pdf")
        let made = try CLI.run(["invulblad", "--fillable", Self.session.path, "-o", form.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        // The same binary, alone in a folder: no libswanqpdf beside it, no lib/swan above it.
        let alone = folder.appendingPathComponent("alleen/bin")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        let swan = alone.appendingPathComponent("swan")
        try FileManager.default.copyItem(at: CLI.binary, to: swan)
        let environment = ["SWAN_MESSAGES": CLI.packageRoot.appendingPathComponent("Messages").path,
                           "SWAN_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates/swan").path,
                           "LC_ALL": "C"]
        // What needs no PDF read still works.
        let blank = try CLI.run(program: swan, ["invulblad", "-o", folder.appendingPathComponent("leeg.pdf").path], in: folder, environment: environment)
        XCTAssertEqual(blank.status, 0, blank.stderr)

        let out = folder.appendingPathComponent("sessie.json")
        let result = try CLI.run(program: swan, ["import", form.path, "-o", out.path], in: folder, environment: environment)
        XCTAssertNotEqual(result.status, 0)
        let catalogue = Catalogue.load(.english, from: CLI.packageRoot.appendingPathComponent("Messages"))
        let worded = catalogue.text(Message(code: "engine.pdf-library-missing", arguments: [
            "beside": "\(alone.appendingPathComponent("libswanqpdf.so").path)",
            "installed": "\(folder.appendingPathComponent("alleen/lib/swan/libswanqpdf.so").path)"]))
        XCTAssertFalse(worded.contains("engine.pdf-library"), worded)
        XCTAssertTrue(result.stderr.contains(worded), result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no output")

        // A file that is no library: its path and the loader's reason.
        try Data("not a library".utf8).write(to: alone.appendingPathComponent("libswanqpdf.so"))
        let broken = try CLI.run(program: swan, ["import", form.path, "-o", out.path], in: folder, environment: environment)
        XCTAssertNotEqual(broken.status, 0)
        let unusable = try XCTUnwrap(catalogue.template("engine.pdf-library-unusable"))
        let opening = try XCTUnwrap(unusable.components(separatedBy: "{").first)
        XCTAssertTrue(broken.stderr.contains(opening) && broken.stderr.contains(alone.appendingPathComponent("libswanqpdf.so").path), broken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no output")
    }
}
