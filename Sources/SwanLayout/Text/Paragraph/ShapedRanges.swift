/// Byte ranges of one shaped string answered without scanning all its glyphs: a word of two
/// megabytes without a break opportunity is cut into a fragment per cluster, and a scan of the
/// whole string per fragment made its layout quadratic.
import Foundation

struct ShapedRanges {
    let shaped: ShapedText
    /// HarfBuzz's clusters run one way along the glyphs (ascending left to right, descending right
    /// to left), so the glyphs of a byte range stand side by side and are found by bisection.
    /// Nil when they do not (no shaping known to us does that): then every glyph is looked at.
    private let ascending: Bool?

    init(_ shaped: ShapedText) {
        self.shaped = shaped
        ascending = shaped.clustersAscending
    }

    /// Whether `glyphs`' clusters ascend (true), descend (false) or neither (nil): found once
    /// per shaped text (ShapedText keeps it), not for every word that uses it.
    static func clusterOrder(_ glyphs: [ShapedGlyph]) -> Bool? {
        var up = true, down = true
        var index = 1
        while index < glyphs.count && (up || down) {
            if glyphs[index].cluster < glyphs[index - 1].cluster { up = false }
            if glyphs[index].cluster > glyphs[index - 1].cluster { down = false }
            index += 1
        }
        return up ? true : down ? false : nil
    }

    /// The indexes of the glyphs whose clusters lie in `bytes`, in glyph order; nil when they
    /// are not known to stand side by side.
    private func glyphIndexes(_ bytes: Range<Int>) -> Range<Int>? {
        guard let ascending else { return nil }
        let glyphs = shaped.glyphs
        /// The first glyph index at which `past(cluster)` holds (it holds for all after it).
        func partition(_ past: (Int) -> Bool) -> Int {
            var low = 0, high = glyphs.count
            while low < high {
                let middle = (low + high) / 2
                if past(glyphs[middle].cluster) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        if ascending {
            let first = partition { $0 >= bytes.lowerBound }
            let end = partition { $0 >= bytes.upperBound }
            return first..<max(first, end)
        }
        let first = partition { $0 < bytes.upperBound }
        let end = partition { $0 < bytes.lowerBound }
        return first..<max(first, end)
    }

    /// The summed advance of the glyphs whose clusters lie in `bytes`, added up in glyph order
    /// (the same sum, to the last bit, as a scan of every glyph).
    func width(_ bytes: Range<Int>) -> Double {
        guard let range = glyphIndexes(bytes) else {
            return shaped.glyphs.filter { bytes.contains($0.cluster) }.reduce(0) { $0 + $1.advance }
        }
        var width = 0.0
        for index in range { width += shaped.glyphs[index].advance }
        return width
    }

    /// The glyphs of `bytes` as a slice: the same slice as ParagraphBuilder.slice, without the
    /// scan of every glyph.
    func slice(_ bytes: Range<Int>) -> GlyphSlice {
        guard let range = glyphIndexes(bytes) else { return ParagraphBuilder.slice(shaped, bytes: bytes) }
        var width = 0.0
        for index in range { width += shaped.glyphs[index].advance }
        return GlyphSlice(shaped: shaped, glyphRange: range.isEmpty ? 0..<0 : range, byteRange: bytes, width: width)
    }

    /// The cluster boundaries strictly between `from` and `to`, ascending.
    static func boundaries(between from: Int, and to: Int, in sorted: [Int]) -> ArraySlice<Int> {
        var low = 0, high = sorted.count
        while low < high { let middle = (low + high) / 2; if sorted[middle] > from { high = middle } else { low = middle + 1 } }
        var end = low
        high = sorted.count
        while end < high { let middle = (end + high) / 2; if sorted[middle] >= to { high = middle } else { end = middle + 1 } }
        return sorted[low..<max(low, end)]
    }
}
