/// Test builds only: SWAN_TEST_CRASH_AT=<point> ends the process with SIGKILL at that point of an
/// archive command, so the tests can check that a kill -9 at any step leaves the archive
/// consistent and the next run finishes the job. Release builds do nothing.
/// It reads the environment itself, not through the Workplace, for the reason FaultInjection
/// (SwanIO) gives: a debug-only hook deep inside the archive's steps, for spawned test runs.
import Foundation

enum CrashPoint {
    static func here(_ point: String) {
        #if DEBUG
        if ProcessInfo.processInfo.environment["SWAN_TEST_CRASH_AT"] == point { kill(getpid(), SIGKILL) }
        #endif
    }
}
