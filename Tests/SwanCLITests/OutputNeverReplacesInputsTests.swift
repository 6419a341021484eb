import Foundation
import XCTest

/// No output replaces a file the run reads (docs/reliability.md): the deck's files, its fonts, the
/// message catalogues, the session, the hyphenation dictionary, the ICC profile, swan itself,
/// however the path is spelled, for `-o`, `swan all -o`, the screen edition's image folder and
/// the archive. An earlier output that is no input is replaced as usual.
final class OutputNeverReplacesInputsTests: XCTestCase {
    private let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json").path
    private let refused = "it is one of the files this run reads"

    /// An installed-like tree: share/swan/Templates/swan (whose typography names ../../Fonts),
    /// share/swan/Fonts, share/swan/Messages, and a hyphenation dictionary, all copies.
    private struct Installed {
        let root: URL
        var deck: URL { root.appendingPathComponent("share/swan/Templates/swan") }
        var fonts: URL { root.appendingPathComponent("share/swan/Fonts") }
        var messages: URL { root.appendingPathComponent("share/swan/Messages") }
        var dictionary: URL { root.appendingPathComponent("hyph_nl_NL.dic") }
        var environment: [String: String] { ["SWAN_MESSAGES": messages.path, "SWAN_HYPHEN_DICT": dictionary.path] }
    }

    private func installed() throws -> Installed {
        let manager = FileManager.default
        let tree = Installed(root: CLI.temporaryDirectory())
        try manager.createDirectory(at: tree.deck.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/swan"), to: tree.deck)
        try manager.copyItem(at: CLI.packageRoot.appendingPathComponent("Fonts"), to: tree.fonts)
        try manager.createDirectory(at: tree.messages, withIntermediateDirectories: true)
        for name in ["en.txt", "nl.txt"] {
            try manager.copyItem(at: CLI.packageRoot.appendingPathComponent("Messages/\(name)"), to: tree.messages.appendingPathComponent(name))
        }
        guard let dictionary = ["/usr/share/hyphen/hyph_nl_NL.dic", "/opt/homebrew/share/hyphen/hyph_nl_NL.dic"]
            .first(where: manager.fileExists(atPath:)) else { throw XCTSkip("no Dutch hyphenation dictionary") }
        try manager.copyItem(atPath: dictionary, toPath: tree.dictionary.path)
        return tree
    }

    /// Every regular file under `folder` with its bytes.
    private func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            var info = stat()
            let path = folder.appendingPathComponent(relative).path
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { result[relative] = try Data(contentsOf: URL(fileURLWithPath: path)) }
        }
        return result
    }

    func testMinusOOntoFontsCataloguesDictionaryAndDeckIsRefused() throws {
        let tree = try installed()
        let before = try contents(tree.root)
        let outputs = [
            // The deck's fonts as typography.yaml reaches them, and plainly.
            tree.deck.path + "/../../Fonts/NotoSans-Regular.ttf",
            tree.fonts.appendingPathComponent("NotoSans-Bold.ttf").path,
            tree.messages.appendingPathComponent("nl.txt").path,
            tree.messages.appendingPathComponent("en.txt").path,
            tree.dictionary.path,
            tree.deck.appendingPathComponent("forms/../labels.yaml").path,
        ]
        for output in outputs {
            let result = try CLI.run(["invulblad", "--templates", tree.deck.path, session, "-o", output], in: tree.root, environment: tree.environment)
            XCTAssertEqual(result.status, 1, "\(output): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("cannot write \(output): \(refused) ("), result.stderr)
        }
        // The same file under another name: a hard link is the same device and inode.
        let link = tree.root.appendingPathComponent("uit.pdf")
        XCTAssertEqual(Foundation.link(tree.fonts.appendingPathComponent("NotoSans-Italic.ttf").path, link.path), 0)
        let linked = try CLI.run(["checklist", "--templates", tree.deck.path, "-o", "uit.pdf"], in: tree.root, environment: tree.environment)
        XCTAssertEqual(linked.status, 1, linked.stderr)
        XCTAssertTrue(linked.stderr.contains("cannot write uit.pdf: \(refused) ("), linked.stderr)
        XCTAssertTrue(linked.stderr.contains("NotoSans-Italic.ttf"), "the message names the file as the run read it: \(linked.stderr)")
        // Nothing of the tree changed; in Dutch the same refusal.
        XCTAssertEqual(try contents(tree.root), before.merging(["uit.pdf": before["share/swan/Fonts/NotoSans-Italic.ttf"]!]) { $1 })
        let dutch = try CLI.run(["checklist", "--templates", tree.deck.path, "-o", "uit.pdf"], in: tree.root,
                                environment: tree.environment.merging(["LC_ALL": "nl_NL.UTF-8"]) { $1 })
        XCTAssertTrue(dutch.stderr.contains("het is een van de bestanden die deze opdracht leest"), dutch.stderr)
        let check = try CLI.run(["check", tree.deck.path], in: tree.root, environment: tree.environment)
        XCTAssertEqual(check.status, 0, "the deck still loads: \(check.stderr)")
    }

    func testFoldersOfTheSetAndTheScreenEditionHoldingAnInputAreRefused() throws {
        let tree = try installed()
        let before = try contents(tree.deck)
        // The screen edition's images go into a folder named after the PDF: here the deck's layout/.
        let screen = try CLI.run(["cards", "--kind", "screen", "--templates", tree.deck.path, "-o", tree.deck.appendingPathComponent("layout.pdf").path],
                                 in: tree.root, environment: tree.environment)
        XCTAssertEqual(screen.status, 1, screen.stderr)
        XCTAssertTrue(screen.stderr.contains("cannot write \(tree.deck.appendingPathComponent("layout").path): \(refused) ("), screen.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.deck.appendingPathComponent("layout.pdf").path))
        // `swan all -o DIR` where one of the set's names is (a link to) a deck file.
        let out = tree.root.appendingPathComponent("uit")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        XCTAssertEqual(link(tree.deck.appendingPathComponent("overzicht.yaml").path, out.appendingPathComponent("checklist.pdf").path), 0)
        let all = try CLI.run(["all", "--templates", tree.deck.path, "-o", out.path], in: tree.root, environment: tree.environment)
        XCTAssertEqual(all.status, 1, all.stderr)
        XCTAssertTrue(all.stderr.contains("cannot write \(out.appendingPathComponent("checklist.pdf").path): \(refused) ("), all.stderr)
        XCTAssertEqual(try contents(out).keys.sorted(), ["checklist.pdf"], "nothing of the set written")
        // The previews, one file at a time, the same.
        XCTAssertEqual(link(tree.deck.appendingPathComponent("deck.yaml").path, out.appendingPathComponent("contact-sheet.png").path), 0)
        let previews = try CLI.run(["cards", "--kind", "previews", "--templates", tree.deck.path, "-o", out.path], in: tree.root, environment: tree.environment)
        XCTAssertEqual(previews.status, 1, previews.stderr)
        XCTAssertTrue(previews.stderr.contains(refused), previews.stderr)
        XCTAssertEqual(try contents(tree.deck), before, "no deck file changed")
    }

    func testTheArchiveNeverReplacesTheICCProfileAndSwanNeverReplacesItself() throws {
        let tree = try installed()
        guard let profile = ["/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/free/sRGB.icc"]
            .first(where: FileManager.default.fileExists(atPath:)) else { throw XCTSkip("no sRGB profile") }
        let icc = tree.root.appendingPathComponent("sRGB.icc")
        try FileManager.default.copyItem(atPath: profile, toPath: icc.path)
        let iccBytes = try Data(contentsOf: icc)
        var environment = tree.environment
        environment["SWAN_ICC_PROFILE"] = icc.path
        let out = tree.root.appendingPathComponent("archief")
        let first = try CLI.run(["archive", "--templates", tree.deck.path, session, "--out", out.path], in: tree.root, environment: environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        // The archive's own name for this session, made a second name of the profile.
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".pdf") })
        try FileManager.default.removeItem(at: out.appendingPathComponent(name))
        XCTAssertEqual(link(icc.path, out.appendingPathComponent(name).path), 0)
        let forced = try CLI.run(["archive", "--templates", tree.deck.path, session, "--out", out.path, "--force"], in: tree.root, environment: environment)
        XCTAssertEqual(forced.status, 1, forced.stderr)
        XCTAssertTrue(forced.stderr.contains(refused), forced.stderr)
        XCTAssertEqual(try Data(contentsOf: icc), iccBytes, "the profile is untouched")

        // swan itself (a second name of the binary, run under that name).
        let bin = tree.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let swan = bin.appendingPathComponent("swan")
        if link(CLI.binary.path, swan.path) != 0 { try FileManager.default.copyItem(at: CLI.binary, to: swan) }
        var info = stat()
        XCTAssertEqual(stat(swan.path, &info), 0)
        let inode = info.st_ino, size = info.st_size
        let itself = try CLI.run(program: swan, ["checklist", "--templates", tree.deck.path, "-o", swan.path], in: tree.root, environment: tree.environment)
        XCTAssertEqual(itself.status, 1, itself.stderr)
        XCTAssertTrue(itself.stderr.contains("cannot write \(swan.path): \(refused) ("), itself.stderr)
        XCTAssertEqual(stat(swan.path, &info), 0)
        XCTAssertEqual(info.st_ino, inode, "the binary is the same file")
        XCTAssertEqual(info.st_size, size)
    }

    /// `swan cards` and `swan all` run twice inside the deck folder: the first run's Output/ is
    /// no input; the second run replaces it, with the same bytes (the date is the deck files').
    func testRunningTwiceInsideTheDeckFolderReplacesItsOwnOutput() throws {
        let deck = try CLI.deckCopy()
        for path in FileManager.default.enumerator(atPath: deck.path)?.allObjects as? [String] ?? [] {
            var times = [timespec(tv_sec: 1_714_996_800, tv_nsec: 0), timespec(tv_sec: 1_714_996_800, tv_nsec: 0)]
            XCTAssertEqual(utimensat(AT_FDCWD, deck.appendingPathComponent(path).path, &times, 0), 0)
        }
        let unpinned = ["SOURCE_DATE_EPOCH": ""]
        var firstRun: [String: Data] = [:]
        for run in 1...2 {
            for arguments in [["cards"], ["all"]] {
                let result = try CLI.run(arguments + ["--templates", "."], in: deck, environment: unpinned)
                XCTAssertEqual(result.status, 0, "run \(run) of \(arguments): \(result.stderr)")
            }
            let made = try contents(deck.appendingPathComponent("Output")).filter { $0.key.hasSuffix(".pdf") }
            XCTAssertGreaterThan(made.count, 5)
            if run == 1 { firstRun = made } else { XCTAssertEqual(made, firstRun, "the second run writes the same bytes") }
        }
    }
}
