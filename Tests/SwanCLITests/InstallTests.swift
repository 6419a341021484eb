import Foundation
import XCTest

/// `make install` / `make uninstall` with DESTDIR and PREFIX, and an installed swan that finds its
/// deck and fonts from its prefix (run from a folder with no Templates/ in sight).
final class InstallTests: XCTestCase {
    private func make(_ arguments: [String]) throws -> CLI.Result {
        let make = URL(fileURLWithPath: "/usr/bin/make")
        guard FileManager.default.isExecutableFile(atPath: make.path) else { throw XCTSkip("make missing") }
        return try CLI.run(program: make, arguments + ["--no-print-directory"])
    }

    func testInstallIntoDestdirThenUninstall() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let stage = CLI.temporaryDirectory()
        let variables = ["DESTDIR=\(stage.path)", "PREFIX=/opt/swan", "BIN=\(CLI.binary.path)"]
        // The man page needs a release build of generate-manual: `make install` makes it, the test skips it.
        let installed = try make(["install-files", "NO_MAN=1"] + variables)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        let prefix = stage.appendingPathComponent("opt/swan")
        for file in ["bin/swan", "share/swan/Templates/swan/deck.yaml", "share/swan/Fonts/NotoSans-Regular.ttf",
                     "share/swan/Fonts/OFL.txt", "share/swan/Messages/en.txt", "share/swan/Messages/nl.txt", "share/swan/Templates/sessions/voorbeeld-minimaal.json",
                     "share/bash-completion/completions/swan", "share/zsh/site-functions/_swan",
                     "share/fish/vendor_completions.d/swan.fish"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), file)
        }
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/swan"), encoding: .utf8)
        XCTAssertTrue(bash.contains("invulblad") && bash.contains("complete"), "completion names the subcommands")

        // Far from the source tree, the installed binary uses its own deck and fonts.
        let elsewhere = CLI.temporaryDirectory()
        let swan = prefix.appendingPathComponent("bin/swan")
        let check = try CLI.run(program: swan, ["check"], in: elsewhere)
        XCTAssertEqual(check.status, 0, check.stderr)
        let pdf = elsewhere.appendingPathComponent("checklist.pdf")
        let render = try CLI.run(program: swan, ["checklist", "-o", pdf.path], in: elsewhere)
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(try CLI.pdfinfo(pdf).contains("Pages:"))

        let removed = try make(["uninstall"] + variables)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        let left = (FileManager.default.enumerator(atPath: prefix.path)?.allObjects as? [String] ?? []).filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path, isDirectory: &folder) && !folder.boolValue
        }
        XCTAssertEqual(left, [], "uninstall leaves no files behind")
    }

    func testVersion() throws {
        let result = try CLI.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertNotNil(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), result.stdout)
    }
}
