/// A text box: text set into a fixed rectangle. It reports whether and by how much the text
/// overflows, and can shrink the text step by step down to a minimum size. It never clips:
/// what does not fit is reported, and the caller decides (continue elsewhere, or fail).
import Foundation

package struct TextBoxResult: Sendable {
    package var layout: TextLayout
    /// The factor the styles were scaled by (1 when nothing had to shrink).
    package var scale: Double
    /// How many points the text runs past the bottom of the box; 0 when it fits.
    package var overflow: Double
    package var fits: Bool { overflow <= 0.01 }
}

extension Typesetter {
    /// Sets `blocks` into a box of `size`; with `minimumScale` < 1, shrinks all sizes in steps
    /// of 2 % until the text fits or the minimum is reached. Ragged text is hyphenated only when
    /// it overflows at every size without: a short text reads better shrunk a little than split.
    /// Remembered per typesetter: the same box with the same text comes back in every document
    /// (`remembered: false` for a caller that keeps what it made itself).
    package func fit(_ blocks: [TextBlock], in size: Size, minimumScale: Double = 1, remembered: Bool = true) -> TextBoxResult {
        guard remembered else { return fitOnce(blocks, in: size, minimumScale: minimumScale) }
        return fittedBoxes.value(FittedBox(blocks: blocks, width: size.width, height: size.height, minimumScale: minimumScale)) {
            fitOnce(blocks, in: size, minimumScale: minimumScale)
        }
    }

    private func fitOnce(_ blocks: [TextBlock], in size: Size, minimumScale: Double) -> TextBoxResult {
        let unhyphenated = fit(blocks, in: size, minimumScale: minimumScale, hyphenateRagged: false)
        guard !unhyphenated.fits, hyphenator != nil, blocks.contains(where: { $0.style.hyphenate }) else { return unhyphenated }
        let hyphenated = fit(blocks, in: size, minimumScale: minimumScale, hyphenateRagged: true)
        return hyphenated.fits || hyphenated.overflow < unhyphenated.overflow ? hyphenated : unhyphenated
    }

    private func fit(_ blocks: [TextBlock], in size: Size, minimumScale: Double, hyphenateRagged: Bool) -> TextBoxResult {
        var scale = 1.0
        while true {
            let scaled = scale == 1 ? blocks : blocks.map { block -> TextBlock in
                var copy = block; copy.style = block.style.scaled(by: scale); return copy
            }
            let (layout, relaxed) = layoutNotingRelaxed(scaled, width: size.width, hyphenateRagged: hyphenateRagged, remembered: true)
            let overflow = max(0, layout.height - size.height)
            let widest = layout.lines.map(\.width).max() ?? 0
            let horizontal = max(0, widest - size.width)
            if (overflow <= 0.01 && horizontal <= 0.01) || scale - 0.02 < minimumScale - 1e-9 {
                let result = TextBoxResult(layout: layout, scale: scale, overflow: max(overflow, horizontal))
                return result.fits ? balancedHeadings(blocks, result, relaxed: relaxed, in: size, minimumScale: minimumScale,
                                                      hyphenateRagged: hyphenateRagged) : result
            }
            scale -= 0.02
        }
    }

    /// A balanced block (a heading) set over the fewest lines: when it holds a line of one word
    /// ("Welke factoren / spelen / een belangrijke rol?"), a size up to 8 % smaller that sets it
    /// without one is taken ("Welke factoren spelen / een belangrijke rol?" at 14 instead of
    /// 15 pt); else the heading rule about articles gives way (see `layout`), at the size the
    /// text fitted or, when only both together help, at such a smaller size ("… zijn mogelijk
    /// op de / verschillende niveaus?", where every set that keeps the rule ends on "niveaus?").
    /// `relaxed`: whether the rule gave way in `fitted`; when it did not, `fitted` is the strict
    /// layout already.
    private func balancedHeadings(_ blocks: [TextBlock], _ fitted: TextBoxResult, relaxed: Bool, in size: Size,
                                  minimumScale: Double, hyphenateRagged: Bool) -> TextBoxResult {
        let balanced = blocks.indices.filter { blocks[$0].style.balance }
        guard !balanced.isEmpty else { return fitted }
        func oneWordLines(_ lines: [LineBox], isBalanced: (Int) -> Bool) -> Int {
            lines.filter { line in
                isBalanced(line.blockIndex) && line.linesInBlock > 1 && Self.holdsOneWord(line.text)
            }.count
        }
        let strict = relaxed ? rememberedLayout(scaledBlocks(blocks, fitted.scale), width: size.width, hyphenateRagged: hyphenateRagged,
                                                relax: false) : fitted.layout
        let lonely = oneWordLines(strict.lines) { blocks[$0].style.balance }
        guard lonely > 0 else { return fitted }
        for relax in [false, true] {
            // The relaxed rule at the fitted size is `fitted` itself: a smaller size must do better.
            let toBeat = relax ? min(lonely, oneWordLines(fitted.layout.lines) { blocks[$0].style.balance }) : lonely
            var scale = fitted.scale - 0.02
            while scale >= max(minimumScale, fitted.scale - 0.08) - 1e-9 {
                let scaled = scaledBlocks(blocks, scale)
                // A size where every way of breaking the balanced blocks within the box keeps as
                // many lines of one word is not set: a setting with a line past the box does not
                // fit it either.
                let unavoidable = balanced.reduce(0) { count, index in
                    guard count < toBeat, let items = unbrokenHeadingItems(scaled[index], width: size.width),
                          let fewest = Self.fewestOneWordLines(items, measure: max(1, size.width), ruleGivesWay: relax) else { return count }
                    return fewest == .max ? .max : count + fewest
                }
                if unavoidable >= toBeat { scale -= 0.02; continue }
                // Blocks are set each on its own, so the balanced ones alone tell whether this
                // size helps; the whole box is set only then.
                let headingLonely = balanced.reduce(0) { count, index in
                    count + oneWordLines(rememberedLayout([scaled[index]], width: size.width, hyphenateRagged: hyphenateRagged,
                                                          relax: relax).lines) { _ in true }
                }
                if headingLonely < toBeat {
                    let layout = rememberedLayout(scaled, width: size.width, hyphenateRagged: hyphenateRagged, relax: relax)
                    if layout.height <= size.height + 0.01 && (layout.lines.map(\.width).max() ?? 0) <= size.width + 0.01 {
                        return TextBoxResult(layout: layout, scale: scale, overflow: 0)
                    }
                }
                scale -= 0.02
            }
        }
        return fitted
    }

    /// True when `text` trimmed of white space at both ends has no space: what
    /// `!text.trimmingCharacters(in: .whitespaces).contains(" ")` says, without bridging a
    /// string for every line of every size tried.
    static func holdsOneWord(_ text: String) -> Bool {
        // ASCII (most lines): white space is a space or a tab, and a space is its byte.
        var copy = text
        if let answer = copy.withUTF8({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
                  let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return true }
            return !bytes[first...last].contains(0x20)
        }) { return answer }
        let scalars = text.unicodeScalars
        let whitespace = CharacterSet.whitespaces
        guard let first = scalars.firstIndex(where: { !whitespace.contains($0) }),
              let last = scalars.lastIndex(where: { !whitespace.contains($0) }) else { return true }
        return !String(scalars[first...last]).contains(" ")
    }

    /// The blocks set (the heading rule kept unless `relax`), each block remembered.
    private func rememberedLayout(_ blocks: [TextBlock], width: Double, hyphenateRagged: Bool, relax: Bool) -> TextLayout {
        layoutNotingRelaxed(blocks, width: width, hyphenateRagged: hyphenateRagged, relaxHeadingRule: relax, remembered: true).layout
    }

    private func scaledBlocks(_ blocks: [TextBlock], _ scale: Double) -> [TextBlock] {
        scale == 1 ? blocks : blocks.map { block -> TextBlock in
            var copy = block; copy.style = block.style.scaled(by: scale); return copy
        }
    }
}
