/// The glyph ids a document draws in one face, as a bitmap: a content stream marks each glyph
/// it writes with one bit (no hashing per glyph), and the subset is chosen from the union.

struct PDFGlyphSet: Equatable, Sendable {
    private(set) var words: [UInt64] = []

    init() {}

    /// Room for ids below `capacity` (the face's glyph count), so that inserts never grow it.
    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    init(_ glyphs: some Sequence<UInt32>) {
        for glyph in glyphs { insert(glyph) }
    }

    @inline(__always)
    mutating func insert(_ glyph: UInt32) {
        let word = Int(glyph >> 6)
        if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
        words[word] |= 1 << UInt64(glyph & 63)
    }

    func contains(_ glyph: UInt32) -> Bool {
        let word = Int(glyph >> 6)
        return word < words.count && words[word] & (1 << UInt64(glyph & 63)) != 0
    }

    mutating func formUnion(_ other: PDFGlyphSet) {
        if other.words.count > words.count { words += repeatElement(0, count: other.words.count - words.count) }
        for (index, word) in other.words.enumerated() { words[index] |= word }
    }

    func union(_ other: PDFGlyphSet) -> PDFGlyphSet {
        var result = self
        result.formUnion(other)
        return result
    }

    /// The glyphs of this set that `other` lacks.
    func subtracting(_ other: PDFGlyphSet) -> PDFGlyphSet {
        var result = self
        for index in result.words.indices where index < other.words.count { result.words[index] &= ~other.words[index] }
        return result
    }

    func isSubset(of other: PDFGlyphSet) -> Bool {
        for (index, word) in words.enumerated() where word != 0 {
            guard index < other.words.count, word & ~other.words[index] == 0 else { return false }
        }
        return true
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The ids in ascending order.
    var sorted: [UInt32] {
        var result: [UInt32] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(UInt32(index * 64 + bit))
                rest &= rest - 1
            }
        }
        return result
    }

    static func == (a: PDFGlyphSet, b: PDFGlyphSet) -> Bool {
        let count = max(a.words.count, b.words.count)
        for index in 0..<count where (index < a.words.count ? a.words[index] : 0) != (index < b.words.count ? b.words[index] : 0) {
            return false
        }
        return true
    }
}
