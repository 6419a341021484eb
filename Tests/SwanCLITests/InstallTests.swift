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
        for file in ["bin/swan", "lib/swan/libswanqpdf.so", "share/swan/Templates/swan/deck.yaml", "share/swan/Fonts/NotoSans-Regular.ttf",
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

    /// Install and uninstall go by the manifest: a user's files beside swan's survive uninstall, an
    /// installed file the user edited is kept on uninstall and moved aside (with a message saying
    /// where) on a reinstall; only empty folders the install made are removed.
    func testUninstallKeepsTheUsersFilesAndReinstallBacksUpEdits() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let stage = CLI.temporaryDirectory()
        let variables = ["DESTDIR=\(stage.path)", "PREFIX=/usr/local", "BIN=\(CLI.binary.path)", "NO_MAN=1"]
        let prefix = stage.appendingPathComponent("usr/local")
        // A folder that was there before (as /usr/local/bin is), with someone else's program in it.
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: prefix.appendingPathComponent("bin/ander-programma"))
        let first = try make(["install-files"] + variables)
        XCTAssertEqual(first.status, 0, first.stderr)
        let share = prefix.appendingPathComponent("share/swan")
        let manifest = try String(contentsOf: share.appendingPathComponent("install-manifest.txt"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("  share/swan/Templates/swan/labels.yaml\n"), "the manifest lists the deck's files")
        XCTAssertNotNil(manifest.range(of: #"(?m)^[0-9a-f]{64}  bin/swan$"#, options: .regularExpression), "with their SHA-256")

        // The user's own files beside ours, and an edit to an installed deck file and session example.
        let notes = share.appendingPathComponent("notities.txt"), ownDeck = share.appendingPathComponent("Templates/mijn-deck/deck.yaml")
        let labels = share.appendingPathComponent("Templates/swan/labels.yaml")
        let example = share.appendingPathComponent("Templates/sessions/voorbeeld-minimaal.json")
        try FileManager.default.createDirectory(at: ownDeck.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mijn aantekeningen".utf8).write(to: notes)
        try Data("mijn deck".utf8).write(to: ownDeck)
        let shipped = try Data(contentsOf: labels)
        let edited = shipped + Data("# mijn wijziging\n".utf8)
        try edited.write(to: labels)
        try Data("{}".utf8).write(to: example)

        // A reinstall puts swan's version back and moves the edit aside, saying where.
        let second = try make(["install-files"] + variables)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try Data(contentsOf: labels), shipped)
        let backups = try FileManager.default.contentsOfDirectory(atPath: labels.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("labels.yaml.swan-backup-") }
        XCTAssertEqual(backups.count, 1, "\(backups)")
        let backup = labels.deletingLastPathComponent().appendingPathComponent(try XCTUnwrap(backups.first))
        XCTAssertEqual(try Data(contentsOf: backup), edited, "the edit is kept")
        XCTAssertTrue(second.stdout.contains("\(labels.path) is not as swan installed it"), second.stdout)
        XCTAssertTrue(second.stdout.contains("moved to \(backup.path)"), second.stdout)
        XCTAssertTrue(second.stdout.contains(example.path), "the session example too: \(second.stdout)")

        // Uninstall: an edited installed file stays (said), the user's files stay, the rest goes.
        try edited.write(to: labels)
        let removed = try make(["uninstall"] + variables)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertTrue(removed.stdout.contains("kept \(labels.path): it was changed since it was installed"), removed.stdout)
        XCTAssertEqual(try Data(contentsOf: labels), edited)
        XCTAssertEqual(try Data(contentsOf: notes), Data("mijn aantekeningen".utf8))
        XCTAssertEqual(try Data(contentsOf: ownDeck), Data("mijn deck".utf8))
        XCTAssertEqual(try Data(contentsOf: backup), edited)
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/ander-programma").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/swan").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: share.appendingPathComponent("install-manifest.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: share.appendingPathComponent("Fonts").path), "an emptied folder swan made is gone")
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/zsh").path))
        // A second uninstall has no list to go by: it removes nothing and says so.
        let again = try make(["uninstall"] + variables)
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("no list of installed files"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: notes), Data("mijn aantekeningen".utf8))
    }

    func testVersion() throws {
        let result = try CLI.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertNotNil(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), result.stdout)
    }
}
