/// A thread-safe memo of a pure function with a fixed bound: an archive of 20,000 sessions
/// shapes and hyphenates words that never come back (names, places), so an unbounded memo
/// grows with every document. Two generations approximate "least recently used" at the cost
/// of a dictionary look-up: new entries go into `young`; when it is full, `young` becomes
/// `old` and the previous `old` is dropped; a hit in `old` moves back into `young`. At most
/// 2 × `limit` entries are held. What is cached never changes a result (the values are pure
/// functions of their keys), so output does not depend on what ran before.
import Foundation
import SwanDiagnostics

final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Generations {
        var young: [Key: Value] = [:]
        var old: [Key: Value] = [:]
    }
    private let generations = LockedBox(Generations())
    private let limit: Int

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
        generations.withLockedValue { generations in
            if let hit = generations.young[key] { return hit }
            guard let hit = generations.old.removeValue(forKey: key) else { return nil }
            store(key, hit, in: &generations)
            return hit
        }
    }

    func insert(_ key: Key, _ value: Value) {
        generations.withLockedValue { store(key, value, in: &$0) }
    }

    /// Entries held now (for tests of the bound).
    var count: Int { generations.withLockedValue { $0.young.count + $0.old.count } }

    private func store(_ key: Key, _ value: Value, in generations: inout Generations) {
        if generations.young.count >= limit {
            generations.old = generations.young
            generations.young = Dictionary(minimumCapacity: limit)
        }
        generations.young[key] = value
    }
}
