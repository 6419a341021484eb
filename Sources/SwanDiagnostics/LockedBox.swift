/// The one lock of the code base: a value that several threads share, reached only through
/// `withLockedValue` (after swift-nio's NIOLockedValueBox and the standard library's Mutex,
/// which needs macOS 15).
import Foundation

/// Unchecked, and the only box that is: `value` is read and written only inside `withLockedValue`,
/// under `lock`. As with Mutex, the box is Sendable whatever it holds; what a closure hands out
/// of it must be safe to share (a Sendable value, or a C handle documented as thread-safe).
package final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; keep `body` short and never re-enter the box.
    package func withLockedValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
