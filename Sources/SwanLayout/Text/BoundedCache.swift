/// A thread-safe memo of a pure function with a fixed bound: an archive of 20,000 sessions
/// shapes and hyphenates words that never come back (names, places), so an unbounded memo
/// grows with every document. Two generations approximate "least recently used" at the cost
/// of a dictionary look-up: new entries go into `young`; when it is full, `young` becomes
/// `old` and the previous `old` is dropped; a hit in `old` moves back into `young`. At most
/// 2 × `limit` entries are held. What is cached never changes a result (the values are pure
/// functions of their keys), so output does not depend on what ran before.
import Foundation

/// Unchecked: both dictionaries are only touched under `lock`.
final class BoundedCache<Key: Hashable, Value>: @unchecked Sendable {
    private var young: [Key: Value] = [:]
    private var old: [Key: Value] = [:]
    private let limit: Int
    private let lock = NSLock()

    init(limit: Int) {
        precondition(limit > 0)
        self.limit = limit
    }

    /// The cached value for `key`, or `make()`'s, remembered. `make` runs outside the lock (two
    /// threads may both compute a missing value; they get equal results).
    func value(_ key: Key, make: () -> Value) -> Value {
        if let hit = lookUp(key) { return hit }
        let made = make()
        insert(key, made)
        return made
    }

    func lookUp(_ key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        if let hit = young[key] { return hit }
        guard let hit = old.removeValue(forKey: key) else { return nil }
        store(key, hit)
        return hit
    }

    func insert(_ key: Key, _ value: Value) {
        lock.lock(); store(key, value); lock.unlock()
    }

    /// Entries held now (for tests of the bound).
    var count: Int { lock.lock(); defer { lock.unlock() }; return young.count + old.count }

    private func store(_ key: Key, _ value: Value) {
        if young.count >= limit {
            old = young
            young = Dictionary(minimumCapacity: limit)
        }
        young[key] = value
    }
}
