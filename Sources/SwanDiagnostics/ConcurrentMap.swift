/// The one way work is fanned out over cores: a map that keeps the input's order (results and
/// errors), and a for-each that streams (nothing kept, memory stays flat). The caller gives the
/// width (the application's Workplace knows the cores): nothing here reads the process.
import Foundation

extension Array where Element: Sendable {
    /// `transform` on every element on `width` threads at most, results in
    /// the elements' order. Every element is tried; one failure is rethrown as it is, several
    /// become one DiagnosticError with every failure's diagnostics in the elements' order.
    package func concurrentMap<T: Sendable>(width: Int,
                                           _ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let results = concurrentResults(width: width, transform)
        let errors = results.compactMap { result -> Error? in
            if case .failure(let error) = result { return error }
            return nil
        }
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw DiagnosticError(errors.flatMap(Diagnostic.all(from:))) }
        return results.map { try! $0.get() }
    }

    /// `transform` on every element on `width` threads at most, results in the elements' order.
    package func concurrentMap<T: Sendable>(width: Int,
                                           _ transform: @Sendable (Element) -> T) -> [T] {
        let slots = LockedBox([T?](repeating: nil, count: count))
        concurrentForEach(width: width) { index, element in
            let value = transform(element)
            slots.withLockedValue { $0[index] = value }
        }
        return slots.withLockedValue { $0.map { $0! } }
    }

    /// `transform`'s outcome for every element, in the elements' order (for callers that report
    /// each failure on its own).
    package func concurrentResults<T: Sendable>(width: Int,
                                               _ transform: @Sendable (Element) throws -> T) -> [Result<T, Error>] {
        let slots = LockedBox([Result<T, Error>?](repeating: nil, count: count))
        concurrentForEach(width: width) { index, element in
            let result = Result { try transform(element) }
            slots.withLockedValue { $0[index] = result }
        }
        return slots.withLockedValue { $0.map { $0! } }
    }

    /// `body` on every element (with its index) on `width` threads at most, in no fixed order;
    /// returns when every call has returned. The calling thread works too, so a call from inside
    /// another never waits for a free thread.
    package func concurrentForEach(width: Int,
                                  _ body: @Sendable (Int, Element) -> Void) {
        guard !isEmpty else { return }
        let elements = self
        let next = LockedBox(0)
        withoutActuallyEscaping(body) { body in
            let work: @Sendable () -> Void = {
                while true {
                    let index = next.withLockedValue { next -> Int in
                        defer { next += 1 }
                        return next
                    }
                    guard index < elements.count else { return }
                    body(index, elements[index])
                }
            }
            let group = DispatchGroup()
            let queue = DispatchQueue(label: "swan.concurrent", attributes: .concurrent)
            for _ in 1..<Swift.max(1, Swift.min(width, count)) { queue.async(group: group, execute: work) }
            work()
            group.wait()
        }
    }
}
