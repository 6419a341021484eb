/// A paragraph built at one size, set again at another: `fit` tries a text box's blocks at
/// sizes 2 % apart, and a balanced heading at up to four smaller ones, and each of those is
/// the same text in the same style. HarfBuzz shapes in font units, unhinted (`Font` sets its
/// scale to the units per em), so the glyphs, their clusters and every break opportunity are
/// the same at every size; only the advances change, and the shaper gives them at the new size.
extension PreparedParagraph {
    /// What `ParagraphBuilder(…, style: style, lineWidth: lineWidth).build` gives (with the name
    /// particles kept as `Typesetter` keeps them), made from this paragraph, which that builder
    /// built from the same runs at `builtSize` and `builtWidth` with everything else of the
    /// style the same. Nil where a size changes more than the advances: right-to-left text,
    /// superscripts, a word broken between its letters because it is wider than the measure
    /// (or one that comes near that at the new size), or a paragraph's last word whose syllable
    /// breaks are allowed at one size and not at the other. `spaceWidths`: the width of a space
    /// in each `FontStyle` (in `allCases` order) at a size, as `Shaper.shape` gives it.
    func rescaled(builtSize: Double, builtWidth: Double, to style: TextStyle, lineWidth: Double, shaper: Shaper,
                  spaceWidths: (Double) -> [Double]) -> PreparedParagraph? {
        let size = style.size
        guard !isBidi, baseLevel == 0 else { return nil }
        var result = self
        // Fragments that show a hyphen (a penalty's) are sliced as `ParagraphBuilder.slice`
        // slices them; a word's fragments as `ShapedRanges` does.
        var hyphens = Set<Int>()
        for item in items where item.kind == .penalty {
            if let fragment = item.fragment { hyphens.insert(fragment) }
            if item.penalty == ParagraphBuilder.emergencyPenalty && !item.flagged { return nil }
        }
        var last: (built: ShapedText, new: ShapedText, ranges: ShapedRanges)? = nil
        for f in result.fragments.indices {
            for s in result.fragments[f].slices.indices {
                let slice = result.fragments[f].slices[s]
                guard slice.level == 0, slice.rise == 0, slice.shaped.size == builtSize else { return nil }
                // A word's fragments share its shaped text: shaped again once.
                if last == nil || last!.built.text != slice.shaped.text || last!.built.font !== slice.shaped.font {
                    let shaped = shaper.shape(slice.shaped.text, font: slice.shaped.font, size: size)
                    last = (slice.shaped, shaped, ShapedRanges(shaped))
                }
                var new = hyphens.contains(f) ? ParagraphBuilder.slice(last!.new, bytes: slice.byteRange) : last!.ranges.slice(slice.byteRange)
                new.anchor = slice.anchor
                new.level = slice.level
                result.fragments[f].slices[s] = new
            }
        }
        // A space's width is that of its font style's space; the items do not say which style,
        // so every style whose space was as wide must give the same width at the new size.
        var spaces: (built: [Double], new: [Double])? = nil
        func spaceWidth(_ built: Double) -> Double? {
            if spaces == nil { spaces = (spaceWidths(builtSize), spaceWidths(size)) }
            var width: Double? = nil
            for (old, new) in zip(spaces!.built, spaces!.new) where old == built {
                guard width == nil || width == new else { return nil }
                width = new
            }
            return width
        }
        let justification = style.justification
        for i in result.items.indices {
            let item = result.items[i]
            switch item.kind {
            case .box:
                guard let f = item.fragment else { return nil }
                let fragment = result.fragments[f]
                result.items[i].width = fragment.width
                if style.alignment == .justify && justification.letterSpacing > 0 {
                    let gaps = Double(max(0, fragment.clusterCount - 1)) * justification.letterSpacing * style.size
                    result.items[i].stretch = gaps; result.items[i].shrink = gaps
                }
            case .glue:
                guard item.stretch < BreakItem.fill else { continue }  // a paragraph's or line's fill
                guard let width = spaceWidth(item.width) else { return nil }
                result.items[i].width = width
                if style.alignment == .justify {
                    result.items[i].stretch = width * justification.wordStretch
                    result.items[i].shrink = width * justification.wordShrink
                }
            case .penalty:
                if let f = item.fragment { result.items[i].width = result.fragments[f].slices[0].shaped.width }
            }
        }
        // No word comes near the width past which it is broken between its letters (the margin
        // covers adding its advances up per box instead of per piece).
        let wide = lineWidth - size * 0.4 - 1e-6
        var word = 0.0
        for item in result.items {
            if item.kind == .box { word += item.width } else if item.kind == .glue { word = 0 }
            if word > wide { return nil }
        }
        // Each line end (`ParagraphBuilder.endLine`) forbids the syllable breaks of a last word
        // that fits the measure with room to spare; it must decide alike at both sizes.
        for f in result.items.indices where result.items[f].kind == .penalty && result.items[f].penalty <= BreakItem.forcedBreak {
            guard f > 0, result.items[f - 1].kind == .glue else { return nil }
            var start = f - 1
            while start > 0 && result.items[start - 1].kind != .glue { start -= 1 }
            let built = items[start..<(f - 1)].reduce(0) { $0 + ($1.kind == .box ? $1.width : 0) }
            let new = result.items[start..<(f - 1)].reduce(0) { $0 + ($1.kind == .box ? $1.width : 0) }
            guard (built <= builtWidth - builtSize * 0.4) == (new <= lineWidth - size * 0.4) else { return nil }
        }
        return result
    }
}
