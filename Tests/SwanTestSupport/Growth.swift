/// How the cost of a piece of work grows with its input: for tests that something is linear.
/// Measured in CPU seconds of the process (not wall time), so that other processes on a busy
/// machine do not count; each size is measured a few times and the fastest run kept.
import Foundation

package enum Growth {
    /// CPU seconds the process spent running `body` (all its threads).
    package static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        try body()
        return now() - start
    }

    /// The cost of `run(2 × size)` over the cost of `run(size)`, the fastest of `tries` runs of
    /// each: about 2 for linear work, 4 for quadratic.
    package static func doublingRatio(size: Int, tries: Int = 2, _ run: (Int) throws -> Void) rethrows -> (ratio: Double, small: Double, large: Double) {
        var small = Double.infinity, large = Double.infinity
        for _ in 0..<tries {
            small = min(small, try cpuSeconds { try run(size) })
            large = min(large, try cpuSeconds { try run(2 * size) })
        }
        return (large / max(small, 1e-6), small, large)
    }
}
