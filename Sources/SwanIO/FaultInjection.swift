/// Test builds only: SWAN_TEST_FAULT=write:N (or fsync:N, folder-fsync:N, rename:N) makes the N-th such call of
/// the process fail with EIO, so the fault-injection suite can break each write of a render
/// (Tests/SwanCLITests/FaultInjectionTests.swift, docs/reliability.md).
/// Release builds call the system directly.
/// Why this hook reads the process's environment itself, below the Workplace (the one reader of
/// the process): it exists only in debug builds, it must reach the innermost write, fsync and
/// rename of every safe write of a spawned `swan` (FaultInjectionTests), and a parameter for it
/// would run through every caller of the write path for nothing in a release build.
import Foundation
import SwanDiagnostics

enum FaultInjection {
    #if DEBUG
    private static let plan: (call: String, number: Int)? = {
        guard let value = ProcessInfo.processInfo.environment["SWAN_TEST_FAULT"] else { return nil }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let number = Int(parts[1]) else { return nil }
        return (String(parts[0]), number)
    }()
    private static let counter = CallCounter()

    /// SWAN_TEST_WRITE_CHUNK=4096: smaller writes, so that one render makes many of them.
    static let chunkSize: Int = ProcessInfo.processInfo.environment["SWAN_TEST_WRITE_CHUNK"].flatMap { Int($0) }.map { max(1, $0) } ?? 1 << 16

    private static func shouldFail(_ call: String) -> Bool {
        guard let plan, plan.call == call else { return false }
        return counter.next(call) == plan.number
    }
    #else
    static let chunkSize = 1 << 16
    @inline(__always) private static func shouldFail(_ call: String) -> Bool { false }
    #endif

    static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        if shouldFail("write") { errno = EIO; return -1 }
        return Foundation.write(fd, bytes, count)
    }

    static func fsync(_ fd: Int32) -> Int32 {
        if shouldFail("fsync") { errno = EIO; return -1 }
        return Foundation.fsync(fd)
    }

    /// The folder fsync after a rename (FolderCommit): SWAN_TEST_FAULT=folder-fsync:N.
    static func folderFsync(_ fd: Int32) -> Int32 {
        if shouldFail("folder-fsync") { errno = EIO; return -1 }
        return Foundation.fsync(fd)
    }

    static func rename(_ from: String, _ to: String) -> Int32 {
        if shouldFail("rename") { errno = EIO; return -1 }
        return Foundation.rename(from, to)
    }
}

#if DEBUG
private final class CallCounter: Sendable {
    private let counts = LockedBox([String: Int]())
    func next(_ call: String) -> Int {
        counts.withLockedValue { counts in
            counts[call, default: 0] += 1
            return counts[call]!
        }
    }
}
#endif
