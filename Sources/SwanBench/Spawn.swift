/// Runs a command as a child process and measures it: wall time (monotonic clock) and peak
/// resident memory from wait4's rusage (ru_maxrss, which on Linux also covers the child's
/// own waited-for children).
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Sample {
    var seconds: Double
    /// Peak resident set size in MiB.
    var peakMiB: Double
    /// CPU time of the process and its waited-for children (user + system), in seconds: on a
    /// machine shared with other work this is the figure to compare, not wall time.
    var cpuSeconds: Double = 0
}

struct RunResult {
    var status: Int32
    var sample: Sample
    var output: String
}

enum Spawn {
    /// Runs `arguments` (arguments[0] is an absolute path or found on PATH) with stdout and
    /// stderr captured to a temporary file, and returns its exit status, wall time and peak memory.
    /// Children run in the bench's current directory (main changes into the repository).
    /// The 1-minute load average: stated with every figure (the bench machine is shared).
    static func loadAverage() -> Double {
        var load = [0.0, 0.0, 0.0]
        return getloadavg(&load, 3) > 0 ? load[0] : -1
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> RunResult {
        try start(arguments, environment: environment).finish()
    }

    /// Starts `arguments` without waiting for it (`swan watch` runs beside the bench).
    static func start(_ arguments: [String], environment: [String: String]? = nil) throws -> Child {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("swan-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log").path

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }

        var pid: pid_t = 0
        let started = monotonic()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            unlink(log)
            throw BenchError("could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return Child(pid: pid, log: log, started: started)
    }

    static func monotonic() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A started child process.
struct Child {
    var pid: pid_t
    var log: String
    var started: Double

    /// Waits for the child and measures it.
    func finish() throws -> RunResult {
        defer { unlink(log) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Spawn.monotonic() - started
        #if canImport(Darwin)
        let peak = Double(usage.ru_maxrss) / 1_048_576 // bytes on macOS
        #else
        let peak = Double(usage.ru_maxrss) / 1024 // KiB on Linux
        #endif
        func time(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        let cpu = time(usage.ru_utime) + time(usage.ru_stime)
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return RunResult(status: exit, sample: Sample(seconds: seconds, peakMiB: peak, cpuSeconds: cpu), output: output)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
