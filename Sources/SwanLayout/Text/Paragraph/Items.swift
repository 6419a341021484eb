/// The Knuth–Plass item list: boxes (unbreakable text), glue (stretchable space) and
/// penalties (possible breaks with a cost).
package enum BreakItemKind: Equatable, Sendable { case box, glue, penalty }

package struct BreakItem: Equatable, Sendable {
    package var kind: BreakItemKind
    package var width: Double
    package var stretch: Double = 0
    package var shrink: Double = 0
    package var penalty: Double = 0
    /// A hyphenation-like break (TeX's flagged penalty): two in a row cost extra.
    package var flagged: Bool = false
    /// For boxes: index into the paragraph's fragments. For flagged penalties that insert a
    /// hyphen: the fragment holding the hyphen glyph.
    package var fragment: Int? = nil
    /// For inserted hyphens: a key of the word part before the hyphen, so that two lines in a
    /// row never end in the same fragment ("hoofd-", "hoofd-").
    package var hyphenKey: Int = 0
    /// For glue: the bidi level of the space it stands for (LineSetter reorders lines by it).
    package var bidiLevel: UInt8 = 0

    package static let forcedBreak = -10_000.0
    package static let forbiddenBreak = 10_000.0
    /// Stretch that absorbs any amount of space (the end of a paragraph).
    package static let fill = 1_000_000.0

    package static func box(_ width: Double, fragment: Int? = nil) -> BreakItem {
        BreakItem(kind: .box, width: width, fragment: fragment)
    }
    package static func glue(_ width: Double, stretch: Double, shrink: Double) -> BreakItem {
        BreakItem(kind: .glue, width: width, stretch: stretch, shrink: shrink)
    }
    package static func penalty(_ width: Double, _ penalty: Double, flagged: Bool = false, fragment: Int? = nil) -> BreakItem {
        BreakItem(kind: .penalty, width: width, penalty: penalty, flagged: flagged, fragment: fragment)
    }
}

extension BreakItem {
    /// Whether a line may end at `items[b]`: glue right after a box, or a penalty that does not
    /// forbid the break. Knuth–Plass, the first fit and the line-count bounds share this rule.
    @inline(__always)
    package static func isLegalBreak(_ items: [BreakItem], at b: Int) -> Bool {
        let item = items[b]
        switch item.kind {
        case .box: return false
        case .glue: return b > 0 && items[b - 1].kind == .box
        case .penalty: return item.penalty < forbiddenBreak
        }
    }
}

/// The natural width of a line from its start, added up item by item in the order
/// `LineBreaker.naturalWidth` adds it (glue before the line's first box does not count;
/// penalties count only where the line ends).
struct RunningWidth {
    private(set) var width = 0.0
    private var seenBox = false

    /// The line's width if it ended at `item` (a legal break): a penalty adds its own width.
    @inline(__always)
    func ending(at item: BreakItem) -> Double {
        item.kind == .penalty ? width + item.width : width
    }

    @inline(__always)
    mutating func add(_ item: BreakItem) {
        if item.kind == .box { seenBox = true }
        if seenBox && item.kind != .penalty { width += item.width }
    }
}

/// A piece of shaped text a box or a hyphen shows: glyphs `glyphRange` of `shaped`, which
/// cover bytes `byteRange` of its text.
package struct GlyphSlice: Sendable {
    package var shaped: ShapedText
    package var glyphRange: Range<Int>
    package var byteRange: Range<Int>
    package var width: Double
    /// How far the slice is raised above the baseline (superscripts).
    package var rise: Double = 0
    package var anchor: String? = nil
    /// The bidi level of the slice's text (odd: shaped and set right to left).
    package var level: UInt8 = 0

    /// How many clusters the slice draws (its glyphs of one cluster are one letter).
    var clusterCount: Int {
        var count = 0
        var previous: Int? = nil
        for glyph in shaped.glyphs[glyphRange] where glyph.cluster != previous {
            count += 1
            previous = glyph.cluster
        }
        return count
    }
}

/// What one box draws: the slices of one word between two break opportunities.
package struct Fragment: Sendable {
    package var slices: [GlyphSlice]
    package var width: Double { slices.reduce(0) { $0 + $1.width } }
    /// How many clusters (letters with their marks) the fragment draws.
    var clusterCount: Int { slices.reduce(0) { $0 + $1.clusterCount } }
}
