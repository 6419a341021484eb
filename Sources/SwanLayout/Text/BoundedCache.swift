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
        var young: [Hashed: Value] = [:]
        var old: [Hashed: Value] = [:]
    }
    /// A key with its hash, taken once and outside the lock: a miss looks in both generations
    /// and stores, and a key holds whole texts and styles, so hashing it three times under
    /// the lock cost more than the look-ups themselves.
    private struct Hashed: Hashable, Sendable {
        let key: Key, hash: Int
        init(_ key: Key) { self.key = key; hash = key.hashValue }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: Hashed, b: Hashed) -> Bool { a.hash == b.hash && a.key == b.key }
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
        let hashed = Hashed(key)
        if let hit = lookUp(hashed) { return hit }
        let made = make()
        insert(hashed, made)
        return made
    }

    func lookUp(_ key: Key) -> Value? { lookUp(Hashed(key)) }

    func insert(_ key: Key, _ value: Value) { insert(Hashed(key), value) }

    private func lookUp(_ key: Hashed) -> Value? {
        generations.withLockedValue { generations in
            if let hit = generations.young[key] { return hit }
            guard let hit = generations.old.removeValue(forKey: key) else { return nil }
            store(key, hit, in: &generations)
            return hit
        }
    }

    private func insert(_ key: Hashed, _ value: Value) {
        generations.withLockedValue { store(key, value, in: &$0) }
    }

    /// Entries held now (for tests of the bound).
    var count: Int { generations.withLockedValue { $0.young.count + $0.old.count } }

    private func store(_ key: Hashed, _ value: Value, in generations: inout Generations) {
        if generations.young.count >= limit {
            generations.old = generations.young
            generations.young = Dictionary(minimumCapacity: limit)
        }
        generations.young[key] = value
    }
}
