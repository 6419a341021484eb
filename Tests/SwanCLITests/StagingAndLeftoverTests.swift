import Foundation
import XCTest

/// Where swan stages a set of files (inside the output folder, on its file system), and which
/// leftovers it removes: only names it writes itself (`.swan-tmp-…`, `.swan-stage-…`), owned by
/// the running user. See docs/reliability.md.
final class StagingAndLeftoverTests: XCTestCase {
    private let deck = CLI.packageRoot.appendingPathComponent("Templates/swan").path
    /// A process id no process has (above Linux's largest pid_max).
    private let gonePID = 4_194_400

    private func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    private func make(_ name: String, in folder: URL, folder isFolder: Bool = false, owner: uid_t? = nil, hoursOld: Int = 2) throws {
        let path = folder.appendingPathComponent(name).path
        if isFolder {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            try Data("x".utf8).write(to: URL(fileURLWithPath: path + "/binnen.txt"))
        } else {
            try Data("van iemand anders".utf8).write(to: URL(fileURLWithPath: path))
        }
        if let owner { XCTAssertEqual(lchown(path, owner, owner), 0, name) }
        let then = timespec(tv_sec: time(nil) - hoursOld * 3600, tv_nsec: 0)
        var times = [then, then]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW), 0)
    }

    func testLeftoverCleanupRemovesOnlyItsOwnNamesOfTheRunningUser() throws {
        let folder = CLI.temporaryDirectory()
        // A user's files that look like the earlier naming schemes: never swan's to remove.
        let lookAlikes = [".notities.txt.1-DEADBEEF.tmp", ".notities.txt.\(gonePID)-DEADBEEF.tmp",
                          ".uit.pdf.swan-\(gonePID)-0a1b2c3d.tmp", ".swan-tmp-notities.txt", ".swan-tmp-\(gonePID)-DEADBEEF.x"]
        for name in lookAlikes { try make(name, in: folder) }
        // swan's own names, left by a killed run: removed when the running user owns them.
        let ours = [".swan-tmp-\(gonePID)-0a1b2c3d.uit.pdf", ".swan-stage-\(gonePID)-0a1b2c3d"]
        try make(ours[0], in: folder)
        try make(ours[1], in: folder, folder: true)
        var others: [String] = []
        if geteuid() == 0 {
            // The same names owned by someone else (a shared folder, swan run as root): left alone.
            others = [".swan-tmp-\(gonePID)-0a1b2c3e.notities.txt", ".swan-stage-\(gonePID)-0a1b2c3e"]
            try make(others[0], in: folder, owner: 65534)
            try make(others[1], in: folder, folder: true, owner: 65534)
        }
        // A single file (the write path clears `.swan-tmp-…`), then a set (`swan all` clears `.swan-stage-…`).
        let single = try CLI.run(["checklist", "--templates", deck, "-o", folder.appendingPathComponent("checklist.pdf").path])
        XCTAssertEqual(single.status, 0, single.stderr)
        let screen = try CLI.run(["cards", "--kind", "screen", "--templates", deck, "-o", folder.appendingPathComponent("scherm.pdf").path])
        XCTAssertEqual(screen.status, 0, screen.stderr)
        let left = names(folder).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, (lookAlikes + others).sorted(), "only swan's own leftovers of this user went")
        for name in lookAlikes {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)), Data("van iemand anders".utf8), name)
        }
    }

    /// The screen edition into a mount point (/dev/shm, a tmpfs of its own on Linux): staged
    /// inside the output folder, so nothing crosses file systems ("it is on another disk" before).
    func testTheScreenEditionIsStagedOnTheOutputFoldersOwnFileSystem() throws {
        let mount = URL(fileURLWithPath: "/dev/shm")
        var shm = stat(), parent = stat()
        guard stat(mount.path, &shm) == 0, stat("/dev", &parent) == 0, shm.st_dev != parent.st_dev, access(mount.path, W_OK) == 0 else {
            throw XCTSkip("/dev/shm is no writable file system of its own here")
        }
        let name = "swan-test-\(UUID().uuidString)"
        let pdf = mount.appendingPathComponent(name + ".pdf"), images = mount.appendingPathComponent(name)
        defer { try? FileManager.default.removeItem(at: pdf); try? FileManager.default.removeItem(at: images) }
        let result = try CLI.run(["cards", "--kind", "screen", "--templates", deck, "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try CLI.pdfinfo(pdf).contains("Pages:"))
        XCTAssertGreaterThan(names(images).filter { $0.hasSuffix(".png") }.count, 10)
    }

    /// A set into a folder that is not there yet: made, filled, and nothing of swan's left in it;
    /// a failed set into a folder it made leaves no empty folder behind.
    func testASetMakesOnlyItsOwnFolderAndLeavesNoStagingBehind() throws {
        let folder = CLI.temporaryDirectory().appendingPathComponent("nieuw")
        let result = try CLI.run(["cards", "--kind", "screen", "--templates", deck, "-o", folder.appendingPathComponent("scherm.pdf").path])
        XCTAssertEqual(result.status, 1, "a missing folder is not made for -o FILE: \(result.stderr)")
        let all = try CLI.run(["all", "--templates", deck, "-o", folder.path])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(names(folder).filter { $0.hasPrefix(".") }, [], "no staging folder left")
        let failed = CLI.temporaryDirectory().appendingPathComponent("mislukt")
        let faulty = try CLI.run(["all", "--templates", deck, "-o", failed.path], environment: ["SWAN_TEST_FAULT": "write:3"])
        XCTAssertEqual(faulty.status, 1, faulty.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: failed.path), "the folder the failed run made is gone")
    }
}
