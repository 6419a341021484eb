/// SplitMix64 (Steele, Lea and Flood): small, fast and the same on every platform, so every
/// random input a test draws is reproducible from its seed and a failure can be replayed.
/// The one generator of the test suites (property tests, line breaking, layout values).
package struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// The seed is the generator's first state, as in the reference implementation.
    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n, without the bias of `next() % n`.
    package mutating func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &self) }
    /// True `percent` times in 100.
    package mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    package mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
