import Foundation
import XCTest

/// Files that can be trusted (docs/reliability.md): a full disk, an injected write error, a kill,
/// a wrong -o or a clash of names never leaves a broken file, exposes a temporary one, or
/// reports "ok" for what is not whole on disk.
final class FaultInjectionTests: XCTestCase {
    private let deck = CLI.packageRoot.appendingPathComponent("Templates/swan").path
    private let session = CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json").path

    /// Runs swan under a file-size limit of `kilobytes` with SIGXFSZ ignored: writes past the
    /// limit fail with EFBIG, as on a full disk.
    private func runLimited(_ arguments: [String], kilobytes: Int, in folder: URL) throws -> CLI.Result {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan is not built") }
        let quoted = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CLI.run(program: URL(fileURLWithPath: "/bin/bash"), ["-c", "trap '' XFSZ; ulimit -f \(kilobytes); exec \(quoted)"], in: folder)
    }

    private func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    private func assertNoTemporaryFiles(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) {
        let hidden = names(folder).filter { $0.hasPrefix(".") }
        XCTAssertEqual(hidden, [], "temporary files left in \(folder.path)", file: file, line: line)
    }

    // MARK: Disk full

    /// A shell's file-size limit without the signal ignored (as a user's `ulimit -f` is): swan
    /// ignores SIGXFSZ itself, so it says why in words and leaves no file, not even a hidden one.
    func testAFileSizeLimitIsAnErrorNotAKill() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan is not built") }
        let folder = CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let quoted = [CLI.binary.path, "invulblad", "--templates", deck, session, "-o", "a.pdf"].map { "'\($0)'" }.joined(separator: " ")
        let result = try CLI.run(program: URL(fileURLWithPath: "/bin/bash"), ["-c", "ulimit -f 20; exec \(quoted)"], in: folder,
                                 environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"])
        XCTAssertEqual(result.status, 1, "an error, not killed by SIGXFSZ (153): \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("een grens voor de bestandsgrootte is bereikt"), result.stderr)
        XCTAssertEqual(names(folder), [], "nothing written, no temporary file left")
    }

    func testDiskFullFailsEveryCommandAndLeavesNoFile() throws {
        let commands: [(String, [String])] = [
            ("invulblad.pdf", ["invulblad", "--templates", deck, "-o", "invulblad.pdf"]),
            ("ingevuld.pdf", ["invulblad", "--templates", deck, session, "-o", "ingevuld.pdf"]),
            ("checklist.pdf", ["checklist", "--templates", deck, "-o", "checklist.pdf"]),
            ("handleiding.pdf", ["handleiding", "--templates", deck, "-o", "handleiding.pdf"]),
            ("sheets.pdf", ["cards", "--templates", deck, "-o", "sheets.pdf"]),
            ("shop.pdf", ["cards", "--templates", deck, "--kind", "printshop", "-o", "shop.pdf"]),
            ("previews", ["cards", "--templates", deck, "--kind", "previews", "-o", "previews"]),
            ("Output", ["all", "--templates", deck, "-o", "Output"]),
            ("archief", ["archive", "--templates", deck, session, "--out", "archief"]),
        ]
        for (output, arguments) in commands {
            let folder = CLI.temporaryDirectory()
            let result = try runLimited(arguments, kilobytes: 8, in: folder)
            XCTAssertEqual(result.terminationReason, .exit, "\(output): no signal")
            XCTAssertEqual(result.status, 1, "\(output): a full disk is a failure\n\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("cannot write"), "\(output): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(output), "\(output): the error names the output: \(result.stderr)")
            XCTAssertFalse(result.stderr.contains(".tmp"), "\(output): the temporary file is not named: \(result.stderr)")
            XCTAssertFalse(result.stdout.contains("1 rendered"), result.stdout)
            assertNoTemporaryFiles(folder)
            let target = folder.appendingPathComponent(output)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
                // Folders may exist (previews, archive); every file in them is whole.
                for name in names(target) where !name.hasPrefix(".") {
                    XCTAssertTrue(try whole(target.appendingPathComponent(name)), "\(output)/\(name) is whole")
                }
                assertNoTemporaryFiles(target)
            } else {
                XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "\(output): no broken file")
            }
        }
    }

    func testDiskFullDuringForceKeepsTheGoodArchive() throws {
        let folder = CLI.temporaryDirectory()
        let first = try CLI.run(["archive", "--templates", deck, session, "--out", "archief"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let archive = folder.appendingPathComponent("archief")
        let name = try XCTUnwrap(names(archive).first)
        let good = try Data(contentsOf: archive.appendingPathComponent(name))
        let forced = try runLimited(["archive", "--templates", deck, session, "--out", "archief", "--force"], kilobytes: 8, in: folder)
        XCTAssertEqual(forced.status, 1, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("0 rendered, 0 kept, 1 failed"), forced.stdout)
        XCTAssertEqual(try Data(contentsOf: archive.appendingPathComponent(name)), good, "the good PDF is left as it was")
        XCTAssertEqual(names(archive), [name, "SHA256SUMS"])
        XCTAssertEqual(try CLI.run(["verify", archive.path]).status, 0, "the manifest still matches the good PDF")
    }

    // MARK: Injected write errors

    /// A write error at each write of one render (in 4 KB chunks): every run fails naming the
    /// output and leaves the earlier file as it was, until the fault lands past the last write.
    func testWriteErrorAtEachWriteOfOneRender() throws {
        let folder = CLI.temporaryDirectory()
        let output = folder.appendingPathComponent("ingevuld.pdf")
        try Data("earlier".utf8).write(to: output)
        var failures = 0
        for number in 1...60 {
            let result = try CLI.run(["invulblad", "--templates", deck, session, "-o", output.path], in: folder,
                                     environment: ["SWAN_TEST_FAULT": "write:\(number)", "SWAN_TEST_WRITE_CHUNK": "4096"])
            if result.status == 0 { break }
            failures += 1
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stderr.contains("cannot write \(output.path): input/output error"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: output), Data("earlier".utf8), "write \(number): the old file stays")
            XCTAssertEqual(names(folder), ["ingevuld.pdf"], "write \(number): nothing else left")
        }
        XCTAssertGreaterThan(failures, 5, "a filled invulblad takes several 4 KB writes")
        XCTAssertLessThan(failures, 60, "the run succeeds once the fault is past the last write")
        XCTAssertTrue(try whole(output))
        for call in ["fsync:1", "rename:1"] {
            let result = try CLI.run(["invulblad", "--templates", deck, session, "-o", "b.pdf"], in: folder,
                                     environment: ["SWAN_TEST_FAULT": call])
            XCTAssertEqual(result.status, 1, call)
            XCTAssertTrue(result.stderr.contains("cannot write b.pdf"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.pdf").path), call)
        }
        // The folder fsync after the rename fails: the write is reported failed, not done.
        let synced = try CLI.run(["invulblad", "--templates", deck, session, "-o", "c.pdf"], in: folder,
                                 environment: ["SWAN_TEST_FAULT": "folder-fsync:1"])
        XCTAssertEqual(synced.status, 1, synced.stderr)
        XCTAssertTrue(synced.stderr.contains("cannot write c.pdf: input/output error"), synced.stderr)
        assertNoTemporaryFiles(folder)
    }

    /// `swan archive` writes its PDFs in batches (journal lines with one fsync, temporary files,
    /// their flush, renames, one folder fsync): a fault fails the documents it touches and no
    /// other, with exit code 1; the archive stays consistent (`swan verify`), no temporary file is left.
    func testAFaultInAnArchiveBatchFailsOnlyTheDocumentsItTouches() throws {
        let input = try sessions(3)
        // (fault, documents that fail, PDFs there): the journal's fsync fails its batch (at least
        // the first PDF, none of the batch is written); the first PDF's own fsync, or the second
        // rename (--force: a rename may replace), fails that PDF only; the batch's folder fsync
        // fails its PDFs, which are there and listed.
        let faults: [(fault: String, failed: ClosedRange<Int>, placed: ClosedRange<Int>)] = [
            ("fsync:1", 1...3, 0...2), ("fsync:2", 1...1, 2...2), ("rename:2", 1...1, 2...2), ("folder-fsync:2", 1...3, 3...3),
        ]
        for (fault, failed, placed) in faults {
            let out = CLI.temporaryDirectory().appendingPathComponent("archief")
            let result = try CLI.run(["archive", "--templates", deck, input.path, "--out", out.path, "--jobs", "1"]
                                     + (fault.hasPrefix("rename") ? ["--force"] : []),
                                     environment: ["SWAN_TEST_FAULT": fault])
            XCTAssertEqual(result.status, 1, "\(fault): \(result.stderr)")
            let failures = result.stderr.components(separatedBy: "cannot write").count - 1
            XCTAssertTrue(failed.contains(failures), "\(fault): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("\(3 - failures) rendered, 0 kept, \(failures) failed"), "\(fault): \(result.stdout)")
            let pdfs = names(out).filter { $0.hasSuffix(".pdf") }
            XCTAssertTrue(placed.contains(pdfs.count), "\(fault): \(pdfs)")
            assertNoTemporaryFiles(out)
            // No manifest is made for no PDF at all.
            let listed = (try? String(contentsOf: out.appendingPathComponent("SHA256SUMS"), encoding: .utf8)) ?? ""
            XCTAssertEqual(listed.split(separator: "\n").map { String($0.dropFirst(66)) }.sorted(), pdfs, "\(fault): every PDF there is listed")
            let verify = try CLI.run(["verify", out.path])
            XCTAssertEqual(verify.status, 0, "\(fault): \(verify.stderr)")
        }
    }

    /// `swan all` writes the whole set or nothing: a fault anywhere, also while the staged files
    /// are moved into place, leaves the earlier set exactly as it was.
    func testDefaultSetIsWrittenWholeOrNotAtAll() throws {
        let folder = CLI.temporaryDirectory()
        let output = folder.appendingPathComponent("Output")
        let first = try CLI.run(["all", "--templates", deck, "-o", output.path], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try snapshot(output)
        XCTAssertGreaterThan(before.count, 40)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notities.txt"))
        // Each file is staged with one rename; then one rename per top-level entry moves the set
        // into place (the last fault: every entry but one is moved back).
        let staged = before.count, entries = names(output).count - 1
        for fault in ["write:30", "rename:\(staged / 2)", "rename:\(staged + 1)", "rename:\(staged + entries)"] {
            let result = try CLI.run(["all", "--templates", deck, "-o", output.path], in: folder,
                                     environment: ["SWAN_TEST_FAULT": fault, "SOURCE_DATE_EPOCH": "86400"])
            XCTAssertEqual(result.status, 1, "\(fault): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("cannot write"), result.stderr)
            var after = try snapshot(output)
            XCTAssertEqual(after.removeValue(forKey: "notities.txt"), Data("mine".utf8))
            XCTAssertEqual(after, before, "\(fault): the earlier set is untouched")
            assertNoTemporaryFiles(folder)
        }
    }

    // MARK: Kills and concurrent runs

    private func sessions(_ count: Int) throws -> URL {
        let input = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for index in 0..<count {
            let text = #"{"version": 1, "datum": "2025-03-14", "inbrenger": "A", "omschrijving": "sessie \#(index)"}"#
            try Data(text.utf8).write(to: input.appendingPathComponent("s\(index).json"))
        }
        return input
    }

    func testKillNineDuringArchiveLeavesOnlyWholePrivateFiles() throws {
        let input = try sessions(300)
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        var generator = SystemRandomNumberGenerator()
        var killedWithFiles = false
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["archive", "--templates", deck, input.path, "--out", out.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the first finished PDF (not a hidden `.swan-tmp-…pdf` still being written),
            // then a random moment more.
            let start = Date()
            while process.isRunning && names(out).filter({ $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }).isEmpty
                && Date().timeIntervalSince(start) < 30 {
                usleep(2_000)
            }
            usleep(UInt32.random(in: 0...150_000, using: &generator))
            let running = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if running { XCTAssertEqual(process.terminationReason, .uncaughtSignal, "killed, not finished") }
            killedWithFiles = killedWithFiles || running
            for name in names(out) {
                let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
                XCTAssertEqual((mode ?? 0o777) & 0o077, 0, "\(name) is readable by its owner only")
            }
        }
        XCTAssertTrue(killedWithFiles, "at least one run was killed half way")
        // A kill can leave a half-written temporary file (hidden, `.swan-tmp-…pdf`): the next run clears it.
        let finished = names(out).filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }
        XCTAssertFalse(finished.isEmpty)
        try qpdfCheck(finished.map { out.appendingPathComponent($0) })
        // The next run clears the leftovers and completes the archive.
        let last = try CLI.run(["archive", "--templates", deck, input.path, "--out", out.path])
        XCTAssertEqual(last.status, 0, last.stderr)
        XCTAssertEqual(names(out).filter { !$0.hasSuffix(".pdf") }, ["SHA256SUMS"], "no leftovers after the next run")
        XCTAssertEqual(names(out).count, 301)
        // The manifest lists every PDF, with its SHA-256, whatever the kills interrupted.
        let verify = try CLI.run(["verify", out.path])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.hasPrefix("300 files, 300 sessions checked"), verify.stdout)
    }

    func testTwoArchiveRunsIntoOneFolderAtOnce() throws {
        let input = try sessions(40)
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let results = ConcurrentResults()
        let arguments = ["archive", "--templates", deck, input.path, "--out", out.path]
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            results.add(try? CLI.run(arguments))
        }
        XCTAssertEqual(results.all.count, 2)
        for result in results.all {
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertNotNil(result.stdout.range(of: #"\d+ rendered, \d+ kept, 0 failed"#, options: .regularExpression), result.stdout)
        }
        let rendered = results.all.compactMap { Int($0.stdout.prefix { $0.isNumber }) }.reduce(0, +)
        XCTAssertEqual(rendered, 40, "each session rendered by exactly one of the runs")
        let pdfs = names(out).filter { $0.hasSuffix(".pdf") }
        XCTAssertEqual(pdfs.count, 40)
        try qpdfCheck(pdfs.map { out.appendingPathComponent($0) })
        // The runs hold the archive's lock in turn: no manifest line is lost.
        let manifest = try String(contentsOf: out.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        XCTAssertEqual(manifest.split(separator: "\n").map { String($0.dropFirst(66)) }, pdfs)
    }

    // MARK: Names

    /// These two sessions had the same name under the 32-bit FNV-1a scheme (found by a birthday
    /// search): the second was reported "kept" and never archived.
    func testSessionsWhoseOldNamesCollideAreBothArchived() throws {
        let input = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        var contents: [Data] = []
        for number in [43142, 222529] {
            let data = Data((#"{"version": 1, "datum": "2025-03-14", "inbrenger": "A", "omschrijving": "sessie \#(number)"}"# + "\n").utf8)
            try data.write(to: input.appendingPathComponent("s\(number).json"))
            contents.append(data)
        }
        XCTAssertEqual(oldSchemeID(contents[0]), oldSchemeID(contents[1]), "the old names collide")
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        let result = try CLI.run(["archive", "--templates", deck, input.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("2 rendered, 0 kept, 0 failed"), result.stdout)
        XCTAssertEqual(names(out).filter { $0.hasSuffix(".pdf") }.count, 2)
    }

    private func oldSchemeID(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(String(format: "%016llx", hash).prefix(8))
    }

    // MARK: Wrong -o

    func testOutputOntoInputsDevicesLinksAndFoldersIsRefused() throws {
        let folder = CLI.temporaryDirectory()
        let copy = folder.appendingPathComponent("S.json")
        try FileManager.default.copyItem(atPath: session, toPath: copy.path)
        let original = try Data(contentsOf: copy)
        let deckCopy = try CLI.deckCopy()
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.pdf").path, withDestinationPath: copy.path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("map.pdf"), withIntermediateDirectories: true)
        var cases: [(String, String)] = [
            ("S.json", "it is one of the files this run reads"),
            (deckCopy.appendingPathComponent("deck.yaml").path, "it is one of the files this run reads"),
            (deckCopy.appendingPathComponent("layout/cards.yaml").path, "it is one of the files this run reads"),
            ("link.pdf", "it is a symbolic link"),
            ("map.pdf", "it is a folder"),
            ("nergens/uit.pdf", "its folder does not exist"),
        ]
        let device = folder.appendingPathComponent("null.pdf")
        // makedev(1, 3), the null device, made in the temporary folder (needs root; else skipped).
        if mknod(device.path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 {
            cases.append(("null.pdf", "it is a device, pipe or socket"))
        }
        let fifo = folder.appendingPathComponent("fifo.pdf")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        cases.append(("fifo.pdf", "it is a device, pipe or socket"))
        for (output, reason) in cases {
            let result = try CLI.run(["invulblad", "--templates", deckCopy.path, "S.json", "-o", output], in: folder)
            XCTAssertEqual(result.status, 1, output)
            XCTAssertTrue(result.stderr.contains("cannot write \(output): \(reason)"), result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: copy), original, "the session is untouched")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.pdf").path), copy.path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nergens").path), "no folder invented")
        var info = stat()
        if lstat(device.path, &info) == 0 { XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the device node is still a device") }
        XCTAssertEqual(lstat(fifo.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
        let check = try CLI.run(["check", deckCopy.path])
        XCTAssertEqual(check.status, 0, "the deck still loads: \(check.stderr)")
    }

    func testStandardOutputAndPlainReadErrors() throws {
        let folder = CLI.temporaryDirectory()
        let piped = try CLI.run(["invulblad", "--templates", deck, session, "-o", "-"], in: folder)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("%PDF-"))
        XCTAssertEqual(names(folder), [], "-o - writes no file")
        // A failed write to standard output names it in the user's language, not in English words.
        let dutch = try CLI.run(["invulblad", "--templates", deck, session, "-o", "-"], in: folder,
                                environment: ["SWAN_TEST_FAULT": "write:1", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"])
        XCTAssertEqual(dutch.status, 1)
        XCTAssertTrue(dutch.stderr.contains("fout: kan standaarduitvoer niet schrijven: invoer-/uitvoerfout"), dutch.stderr)
        XCTAssertFalse(dutch.stderr.contains("standard output"), dutch.stderr)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x.json"), withIntermediateDirectories: true)
        for (input, message) in [("missing.json", "cannot read missing.json: no such file or folder"),
                                 ("x.json", "cannot read x.json: it is a folder, not a file")] {
            let result = try CLI.run(["invulblad", "--templates", deck, input, "-o", "uit.pdf"], in: folder)
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
            XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
        }
    }

    // MARK: Helpers

    private func whole(_ url: URL) throws -> Bool {
        let data = try Data(contentsOf: url)
        if data.starts(with: Array("%PDF-".utf8)) { return String(decoding: data.suffix(32), as: UTF8.self).contains("%%EOF") }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return data.suffix(8).elementsEqual([0xAE, 0x42, 0x60, 0x82].suffix(4)) || data.count > 8 }
        return false
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    private func qpdfCheck(_ files: [URL]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else { throw XCTSkip("qpdf missing") }
        for file in files {
            let result = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", file.path], in: file.deletingLastPathComponent())
            XCTAssertEqual(result.status, 0, "\(file.lastPathComponent): \(result.stdout)")
        }
    }
}

/// Runs any program, capturing its output.
private final class ConcurrentResults: @unchecked Sendable {  // `results` behind `lock`
    private var results: [CLI.Result] = []
    private let lock = NSLock()
    func add(_ result: CLI.Result?) { guard let result else { return }; lock.lock(); results.append(result); lock.unlock() }
    var all: [CLI.Result] { lock.lock(); defer { lock.unlock() }; return results }
}
