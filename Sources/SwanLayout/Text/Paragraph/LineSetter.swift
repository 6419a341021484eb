/// Finalize: turns the chosen breaks into lines of positioned glyph runs.
import Foundation

/// One set line, positioned relative to its block: x from the block's left edge, `baseline`
/// from the line's top.
package struct SetLine: Sendable {
    package var runs: [GlyphRun]
    /// Width of the text on the line (without the left indent).
    package var width: Double
    package var height: Double
    package var baseline: Double
    package var endsWithHyphen: Bool
    /// Anchors (footnote references) of the runs on this line.
    package var anchors: [String]
}

struct LineSetter {
    let style: TextStyle
    let measure: Double
    /// The line's left edge within the block (the list indent).
    let indent: Double

    func setLines(_ paragraph: PreparedParagraph, breaks: [LineBreak]) -> [SetLine] {
        let items = paragraph.items
        var lines: [SetLine] = []
        var start = -1
        let baseline = Self.baselineOffset(size: style.size, leading: style.leading)
        for (lineIndex, lineBreak) in breaks.enumerated() {
            let end = lineBreak.position
            var i = start + 1
            while i < end && items[i].kind != .box { i += 1 }
            let isLast = lineIndex == breaks.count - 1
            // Justified lines stretch or shrink their glue; ragged and last lines use natural spaces.
            // A last line that is a little too long shrinks its spaces; it never stretches.
            // A line that would have to stretch its spaces past three times their width (a long
            // word that cannot break, in a narrow column) stops there: the rest stays at the end.
            let given = min(Self.maximumStretch(style), max(-1, lineBreak.ratio.isFinite ? lineBreak.ratio : 0))
            let ratio = style.alignment != .justify ? 0
                : (isLast || items[end].penalty <= BreakItem.forcedBreak) ? min(0, given) : given
            if paragraph.isBidi {
                lines.append(bidiLine(paragraph, from: i, to: end, ratio: ratio, baseline: baseline))
                start = end
                continue
            }
            var x = 0.0
            var placed: [(fragment: Fragment, x: Double, spread: Double)] = []
            while i < end {
                let item = items[i]
                switch item.kind {
                case .box:
                    // Letter spacing (justified text that allows it): the box's share of the slack.
                    let spread = ratio > 0 ? ratio * item.stretch : ratio * item.shrink
                    if let f = item.fragment { placed.append((paragraph.fragments[f], x, spread)) }
                    x += item.width + spread
                case .glue:
                    x += item.width + (ratio > 0 ? ratio * item.stretch : ratio * item.shrink)
                case .penalty: break
                }
                i += 1
            }
            var hyphenated = false
            if items[end].kind == .penalty, let f = items[end].fragment {
                placed.append((paragraph.fragments[f], x, 0)); x += items[end].width; hyphenated = true
            }
            // The fill glue of a last line adds nothing visible.
            let width = x
            let shift: Double
            switch style.alignment {
            case .left, .justify: shift = 0
            case .center: shift = max(0, (measure - width) / 2)
            case .right: shift = max(0, measure - width)
            }
            let runs = Self.merged(placed.flatMap { fragment, offset, spread in
                Self.runs(for: fragment, at: indent + shift + offset, baseline: baseline, style: style, spread: spread)
            })
            var anchors: [String] = []
            for (fragment, _, _) in placed { for slice in fragment.slices { if let a = slice.anchor, !anchors.contains(a) { anchors.append(a) } } }
            lines.append(SetLine(runs: runs, width: width, height: style.leading, baseline: baseline,
                                 endsWithHyphen: hyphenated, anchors: anchors))
            start = end
        }
        return lines
    }

    /// A line of a paragraph with right-to-left text: its slices and spaces in logical order,
    /// reordered by their bidi levels (UAX #9 L2), then placed left to right. A right-to-left
    /// paragraph's "left" alignment is its start: the right edge.
    /// The most a justified line's glue is stretched, in units of its stretch: spaces grow to
    /// at most three times their natural width (4 for the default stretch of half a space).
    static func maximumStretch(_ style: TextStyle) -> Double {
        let stretch = style.justification.wordStretch
        return stretch > 0 ? 2 / stretch : 4
    }

    private func bidiLine(_ paragraph: PreparedParagraph, from first: Int, to end: Int, ratio: Double, baseline: Double) -> SetLine {
        let items = paragraph.items
        var elements: [(slice: GlyphSlice?, width: Double, level: UInt8)] = []
        var anchors: [String] = []
        func add(_ fragment: Fragment) {
            for slice in fragment.slices {
                elements.append((slice, slice.width, slice.level))
                if let a = slice.anchor, !anchors.contains(a) { anchors.append(a) }
            }
        }
        for i in first..<end {
            let item = items[i]
            switch item.kind {
            case .box:
                if let f = item.fragment { add(paragraph.fragments[f]) }
                // Letter spacing is not spread inside a right-to-left line: its share stands after the word.
                let spread = ratio > 0 ? ratio * item.stretch : ratio * item.shrink
                if spread != 0 { elements.append((nil, spread, elements.last?.level ?? paragraph.baseLevel)) }
            case .glue:
                elements.append((nil, item.width + (ratio > 0 ? ratio * item.stretch : ratio * item.shrink), item.bidiLevel))
            case .penalty: break
            }
        }
        var hyphenated = false
        if items[end].kind == .penalty, let f = items[end].fragment { add(paragraph.fragments[f]); hyphenated = true }
        let width = elements.reduce(0) { $0 + $1.width }
        let rightToLeft = paragraph.baseLevel % 2 == 1
        let shift: Double
        switch style.alignment {
        case .left, .justify: shift = rightToLeft ? max(0, measure - width) : 0
        case .center: shift = max(0, (measure - width) / 2)
        case .right: shift = rightToLeft ? 0 : max(0, measure - width)
        }
        // Placed in visual order, listed in logical order: a writer then puts the text into the
        // content stream as it was written (two right-to-left words first to last), which is
        // the order extractors that read the stream give back (mupdf); poppler and PDFium
        // order the glyphs by their positions and are not affected.
        var x = indent + shift
        var placed: [(logical: Int, run: GlyphRun)] = []
        for index in BidiLevels.visualOrder(elements.map(\.level)) {
            let element = elements[index]
            if let slice = element.slice {
                placed.append((index, Self.glyphRun(slice, x: x, baseline: baseline - slice.rise, colour: style.colour,
                                                     leading: style.leading)))
            }
            x += element.width
        }
        let runs = placed.sorted { $0.logical < $1.logical }.map(\.run)
        return SetLine(runs: Self.merged(runs), width: width, height: style.leading, baseline: baseline,
                       endsWithHyphen: hyphenated, anchors: anchors)
    }

    /// Distance from a line's top to its baseline: the em box centred in the leading, with the
    /// baseline at 80 % of the em (close to the cap height plus a little for accents).
    static func baselineOffset(size: Double, leading: Double) -> Double {
        (leading - size) / 2 + size * 0.8
    }

    /// Joins neighbouring runs of one face, size and colour into one run per stretch of the line,
    /// with a space (a cluster of no glyphs) where words meet: far fewer drawing operations for
    /// cairo, and the extracted text has its spaces from the text itself, not from guesses.
    static func merged(_ runs: [GlyphRun]) -> [GlyphRun] {
        var result: [GlyphRun] = []
        result.reserveCapacity(runs.count)
        for run in runs {
            guard let previous = result.last, !previous.decorative, !run.decorative, !run.glyphs.isEmpty else {
                result.append(run); continue
            }
            // Right-to-left runs stand in visual order here: joined, their text would read backwards.
            guard !previous.rightToLeft, !run.rightToLeft else { result.append(run); continue }
            // The last run is taken out and put back, never copied: appending to a copy of its
            // glyphs while the array still holds them would copy them on every merge.
            var last = result.removeLast()
            let gap = run.origin.x - (last.origin.x + last.width)
            let spaced = gap > run.size * 0.1
            guard last.font === run.font, last.size == run.size, last.colour == run.colour,
                  last.origin.y == run.origin.y, gap > -0.01 else {
                // A change of face between words: the space still belongs to the text.
                if spaced && !last.text.hasSuffix(" ") { last.text += " " }
                result.append(last)
                result.append(run); continue
            }
            if spaced { last.text += " " }
            let dx = run.origin.x - last.origin.x
            let shift = last.text.utf8.count
            for glyph in run.glyphs {
                last.glyphs.append(PositionedGlyph(id: glyph.id, x: glyph.x + dx, y: glyph.y,
                                                   cluster: (glyph.cluster.lowerBound + shift)..<(glyph.cluster.upperBound + shift)))
            }
            last.text += run.text
            last.width = dx + run.width
            result.append(last)
        }
        return result
    }

    /// The fragment's runs from `x`; `spread` (letter spacing, justified text) is shared out
    /// evenly between its clusters.
    static func runs(for fragment: Fragment, at x: Double, baseline: Double, style: TextStyle, spread: Double = 0) -> [GlyphRun] {
        var cursor = x
        let gaps = fragment.clusterCount - 1
        let tracking = spread != 0 && gaps > 0 ? spread / Double(gaps) : 0
        return fragment.slices.enumerated().map { index, slice in
            let run = glyphRun(slice, x: cursor, baseline: baseline - slice.rise, colour: style.colour, leading: style.leading,
                               tracking: tracking)
            // The gap after the slice's last cluster, when another slice follows.
            cursor += run.width + (index < fragment.slices.count - 1 ? tracking : 0)
            return run
        }
    }

    /// A drawable run for a slice, with clusters relative to the slice's own text; `tracking`
    /// is added between its clusters (left-to-right slices: a right-to-left one is set as shaped).
    static func glyphRun(_ slice: GlyphSlice, x: Double, baseline: Double, colour: Colour, leading: Double,
                         tracking: Double = 0) -> GlyphRun {
        if slice.level % 2 == 1 { return rightToLeftRun(slice, x: x, baseline: baseline, colour: colour, leading: leading) }
        let shaped = slice.shaped
        let text = Self.text(of: slice)
        var glyphs: [PositionedGlyph] = []
        glyphs.reserveCapacity(slice.glyphRange.count)
        var pen = 0.0
        let range = slice.glyphRange
        let start = slice.byteRange.lowerBound
        var g = range.lowerBound
        while g < range.upperBound {
            let cluster = shaped.glyphs[g].cluster
            var count = 0
            while g + count < range.upperBound && shaped.glyphs[g + count].cluster == cluster { count += 1 }
            let nextCluster = g + count < range.upperBound ? shaped.glyphs[g + count].cluster : slice.byteRange.upperBound
            // Bytes before the first cluster belong to it (cannot happen for LTR text, but keep the map whole).
            let bytes = (g == range.lowerBound ? 0 : cluster - start)..<(nextCluster - start)
            for glyph in shaped.glyphs[g..<(g + count)] {
                glyphs.append(PositionedGlyph(id: glyph.id, x: pen + glyph.xOffset, y: -glyph.yOffset, cluster: bytes))
                pen += glyph.advance
            }
            g += count
            if g < range.upperBound { pen += tracking }
        }
        return GlyphRun(font: shaped.font, size: shaped.size, colour: colour, origin: Point(x: x, y: baseline),
                        glyphs: glyphs, text: text, width: pen,
                        lineTop: 0, lineBottom: leading)
    }

    /// The slice's own text: its bytes of the shaped string, without copying the whole string
    /// (a slice of a word of megabytes is one cluster of it).
    static func text(of slice: GlyphSlice) -> String {
        let utf8 = slice.shaped.text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: slice.byteRange.lowerBound)
        let to = utf8.index(from, offsetBy: slice.byteRange.count)
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    /// A right-to-left slice: HarfBuzz gives its glyphs in visual order (clusters descending);
    /// each is placed there, then the glyphs are listed in logical order, each cluster naming
    /// the bytes from its start to the next cluster's start.
    static func rightToLeftRun(_ slice: GlyphSlice, x: Double, baseline: Double, colour: Colour, leading: Double) -> GlyphRun {
        let shaped = slice.shaped
        let text = Self.text(of: slice)
        let start = slice.byteRange.lowerBound
        let visual = shaped.glyphs[slice.glyphRange]
        let starts = Set(visual.map(\.cluster)).sorted()
        var ends: [Int: Int] = [:]
        for (k, cluster) in starts.enumerated() { ends[cluster] = k + 1 < starts.count ? starts[k + 1] : slice.byteRange.upperBound }
        var pen = 0.0
        var glyphs: [PositionedGlyph] = []
        glyphs.reserveCapacity(visual.count)
        for glyph in visual {
            let from = glyph.cluster == starts.first ? 0 : glyph.cluster - start
            glyphs.append(PositionedGlyph(id: glyph.id, x: pen + glyph.xOffset, y: -glyph.yOffset,
                                          cluster: from..<(ends[glyph.cluster]! - start)))
            pen += glyph.advance
        }
        var run = GlyphRun(font: shaped.font, size: shaped.size, colour: colour, origin: Point(x: x, y: baseline),
                           glyphs: glyphs.reversed(), text: text, width: pen, lineTop: 0, lineBottom: leading)
        run.rightToLeft = true
        return run
    }
}
