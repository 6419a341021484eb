import Foundation
import XCTest
@testable import SwanIO

/// The group commit of the folder fsync (FolderCommit): writers that arrive while a folder fsync
/// runs share the next one, and a failed fsync reaches every writer it covers.
final class FolderCommitTests: XCTestCase {
    /// A fake fsync: the first call blocks until released; `failFrom` on, calls fail with EIO.
    private final class Disk: @unchecked Sendable {
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var count = 0
        let failFrom: Int
        init(failFrom: Int) { self.failFrom = failFrom }
        var calls: Int { lock.lock(); defer { lock.unlock() }; return count }
        func fsync(_ fd: Int32) -> Int32 {
            lock.lock(); count += 1; let number = count; lock.unlock()
            if number == 1 { entered.signal(); release.wait() }
            if number >= failFrom { errno = EIO; return -1 }
            return 0
        }
    }

    private final class Codes: @unchecked Sendable {  // behind `lock`
        private let lock = NSLock()
        private var firstCode: Int32 = -1, otherCodes: [Int32] = []
        var first: Int32 {
            get { lock.lock(); defer { lock.unlock() }; return firstCode }
            set { lock.lock(); firstCode = newValue; lock.unlock() }
        }
        var others: [Int32] { lock.lock(); defer { lock.unlock() }; return otherCodes }
        func add(_ code: Int32) { lock.lock(); otherCodes.append(code); lock.unlock() }
    }

    /// One writer's fsync runs; `n` writers arrive meanwhile and wait; all of them share call 2.
    private func run(_ n: Int, failFrom: Int) throws -> (first: Int32, others: [Int32], calls: Int) {
        let disk = Disk(failFrom: failFrom)
        let commit = FolderCommit(fsync: disk.fsync)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-commit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let group = DispatchGroup(), codes = Codes()
        DispatchQueue.global().async(group: group) { codes.first = commit.sync(folder) }
        disk.entered.wait()
        let started = DispatchGroup()
        for _ in 0..<n {
            started.enter()
            Thread.detachNewThread {
                group.enter(); started.leave()
                codes.add(commit.sync(folder))
                group.leave()
            }
        }
        started.wait()
        let deadline = Date().addingTimeInterval(30)
        while commit.waiters(folder) < n + 1 && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(commit.waiters(folder), n + 1, "the first writer and \(n) waiting")
        disk.release.signal()
        XCTAssertEqual(group.wait(timeout: .now() + 30), .success)
        return (codes.first, codes.others, disk.calls)
    }

    func testWritersArrivingDuringAnFsyncShareTheNextOne() throws {
        let result = try run(8, failFrom: 3)
        XCTAssertEqual(result.first, 0)
        XCTAssertEqual(result.others, Array(repeating: 0, count: 8))
        XCTAssertEqual(result.calls, 2, "one fsync for the first writer, one for the 8 that came meanwhile")
    }

    func testAFailedFolderFsyncReachesEveryWriterItCovers() throws {
        let result = try run(8, failFrom: 2)
        XCTAssertEqual(result.first, 0, "the first fsync succeeded")
        XCTAssertEqual(result.others, Array(repeating: EIO, count: 8))
        XCTAssertEqual(result.calls, 2)
    }

    /// The real write path: threads writing into one folder all succeed, each file whole.
    func testThreadsWritingIntoOneFolderAllSucceed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let failures = Codes()
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            do {
                try AtomicFile.write(Data("file \(index)\n".utf8), to: folder.appendingPathComponent("\(index).txt"))
            } catch { failures.add(-1) }
        }
        XCTAssertEqual(failures.others, [], "no write failed")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(Set(names), Set((0..<32).map { "\($0).txt" }), "every file, no temporary file left")
        for index in 0..<32 {
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("\(index).txt"), encoding: .utf8), "file \(index)\n")
        }
    }
}
