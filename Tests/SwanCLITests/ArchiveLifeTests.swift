import Foundation
import XCTest

/// The archive's life (docs/archive.md): the manifest, `swan verify`, `swan find`, `swan expire`,
/// kills at every step of a deletion, a restored backup, and runs at once.
final class ArchiveLifeTests: XCTestCase {
    private let deck = CLI.packageRoot.appendingPathComponent("Templates/swan").path
    private let examples = CLI.packageRoot.appendingPathComponent("Templates/sessions")

    /// Session files for `dates` (discussion date, evaluation date or nil), each naming a resident.
    private func sessions(_ dates: [(String, String?)], first: Int = 0) throws -> URL {
        let folder = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, (datum, evaluatie)) in dates.enumerated() {
            let number = first + index
            let evaluation = evaluatie.map { #", "evaluatie": {"datum": "\#($0)", "verloop": "Mevrouw Wójcik is tevreden."}"# } ?? ""
            let text = #"{"version": 1, "datum": "\#(datum)", "inbrenger": "Zoë de Vries", "omschrijving": "Bewoner \#(number) van de flat"\#(evaluation)}"#
            try Data(text.utf8).write(to: folder.appendingPathComponent("s\(number).json"))
        }
        return folder
    }

    private func archive(_ input: URL, into out: URL, environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["archive", "--templates", deck, input.path, "--out", out.path], environment: environment)
    }

    private func exampleArchive() throws -> URL {
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        let result = try archive(examples, into: out)
        XCTAssertEqual(result.status, 0, result.stderr)
        return out
    }

    private func pdfs(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    /// The manifest as name -> SHA-256.
    private func manifest(_ folder: URL) throws -> [String: String] {
        let text = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") {
            XCTAssertNotNil(line.range(of: #"^[0-9a-f]{64}  \d{4}-\d{2}-\d{2}-[0-9a-f]{24}\.pdf$"#, options: .regularExpression), String(line))
            entries[String(line.dropFirst(66))] = String(line.prefix(64))
        }
        return entries
    }

    private func sha256(_ url: URL) throws -> String {
        let result = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/sha256sum"), [url.path])
        return String(result.stdout.prefix(64))
    }

    private func deletionLog(_ folder: URL) -> [[String]] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("deletions.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    // MARK: The manifest

    func testManifestListsEveryPDFAndSha256sumChecksIt() throws {
        let out = try exampleArchive()
        let entries = try manifest(out)
        XCTAssertEqual(entries.keys.sorted(), pdfs(out))
        for name in pdfs(out) { XCTAssertEqual(entries[name], try sha256(out.appendingPathComponent(name)), name) }
        let check = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/sha256sum"), ["-c", "SHA256SUMS"], in: out)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        // A replaced PDF's line is replaced with it.
        let first = out.appendingPathComponent(pdfs(out)[0])
        try Data("earlier".utf8).write(to: first)
        XCTAssertEqual(try CLI.run(["archive", "--templates", deck, examples.path, "--out", out.path, "--force"]).status, 0)
        XCTAssertEqual(try manifest(out)[first.lastPathComponent], try sha256(first))
        XCTAssertEqual(try CLI.run(["verify", out.path]).status, 0)
    }

    // MARK: swan verify

    func testVerifyPassesAWholeArchiveWithItsSummary() throws {
        let out = try exampleArchive()
        let result = try CLI.run(["verify", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("2 files, 2 sessions checked, oldest 2025-03-14, newest 2025-03-14: 0 problem(s)"), result.stdout)
    }

    func testVerifyNamesAChangedByteARemovedFileAForeignFileAndALink() throws {
        let out = try exampleArchive()
        let (changed, removed) = (pdfs(out)[0], pdfs(out)[1])
        var bytes = try Data(contentsOf: out.appendingPathComponent(changed))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: out.appendingPathComponent(changed))
        try FileManager.default.removeItem(at: out.appendingPathComponent(removed))
        try Data("notes".utf8).write(to: out.appendingPathComponent("notities.txt"))
        let outside = CLI.temporaryDirectory().appendingPathComponent("elders.pdf")
        try Data("%PDF-".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("2025-01-01-000000000000000000000000.pdf"), withDestinationURL: outside)
        let result = try CLI.run(["verify", out.path])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix(out.appendingPathComponent(changed).path + ": error: changed") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix(out.appendingPathComponent(removed).path + ": error: missing") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix(out.appendingPathComponent("notities.txt").path + ": error: unknown") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.contains("2025-01-01-000000000000000000000000.pdf: error: not a plain file") }, result.stderr)
        XCTAssertTrue(result.stdout.contains("4 problem(s)"), result.stdout)
    }

    /// A PDF whose attached session does not belong to its name (copied under another id and
    /// listed by hand) is named, even though its bytes match the manifest.
    func testVerifyChecksEveryAttachedSessionAgainstItsName() throws {
        let out = try exampleArchive()
        let original = pdfs(out)[0]
        let renamed = "2025-03-14-0123456789abcdef01234567.pdf"
        try FileManager.default.copyItem(at: out.appendingPathComponent(original), to: out.appendingPathComponent(renamed))
        let line = "\(try sha256(out.appendingPathComponent(renamed)))  \(renamed)\n"
        let handle = try FileHandle(forWritingTo: out.appendingPathComponent("SHA256SUMS"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        try handle.close()
        let result = try CLI.run(["verify", out.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, out.appendingPathComponent(renamed).path
                       + ": error: the attached session file does not match the file name (its SHA-256 differs from the id)\n")
    }

    // MARK: swan find

    func testFindIgnoresCaseAndAccentsAndPrintsIdsAndDatesOnly() throws {
        let out = try exampleArchive()
        let all = try CLI.run(["find", out.path, "zoe"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let lines = all.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, all.stdout)
        for line in lines {
            XCTAssertNotNil(line.range(of: #"^\d{4}-\d{2}-\d{2}-[0-9a-f]{24}\t2025-03-14(\t2025-04-11)?$"#, options: .regularExpression), line)
        }
        XCTAssertFalse((all.stdout + all.stderr).contains("Zo"), "no name is printed")
        XCTAssertEqual(try CLI.run(["find", out.path, "LUKASZ"]).stdout.split(separator: "\n").count, 1, "Ł is found as L")
        XCTAssertEqual(try CLI.run(["find", out.path, "yilmaz"]).stdout.split(separator: "\n").count, 1, "ı is found as i")
        XCTAssertEqual(try CLI.run(["find", out.path, "zoe", "lukasz"]).stdout.split(separator: "\n").count, 1, "every text must occur")
        XCTAssertEqual(try CLI.run(["find", out.path, "niemand anders"]).stdout, "")
        let json = try CLI.run(["find", out.path, "wójcik", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        XCTAssertEqual(decoded.count, 1)
        XCTAssertEqual(Set(decoded[0].keys), ["id", "file", "datum", "evaluatie"])
        XCTAssertEqual(decoded[0]["file"], decoded[0]["id"].map { $0 + ".pdf" })
        XCTAssertEqual(decoded[0]["evaluatie"], "2025-04-11")
        // The id find prints is what expire takes.
        let erased = try CLI.run(["expire", out.path, "--id", decoded[0]["id"]!])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertEqual(try CLI.run(["find", out.path, "wojcik"]).stdout, "")
    }

    // MARK: swan expire

    func testExpireByTermCountsFromTheLatestDateAndLogsWithoutNames() throws {
        let input = try sessions([("2010-01-05", nil), ("2010-01-06", "2016-06-01"), ("2020-02-01", nil)])
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try archive(input, into: out).status, 0)
        let before = pdfs(out)
        let dry = try CLI.run(["expire", out.path, "--older-than", "15y", "--on", "2030-01-01", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("would delete: 2010-01-05-"), dry.stdout)
        XCTAssertFalse(dry.stdout.contains("2010-01-06-"), "counted from the evaluation's date: \(dry.stdout)")
        XCTAssertEqual(pdfs(out), before, "--dry-run deletes nothing")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("deletions.log").path))
        let future = try CLI.run(["expire", out.path, "--older-than", "15y", "--on", "2999-01-01"])
        XCTAssertEqual(future.status, 64, "a later day only with --dry-run: \(future.stderr)")
        XCTAssertEqual(pdfs(out), before)

        let run = try CLI.run(["expire", out.path, "--older-than", "15y", "--on", "2026-01-01"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1 deleted, 2 kept"), run.stdout)
        let gone = try XCTUnwrap(before.first { $0.hasPrefix("2010-01-05-") })
        XCTAssertEqual(pdfs(out), before.filter { $0 != gone })
        XCTAssertEqual(try manifest(out).keys.sorted(), pdfs(out))
        let log = deletionLog(out)
        XCTAssertEqual(log.count, 1)
        XCTAssertNotNil(log[0][0].range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression), log[0][0])
        XCTAssertEqual(Array(log[0][1...2]), [gone, "2010-01-05"])
        XCTAssertNotNil(log[0][3].range(of: "^[0-9a-f]{64}$", options: .regularExpression))
        XCTAssertEqual(log[0][4], "term")
        let logText = try String(contentsOf: out.appendingPathComponent("deletions.log"), encoding: .utf8)
        for personal in ["Zo", "Vries", "Bewoner", "Wójcik"] { XCTAssertFalse(logText.contains(personal), personal) }
        XCTAssertEqual(try CLI.run(["verify", out.path]).status, 0)
    }

    func testExpireByIdRefusesUnknownIdsBeforeDeletingAnything() throws {
        let out = try exampleArchive()
        let before = pdfs(out)
        let id = String(before[0].dropLast(4))
        let wrong = try CLI.run(["expire", out.path, "--id", id, "2025-03-14-ffffffffffffffffffffffff"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("no archived file with the id 2025-03-14-ffffffffffffffffffffffff"), wrong.stderr)
        XCTAssertEqual(pdfs(out), before, "nothing deleted when one id is wrong")
        XCTAssertEqual(try CLI.run(["expire", out.path, "--id", "../etc/passwd"]).status, 64)
        let erased = try CLI.run(["expire", out.path, "--id", id + ".pdf"])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertEqual(pdfs(out), [before[1]])
        XCTAssertEqual(deletionLog(out).map { $0[4] }, ["request"])
        XCTAssertTrue(try CLI.run(["expire", out.path, "--id", id]).stdout.contains("already deleted: \(id)"))
    }

    func testExpireWorksOnlyInAnArchiveAndNeverThroughALink() throws {
        // A folder of PDFs without a manifest is not an archive swan keeps.
        let out = try exampleArchive()
        let copy = CLI.temporaryDirectory().appendingPathComponent("kopie")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in pdfs(out) { try FileManager.default.copyItem(at: out.appendingPathComponent(name), to: copy.appendingPathComponent(name)) }
        let refused = try CLI.run(["expire", copy.path, "--older-than", "0d"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("no manifest here"), refused.stderr)
        XCTAssertEqual(pdfs(copy).count, 2)
        // A link named like a record, to a record outside: never followed, never deleted.
        let id = "2025-03-14-0123456789abcdef01234567"
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent(id + ".pdf"),
                                                   withDestinationURL: copy.appendingPathComponent(pdfs(copy)[0]))
        let link = try CLI.run(["expire", out.path, "--id", id])
        XCTAssertEqual(link.status, 1)
        XCTAssertEqual(pdfs(copy).count, 2, "the file outside is untouched")
        let all = try CLI.run(["expire", out.path, "--older-than", "0d"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stdout.contains("2 deleted"), all.stdout)
        XCTAssertEqual(pdfs(copy).count, 2, "the file outside is untouched")
        XCTAssertNotNil(try? FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent(id + ".pdf").path))
    }

    // MARK: Backups

    func testARestoredBackupIsReportedAndDeletedAgain() throws {
        let out = try exampleArchive()
        let backup = CLI.temporaryDirectory().appendingPathComponent("backup")
        try FileManager.default.copyItem(at: out, to: backup)
        let erased = pdfs(out)[0]
        XCTAssertEqual(try CLI.run(["expire", out.path, "--id", String(erased.dropLast(4))]).status, 0)
        // The backup comes back, the deletion log stays.
        for name in try FileManager.default.contentsOfDirectory(atPath: backup.path) {
            let target = out.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: backup.appendingPathComponent(name), to: target)
        }
        XCTAssertEqual(pdfs(out).count, 2)
        let verify = try CLI.run(["verify", out.path])
        XCTAssertEqual(verify.status, 1)
        XCTAssertEqual(verify.stderr, out.appendingPathComponent(erased).path
                       + ": error: the deletion log lists it, yet it is there (brought back by a backup?): 'swan expire' deletes it again\n")
        let again = try CLI.run(["expire", out.path, "--older-than", "100y"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("deleted again: \(erased)"), again.stdout)
        XCTAssertEqual(pdfs(out).count, 1)
        XCTAssertEqual(try manifest(out).keys.sorted(), pdfs(out))
        XCTAssertEqual(deletionLog(out).count, 1, "deleted again, not logged twice")
        XCTAssertEqual(try CLI.run(["verify", out.path]).status, 0)
    }

    // MARK: Kills and runs at once

    /// A kill -9 after the log is written, after the first file is gone, and after every file is
    /// gone: the files and the manifest agree with the log at each point, and the next run finishes.
    func testKillNineAtEveryStepOfExpire() throws {
        let input = try sessions([("2010-01-05", nil), ("2010-01-06", nil), ("2010-01-07", nil), ("2024-01-01", nil)])
        let original = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try archive(input, into: original).status, 0)
        for point in ["expire-logged", "expire-removed-one", "expire-removed"] {
            let out = CLI.temporaryDirectory().appendingPathComponent(point)
            try FileManager.default.copyItem(at: original, to: out)
            let killed = try CLI.run(["expire", out.path, "--older-than", "10y"], environment: ["SWAN_TEST_CRASH_AT": point])
            XCTAssertEqual(killed.terminationReason, .uncaughtSignal, point)
            XCTAssertEqual(killed.status, SIGKILL, point)
            let logged = Set(deletionLog(out).map { $0[1] })
            XCTAssertEqual(logged.count, 3, "\(point): every deletion logged before any file goes")
            let listed = try manifest(out)
            for name in pdfs(out) {
                XCTAssertTrue(listed[name] == (try sha256(out.appendingPathComponent(name))) || logged.contains(name), "\(point): \(name)")
            }
            for name in listed.keys { XCTAssertTrue(pdfs(out).contains(name) || logged.contains(name), "\(point): \(name)") }
            XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasPrefix(".") }, [], "\(point): no half file")
            let next = try CLI.run(["expire", out.path, "--older-than", "10y"])
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(pdfs(out).map { String($0.prefix(10)) }, ["2024-01-01"], point)
            XCTAssertEqual(try manifest(out).keys.sorted(), pdfs(out), point)
            XCTAssertEqual(deletionLog(out).count, 3, "\(point): logged once")
            let verify = try CLI.run(["verify", out.path])
            XCTAssertEqual(verify.status, 0, "\(point): \(verify.stderr)")
        }
    }

    /// A kill -9 at each step of a batch of PDFs: after the journal lines, after the temporary
    /// files are written, after they are flushed, after the first rename and after the last one.
    /// No PDF is in place before its batch is on disk, every PDF in place is whole and private,
    /// and the next run leaves the archive consistent: `swan verify` passes, no temporary file or
    /// journal is left, every PDF is listed.
    func testKillNineAtEveryStepOfAnArchiveBatch() throws {
        let input = try sessions([("2020-01-05", nil), ("2020-01-06", nil), ("2020-01-07", nil)])
        let points = ["archive-journaled", "archive-written", "archive-flushed", "archive-renamed-one", "archive-renamed"]
        for point in points {
            let out = CLI.temporaryDirectory().appendingPathComponent(point)
            let killed = try CLI.run(["archive", "--templates", deck, input.path, "--out", out.path, "--jobs", "1"],
                                     environment: ["SWAN_TEST_CRASH_AT": point])
            XCTAssertEqual(killed.terminationReason, .uncaughtSignal, point)
            XCTAssertEqual(killed.status, SIGKILL, point)
            let placed = pdfs(out).filter { !$0.hasPrefix(".") }
            switch point {
            case "archive-renamed-one": XCTAssertEqual(placed.count, 1, point)
            case "archive-renamed": XCTAssertFalse(placed.isEmpty, point)
            default: XCTAssertEqual(placed, [], "\(point): no PDF in place before its batch is on disk")
            }
            if point == "archive-written" || point == "archive-flushed" {
                XCTAssertTrue(pdfs(out).contains { $0.hasPrefix(".swan-tmp-") }, "\(point): the kill left temporary files")
            }
            for name in placed {
                let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
                XCTAssertEqual(mode, 0o600, "\(point): \(name)")
            }
            // Before any other run: the journal's lines of PDFs in place count, a leftover temporary file is swan's own.
            let verifyNow = try CLI.run(["verify", out.path])
            XCTAssertEqual(verifyNow.status, 0, "\(point): \(verifyNow.stdout)\(verifyNow.stderr)")
            let next = try archive(input, into: out)
            XCTAssertEqual(next.status, 0, "\(point): \(next.stderr)")
            XCTAssertEqual(pdfs(out).count, 3, point)
            XCTAssertTrue(Set(placed).isSubset(of: pdfs(out)), "\(point): a PDF in place stays")
            XCTAssertEqual(try manifest(out).keys.sorted(), pdfs(out), "\(point): every PDF listed")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), pdfs(out) + ["SHA256SUMS"],
                           "\(point): no temporary file or journal left")
            let verify = try CLI.run(["verify", out.path])
            XCTAssertEqual(verify.status, 0, "\(point): \(verify.stderr)")
        }
    }

    /// `swan archive` and `swan expire` on one archive at once take turns on its lock: the
    /// manifest ends up listing exactly the PDFs there.
    func testArchiveAndExpireAtOnceLoseNoManifestLine() throws {
        let old = try sessions((1...6).map { ("2010-01-0\($0)", nil) })
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try archive(old, into: out).status, 0)
        let new = try sessions((1...9).map { ("2024-02-0\($0)", nil) }, first: 100)
        let results = RunResults()
        let archiveRun = ["archive", "--templates", deck, new.path, "--out", out.path]
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            switch index {
            case 0: results.add(try? CLI.run(archiveRun))
            case 1: results.add(try? CLI.run(["expire", out.path, "--older-than", "10y"]))
            default: results.add(try? CLI.run(["expire", out.path, "--id", "2010-01-01-000000000000000000000000"]))
            }
        }
        XCTAssertEqual(results.all.count, 3)
        XCTAssertEqual(results.all.filter { $0.status == 0 }.count, 2, results.all.map(\.stderr).joined())
        XCTAssertEqual(pdfs(out).map { String($0.prefix(4)) }, Array(repeating: "2024", count: 9))
        XCTAssertEqual(try manifest(out).keys.sorted(), pdfs(out))
        XCTAssertEqual(try CLI.run(["verify", out.path]).status, 0)
    }
}

private final class RunResults: @unchecked Sendable {  // `results` behind `lock`
    private var results: [CLI.Result] = []
    private let lock = NSLock()
    func add(_ result: CLI.Result?) { guard let result else { return }; lock.lock(); results.append(result); lock.unlock() }
    var all: [CLI.Result] { lock.lock(); defer { lock.unlock() }; return results }
}
