/// Errors collected from work done on several threads at once.
import Foundation

/// Unchecked: `errors` is read and written only under `lock`.
public final class ConcurrentErrors: @unchecked Sendable {
    private var errors: [Error] = []
    private let lock = NSLock()
    public init() {}
    public func add(_ error: Error) { lock.lock(); errors.append(error); lock.unlock() }
    /// The first error added (the others usually repeat it).
    public var first: Error? { lock.lock(); defer { lock.unlock() }; return errors.first }
}
