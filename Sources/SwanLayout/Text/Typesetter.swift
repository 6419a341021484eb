/// The typesetter: blocks of styled text at a given width become lines, ready to stack in a
/// box or to flow over pages. Each paragraph runs through collect/shape -> break -> set.
import Foundation

/// A line as pagination sees it: its glyph runs (x from the text area's left edge, y from the
/// line's top), its height, and what it belongs to.
package struct LineBox: Sendable {
    package var runs: [GlyphRun]
    package var width: Double
    package var height: Double
    package var baseline: Double
    /// Space above this line when it starts its block (dropped at the top of a frame).
    package var spaceBefore: Double
    /// Space below this line when it ends its block.
    package var spaceAfter: Double
    package var blockIndex: Int
    package var lineInBlock: Int
    package var linesInBlock: Int
    package var keepWithNext: Bool
    package var outlineTitle: String?
    package var outlineLevel: Int
    package var anchors: [String]
    package var endsWithHyphen: Bool
    /// How many of the leading `runs` are the block's list marker ("•", "3."): the first line
    /// of a block with a marker has them, so a tagged document can mark them as the item's Lbl.
    package var markerRunCount: Int = 0

    package var isFirstInBlock: Bool { lineInBlock == 0 }

    /// The line's text as a reader sees it: runs joined, with a space where there is a gap.
    package var text: String {
        var result = ""
        var end: Double? = nil
        for run in runs.sorted(by: { $0.origin.x < $1.origin.x }) {
            if let end, run.origin.x - end > run.size * 0.1, !result.hasSuffix(" ") { result += " " }
            result += run.text
            end = run.origin.x + run.width
        }
        return result
    }
    package var isLastInBlock: Bool { lineInBlock == linesInBlock - 1 }

    /// The list marker's runs (empty for a line without one) and the rest of the line.
    package var markerRuns: ArraySlice<GlyphRun> { runs.prefix(markerRunCount) }
    package var bodyRuns: ArraySlice<GlyphRun> { runs.dropFirst(markerRunCount) }

    /// The line's runs moved by (dx, dy) as content of `element`; the marker, when the line has
    /// one and `label` is given, as content of `label` before it (a list item's Lbl).
    package func markedItems(dx: Double, dy: Double, element: StructureID, label: StructureID?) -> [PageItem] {
        func items(_ runs: ArraySlice<GlyphRun>) -> [PageItem] { runs.map { .text($0.offsetBy(dx: dx, dy: dy)) } }
        guard let label, markerRunCount > 0 else { return [.marked(.content(element), items(runs[...]))] }
        return [.marked(.content(label), items(markerRuns)), .marked(.content(element), items(bodyRuns))]
    }
}

/// Lines stacked from the top of a text area.
package struct TextLayout: Sendable {
    package var lines: [LineBox]
    /// The top of each line, from the top of the area.
    package var tops: [Double]
    package var height: Double
    package var width: Double
    package var missing: [MissingGlyph]

    package init(lines: [LineBox], width: Double, missing: [MissingGlyph]) {
        self.lines = lines; self.width = width; self.missing = missing
        var y = 0.0
        var tops: [Double] = []
        for (index, line) in lines.enumerated() {
            if line.isFirstInBlock && index > 0 { y += line.spaceBefore }
            tops.append(y)
            y += line.height
            if line.isLastInBlock && index < lines.count - 1 { y += line.spaceAfter }
        }
        self.tops = tops
        height = y
    }

    /// The page items for this layout with its top-left corner at `origin`.
    package func items(at origin: Point) -> [PageItem] {
        zip(lines, tops).flatMap { line, top in
            line.runs.map { PageItem.text($0.offsetBy(dx: origin.x, dy: origin.y + top)) }
        }
    }

    /// All text on the lines, for tests and messages.
    package var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// Shared by every thread that lays out text (an archive renders on all cores): everything it
/// holds is immutable or guards itself, so it is Sendable as checked by the compiler.
package final class Typesetter: Sendable {
    package let shaper: Shaper
    package let hyphenator: Hyphenator?
    /// Fixed at creation, like everything here: a typesetter with other settings is another
    /// typesetter (one is shared by every thread that lays out text).
    package let breaker: LineBreaker
    /// Words a heading line (a balanced or kept-with-next block) never ends with: articles.
    /// The rule gives way in a balanced block when keeping it would leave a line of one word.
    package let noBreakAfterInHeadings: Set<String>
    /// Name particles ("van", "den", lowercase): never a line break between them and the name
    /// they belong to ("van den / Berg" is kept as "van den Berg").
    package let nameParticles: Set<String>
    private let particleRule: NameParticles
    /// Typographic quotes that replace straight ones in all text set; nil keeps the text as is.
    package let quotes: Quotes?
    /// Layouts of text that every document of a run sets again (a form's prompts, hints and
    /// titles): see `layoutOnce`.
    private let repeatedLayouts = BoundedCache<RepeatedText, TextLayout>(limit: 1_024)
    private struct RepeatedText: Hashable { let blocks: [TextBlock]; let width: Double }
    /// Text boxes filled before (see `fit`): every document of a run that shows a card (sheets,
    /// print shop, previews, the screen edition's table and card pages) sets its faces into the
    /// same boxes. Sized for a large deck's faces; the results are pure, so output is unchanged.
    let fittedBoxes = BoundedCache<FittedBox, TextBoxResult>(limit: 16_384)
    struct FittedBox: Hashable { let blocks: [TextBlock]; let width, height, minimumScale: Double }
    /// Blocks set before by `fit` (each block of a box is set on its own): the sizes `fit`
    /// tries and the leads, footers and list items that many cards share come back.
    private let setBlocks = BoundedCache<SetBlock, SetBlockLines>(limit: 4_096)
    private struct SetBlock: Hashable { let block: TextBlock; let width: Double; let hyphenateRagged, relaxHeadingRule: Bool }
    /// The last paragraph `fit` built of each text in each style (sizes apart): another size is
    /// made from it (`PreparedParagraph.rescaled`) without reading the text again.
    private let builtParagraphs = BoundedCache<BuiltParagraphKey, BuiltParagraph>(limit: 512)
    private struct BuiltParagraphKey: Hashable {
        let runs: [TextRun]
        /// The block's style without its sizes (see `rescaled`).
        let style: TextStyle
        let hyphenate, headingRule: Bool
    }
    private struct BuiltParagraph: Sendable { let paragraph: PreparedParagraph; let size, width: Double }
    /// The width of a space in each font style (`FontStyle.allCases`) at a size: what
    /// `rescaled` compares a paragraph's word spaces with.
    private let spaces = BoundedCache<Double, [Double]>(limit: 256)
    private func spaceWidths(_ size: Double) -> [Double] {
        spaces.value(size) { FontStyle.allCases.map { shaper.shape(" ", style: $0, size: size).width } }
    }
    struct SetBlockLines: Sendable {
        let lines: [LineBox]; let missing: [MissingGlyph]; let relaxed: Bool
        /// Of the block's strict setting (the heading rule kept): whether the rule could change
        /// it (a balanced block of two or more lines, one of them a single word; only then is a
        /// relaxed setting tried), its lines of one word and its breaks.
        let rulePinches: Bool
        let oneWordLines: Int
        let breakCount: Int
    }

    package init(shaper: Shaper, hyphenator: Hyphenator?, breaker: LineBreaker = LineBreaker(),
                quotes: Quotes? = nil, noBreakAfterInHeadings: Set<String> = [], nameParticles: Set<String> = []) {
        self.shaper = shaper; self.hyphenator = hyphenator; self.breaker = breaker
        self.quotes = quotes; self.noBreakAfterInHeadings = noBreakAfterInHeadings
        self.nameParticles = Set(nameParticles.map { $0.lowercased() })
        particleRule = NameParticles(self.nameParticles)
    }

    /// Sets `blocks` at `width` points. Hyphenation as TeX does it: each paragraph is first
    /// broken without syllable breaks, and hyphenated only when that fails (justified text: no
    /// breaks within the first pass's tolerance; ragged text: a line that would run past the
    /// measure). `hyphenateRagged` lets ragged text hyphenate whenever that reads better, for
    /// a box that would otherwise overflow.
    /// `relaxHeadingRule`: a balanced block may end a line on an article when the rule would
    /// leave a line of one word (`fit` first tries a slightly smaller size instead).
    package func layout(_ blocks: [TextBlock], width: Double, hyphenateRagged: Bool = false,
                       relaxHeadingRule: Bool = true) -> TextLayout {
        layoutNotingRelaxed(blocks, width: width, hyphenateRagged: hyphenateRagged, relaxHeadingRule: relaxHeadingRule).layout
    }

    /// `layout`, and whether the heading rule gave way in any block: when it did not, the
    /// layout is the one `relaxHeadingRule: false` gives (`fit` then need not set it again).
    /// `remembered`: each block's lines come from `setBlocks` when it set the same block at the
    /// same width before (text boxes: a deck's cards repeat leads, footers and list items).
    func layoutNotingRelaxed(_ blocks: [TextBlock], width: Double, hyphenateRagged: Bool = false,
                             relaxHeadingRule: Bool = true, remembered: Bool = false) -> (layout: TextLayout, relaxed: Bool) {
        var relaxedAny = false
        var lines: [LineBox] = []
        var missing: [MissingGlyph] = []
        for (blockIndex, block) in blocks.enumerated() {
            guard remembered else {
                let set = setBlock(block, blockIndex: blockIndex, width: width, hyphenateRagged: hyphenateRagged,
                                   relaxHeadingRule: relaxHeadingRule)
                relaxedAny = relaxedAny || set.relaxed
                missing += set.missing
                lines += set.lines
                continue
            }
            // The rule matters to balanced blocks only: one entry for the others. The relaxed
            // setting starts from the strict one (remembered too): when the rule does not pinch,
            // it is the strict setting.
            let relaxes = relaxHeadingRule && block.style.balance
            let strictKey = SetBlock(block: block, width: width, hyphenateRagged: hyphenateRagged, relaxHeadingRule: false)
            let strict = setBlocks.value(strictKey) {
                setBlock(block, blockIndex: 0, width: width, hyphenateRagged: hyphenateRagged, relaxHeadingRule: false, rescalable: true)
            }
            let set = !relaxes || !strict.rulePinches ? strict
                : setBlocks.value(SetBlock(block: block, width: width, hyphenateRagged: hyphenateRagged, relaxHeadingRule: true)) {
                    relaxedBlock(block, width: width, hyphenateRagged: hyphenateRagged, strict: strict)
                }
            relaxedAny = relaxedAny || set.relaxed
            missing += set.missing
            if blockIndex == 0 {
                lines += set.lines
            } else {
                lines += set.lines.map { line in
                    var line = line
                    line.blockIndex = blockIndex
                    return line
                }
            }
        }
        return (TextLayout(lines: lines, width: width, missing: missing), relaxedAny)
    }

    /// One block set on its own (every block of `layout` is: only its lines' `blockIndex` say
    /// where it stands).
    /// `rescalable`: the block is set at other sizes too (`fit`): its paragraph is made from one
    /// built at another size where it can be (see `breakParagraph`).
    private func setBlock(_ block: TextBlock, blockIndex: Int, width: Double, hyphenateRagged: Bool,
                          relaxHeadingRule: Bool, rescalable: Bool = false) -> SetBlockLines {
        let style = block.style
        let measure = max(1, width - style.leftIndent)
        let runs = quotes.map { $0.apply(block.runs) } ?? block.runs
        var relaxedRule = false
        var (paragraph, breaks) = breakParagraph(runs, style: style, measure: measure, hyphenateRagged: hyphenateRagged,
                                                 rescalable: rescalable)
        let lonely = Self.oneWordLines(paragraph.items, breaks)
        let rulePinches = style.balance && !noBreakAfterInHeadings.isEmpty && breaks.count > 1 && lonely > 0
        if relaxHeadingRule && rulePinches {
            let relaxed = breakParagraph(runs, style: style, measure: measure, hyphenateRagged: hyphenateRagged,
                                         headingRule: false, rescalable: rescalable)
            if Self.oneWordLines(relaxed.0.items, relaxed.1) < lonely && relaxed.1.count <= breaks.count {
                (paragraph, breaks) = relaxed
                relaxedRule = true
            }
        }
        return setLines(block, paragraph, breaks, blockIndex: blockIndex, measure: measure, relaxed: relaxedRule,
                        strict: (rulePinches, lonely, breaks.count))
    }

    /// `setBlock(block, …, relaxHeadingRule: true)` of a block whose strict setting is `strict`
    /// (a balanced block where the rule pinches): only the relaxed breaks are new; when they
    /// are no better, the strict setting is the result, as `setBlock` takes it.
    private func relaxedBlock(_ block: TextBlock, width: Double, hyphenateRagged: Bool, strict: SetBlockLines) -> SetBlockLines {
        let style = block.style
        let measure = max(1, width - style.leftIndent)
        let runs = quotes.map { $0.apply(block.runs) } ?? block.runs
        let relaxed = breakParagraph(runs, style: style, measure: measure, hyphenateRagged: hyphenateRagged, headingRule: false,
                                     rescalable: true)
        guard Self.oneWordLines(relaxed.0.items, relaxed.1) < strict.oneWordLines && relaxed.1.count <= strict.breakCount else {
            return strict
        }
        return setLines(block, relaxed.0, relaxed.1, blockIndex: 0, measure: measure, relaxed: true,
                        strict: (strict.rulePinches, strict.oneWordLines, strict.breakCount))
    }

    /// The block's lines from its paragraph and breaks, with the list marker on the first.
    private func setLines(_ block: TextBlock, _ paragraph: PreparedParagraph, _ breaks: [LineBreak], blockIndex: Int,
                          measure: Double, relaxed: Bool, strict: (pinches: Bool, oneWordLines: Int, breakCount: Int)) -> SetBlockLines {
        let style = block.style
        var set = LineSetter(style: style, measure: measure, indent: style.leftIndent).setLines(paragraph, breaks: breaks)
        var markerRunCount = 0
        if let marker = block.marker, !set.isEmpty {
            let marks = markerRuns(marker, style: style, baseline: set[0].baseline)
            set[0].runs.insert(contentsOf: marks, at: 0)
            markerRunCount = marks.count
        }
        let lines = set.enumerated().map { index, line in
            LineBox(runs: line.runs, width: line.width + style.leftIndent, height: line.height,
                    baseline: line.baseline, spaceBefore: style.spaceBefore,
                    spaceAfter: style.spaceAfter, blockIndex: blockIndex, lineInBlock: index,
                    linesInBlock: set.count, keepWithNext: style.keepWithNext,
                    outlineTitle: index == 0 ? block.outlineTitle : nil,
                    outlineLevel: block.outlineLevel, anchors: line.anchors,
                    endsWithHyphen: line.endsWithHyphen, markerRunCount: index == 0 ? markerRunCount : 0)
        }
        return SetBlockLines(lines: lines, missing: paragraph.missing, relaxed: relaxed, rulePinches: strict.pinches,
                             oneWordLines: strict.oneWordLines, breakCount: strict.breakCount)
    }

    /// `layout(blocks, width:)` for text that comes back in every document of a run (a form's
    /// fixed wording): laid out once per typesetter, the same lines every time after that.
    /// Not for answers and other content: the cache is bounded, but each entry is a whole layout.
    package func layoutOnce(_ blocks: [TextBlock], width: Double) -> TextLayout {
        repeatedLayouts.value(RepeatedText(blocks: blocks, width: width)) { layout(blocks, width: width) }
    }

    /// The items and breaks of one paragraph: the first pass without syllable breaks, the second
    /// with them when the first fails. `rescalable`: the paragraph is made from the one built
    /// last of the same runs in the same style at another size, where `rescaled` can.
    private func breakParagraph(_ runs: [TextRun], style: TextStyle, measure: Double,
                                hyphenateRagged: Bool, headingRule: Bool = true, rescalable: Bool = false) -> (PreparedParagraph, [LineBreak]) {
        let ragged = style.alignment != .justify
        let ruled = headingRule && (style.balance || style.keepWithNext)
        let canHyphenate = style.hyphenate && hyphenator != nil
        var hyphenate = true
        func build() -> PreparedParagraph {
            prepared(runs, style: style, measure: measure, hyphenate: hyphenate, headingRule: ruled, rescalable: rescalable)
        }
        if !canHyphenate || !(ragged && hyphenateRagged) {
            hyphenate = false
            let plain = build()
            if ragged {
                let breaks = raggedBreaks(plain.items, measure: measure, style: style)
                if !canHyphenate || (fits(plain.items, breaks, measure: measure) && !usesEmergencyBreak(plain.items, breaks)) {
                    return (plain, breaks)
                }
            } else if let breaks = breaker.firstPass(plain.items, lineWidth: measure), !usesEmergencyBreak(plain.items, breaks) {
                return (plain, breaks)
            } else if !canHyphenate {
                return (plain, breaker.breakLines(plain.items, lineWidth: measure, ragged: false))
            }
            hyphenate = true
        }
        let hyphenated = build()
        let breaks = ragged ? raggedBreaks(hyphenated.items, measure: measure, style: style)
            : breaker.breakLines(hyphenated.items, lineWidth: measure, ragged: false, tolerances: [breaker.settings.hyphenationTolerance])
        return (hyphenated, breaks)
    }

    /// A paragraph's items (`ParagraphBuilder.build`, the name particles kept); `rescalable`: made
    /// from the one built last of the same runs in the same style at another size, where
    /// `rescaled` can, and remembered for the next size.
    private func prepared(_ runs: [TextRun], style: TextStyle, measure: Double, hyphenate: Bool, headingRule: Bool,
                          rescalable: Bool) -> PreparedParagraph {
        var unsized = style
        unsized.size = 0; unsized.leading = 0; unsized.leftIndent = 0; unsized.spaceBefore = 0; unsized.spaceAfter = 0
        let key = rescalable ? BuiltParagraphKey(runs: runs, style: unsized, hyphenate: hyphenate, headingRule: headingRule) : nil
        if let key, let built = builtParagraphs.lookUp(key) {
            if built.size == style.size && built.width == measure { return built.paragraph }
            if let paragraph = built.paragraph.rescaled(builtSize: built.size, builtWidth: built.width, to: style, lineWidth: measure,
                                                        shaper: shaper, spaceWidths: spaceWidths) {
                builtParagraphs.insert(key, BuiltParagraph(paragraph: paragraph, size: style.size, width: measure))
                return paragraph
            }
        }
        var builder = ParagraphBuilder(shaper: shaper, hyphenator: hyphenator, style: style, lineWidth: measure)
        builder.hyphenate = hyphenate
        if headingRule { builder.noBreakAfter = noBreakAfterInHeadings }
        var paragraph = builder.build(runs)
        if !nameParticles.isEmpty && !particleRule.gluesToKeep(in: runs).isEmpty { particleRule.keep(&paragraph) }
        if let key { builtParagraphs.insert(key, BuiltParagraph(paragraph: paragraph, size: style.size, width: measure)) }
        return paragraph
    }

    /// The items `setBlock` breaks a balanced block into at `width` (the heading rule kept), where
    /// they are known before breaking and its lines are as wide as their items: a ragged block
    /// that is never hyphenated, without indent or list marker, left to right. Nil otherwise.
    func unbrokenHeadingItems(_ block: TextBlock, width: Double) -> [BreakItem]? {
        let style = block.style
        guard style.balance, !(style.hyphenate && hyphenator != nil), style.alignment != .justify, style.leftIndent == 0,
              block.marker == nil else { return nil }
        let runs = quotes.map { $0.apply(block.runs) } ?? block.runs
        let paragraph = prepared(runs, style: style, measure: max(1, width), hyphenate: false, headingRule: true, rescalable: true)
        return paragraph.isBidi ? nil : paragraph.items
    }

    /// The fewest lines of one word (as `oneWordLines` counts them) that any legal breaks of
    /// `items` give with no line wider than `measure` (as `fits` allows); `Int.max` when no
    /// breaks keep every line within it. `ruleGivesWay`: a space after a forbidden break counts
    /// as a break too (the heading rule relaxed takes its forbidden breaks out; the name
    /// particles' stay, so this counts from more breaks than there are). Nil when the items do
    /// not allow the count (as `fewestLines`) or are too many to try every line.
    static func fewestOneWordLines(_ items: [BreakItem], measure: Double, ruleGivesWay: Bool) -> Int? {
        guard items.count <= 256, let last = items.last, last.kind == .penalty, last.penalty <= BreakItem.forcedBreak,
              !items.contains(where: { $0.width < 0 }) else { return nil }
        let breaks = items.indices.filter { b in
            if BreakItem.isLegalBreak(items, at: b) { return true }
            let item = items[b]
            return ruleGivesWay && item.kind == .glue && item.stretch < BreakItem.fill && b > 1 && items[b - 2].kind == .box
                && items[b - 1].kind == .penalty && items[b - 1].penalty >= BreakItem.forbiddenBreak
        }
        // The fewest lines of one word of fitting lines up to each break, from the paragraph's
        // start; a line never runs past a forced break.
        var fewest = [Int](repeating: .max, count: breaks.count)
        var oneLine = false
        for (j, b) in breaks.enumerated() {
            for i in stride(from: j - 1, through: -1, by: -1) {
                let a = i < 0 ? -1 : breaks[i]
                if i >= 0 && fewest[i] == .max {
                    if items[a].kind == .penalty && items[a].penalty <= BreakItem.forcedBreak { break }
                    continue
                }
                if LineBreaker.naturalWidth(items, from: a, to: b) > measure + 0.01 { break }  // wider from further back
                let count = (i < 0 ? 0 : fewest[i]) + (Self.isOneWordLine(items, from: a, to: b) ? 1 : 0)
                fewest[j] = min(fewest[j], count)
                if i < 0 && b == items.count - 1 { oneLine = true }
                if i >= 0 && items[a].kind == .penalty && items[a].penalty <= BreakItem.forcedBreak { break }
            }
        }
        // `oneWordLines` counts nothing in a paragraph of one line.
        return oneLine ? 0 : fewest[breaks.count - 1]
    }

    /// How many lines of a paragraph of two or more lines hold a single word.
    static func oneWordLines(_ items: [BreakItem], _ breaks: [LineBreak]) -> Int {
        guard breaks.count > 1 else { return 0 }
        var count = 0
        var start = -1
        for lineBreak in breaks {
            if isOneWordLine(items, from: start, to: lineBreak.position) { count += 1 }
            start = lineBreak.position
        }
        return count
    }

    /// Whether the line between breaks at `start` and `end` holds boxes and no space after its
    /// first box (the paragraph's closing fill glue is no space).
    static func isOneWordLine(_ items: [BreakItem], from start: Int, to end: Int) -> Bool {
        var boxes = 0
        var i = start + 1
        while i < end {
            if items[i].kind == .box { boxes += 1 }
            else if items[i].kind == .glue && boxes > 0 && items[i].stretch < BreakItem.fill { return false }
            i += 1
        }
        return boxes > 0
    }

    private func raggedBreaks(_ items: [BreakItem], measure: Double, style: TextStyle) -> [LineBreak] {
        let breaks = breaker.breakLines(items, lineWidth: measure, ragged: true)
        guard style.balance && breaks.count > 1 else { return breaks }
        return balancedBreaks(items, measure: measure, lines: breaks.count, oneWordLines: Self.oneWordLines(items, breaks)) ?? breaks
    }

    private func usesEmergencyBreak(_ items: [BreakItem], _ breaks: [LineBreak]) -> Bool {
        breaks.contains { items[$0.position].kind == .penalty && items[$0.position].penalty >= ParagraphBuilder.emergencyPenalty
            && items[$0.position].penalty < BreakItem.forbiddenBreak }
    }

    /// Breaks for the narrowest measure that still gives `lines` lines: the lines come out of
    /// even length (like CSS `text-wrap: balance`), without more lines of one word than the
    /// full measure gives. Nil when narrowing does not help.
    private func balancedBreaks(_ items: [BreakItem], measure: Double, lines: Int, oneWordLines: Int) -> [LineBreak]? {
        var low = measure * 0.4, high = measure
        var best: [LineBreak]? = nil
        let sums = PrefixSums(items)
        let widest = Self.widestBox(items)
        for _ in 0..<10 {
            let middle = (low + high) / 2
            // A measure narrower than a word, or one where every way of breaking takes more than
            // `lines` lines or runs past it: whatever Knuth–Plass finds there is refused.
            if widest > middle + 0.01 || (Self.fewestLines(items, measure: middle) ?? 0) > lines {
                low = middle; continue
            }
            let candidate = breaker.breakLines(items, sums: sums, lineWidth: middle, ragged: true)
            if candidate.count <= lines && fits(items, candidate, measure: middle) && Self.oneWordLines(items, candidate) <= oneWordLines {
                best = candidate; high = middle
            } else {
                low = middle
            }
        }
        return best
    }

    /// The fewest lines any legal breaks of `items` (every forced break taken, the last item
    /// one) set with no line wider than `measure` (`fits`); `Int.max` when none does; nil when the items
    /// do not allow the count (an item narrower than nothing, or no forced break at the end).
    /// Breaking each line at the furthest break that fits gives the fewest: a line that starts
    /// later is never wider (its natural width adds up a part of the same items, in the same
    /// order, and rounding keeps that order), so each of its breaks is at least as far as those
    /// of any other set of fitting breaks.
    static func fewestLines(_ items: [BreakItem], measure: Double) -> Int? {
        guard let last = items.last, last.kind == .penalty, last.penalty <= BreakItem.forcedBreak,
              !items.contains(where: { $0.width < 0 }) else { return nil }
        var lines = 0
        var start = -1
        while start < items.count - 1 {
            var furthest: Int? = nil
            var running = RunningWidth()
            var b = start + 1
            while b < items.count {
                let item = items[b]
                if BreakItem.isLegalBreak(items, at: b) {
                    if running.ending(at: item) <= measure + 0.01 { furthest = b }
                    if item.kind == .penalty && item.penalty <= BreakItem.forcedBreak { break }
                }
                running.add(item)
                // Every later break's line is at least this wide.
                if running.width > measure + 0.01 { break }
                b += 1
            }
            guard let end = furthest else { return .max }
            lines += 1
            start = end
        }
        return lines
    }

    /// The widest box of `items`, which every line that holds it is at least as wide as (`fits`):
    /// when no item is narrower than nothing and the last is no box (breaks never fall on a box,
    /// and a line's natural width adds up its boxes and glue); else -infinity (no shortcut).
    static func widestBox(_ items: [BreakItem]) -> Double {
        guard items.last?.kind != .box else { return -.infinity }
        var widest = -Double.infinity
        for item in items {
            guard item.width >= 0 else { return -.infinity }
            if item.kind == .box { widest = max(widest, item.width) }
        }
        return widest
    }

    /// True when no line between `breaks` is wider than `measure` (no emergency overflow).
    private func fits(_ items: [BreakItem], _ breaks: [LineBreak], measure: Double) -> Bool {
        var start = -1
        for lineBreak in breaks {
            if LineBreaker.naturalWidth(items, from: start, to: lineBreak.position) > measure + 0.01 { return false }
            start = lineBreak.position
        }
        return true
    }

    /// The natural width of `text` on one line in `style`. Text the family's face covers alone
    /// is shaped as one run; other text (a label of a translated deck in Arabic or Chinese) is
    /// measured as the typesetter sets it, with its fallback faces and directions.
    package func width(of text: String, style: TextStyle) -> Double {
        let fontStyle = FontStyle(bold: style.bold, italic: style.italic)
        let family = shaper.font(fontStyle)
        guard text.contains(where: { shaper.face(for: $0, style: fontStyle) !== family }) || (BidiLevels.mayHoldRightToLeft(text) && BidiLevels.resolve(Array(text)).isMixed) else {
            return shaper.shape(text, style: fontStyle, size: style.size).width
        }
        var oneLine = style
        oneLine.hyphenate = false
        oneLine.alignment = .left
        return layout([TextBlock(text, style: oneLine)], width: 1e9).lines.map(\.width).max() ?? 0
    }

    /// The list marker, set in the hanging indent and ending a third of an em before the text.
    private func markerRuns(_ marker: String, style: TextStyle, baseline: Double) -> [GlyphRun] {
        let shaped = shaper.shape(marker, style: FontStyle(bold: style.bold, italic: false), size: style.size)
        let x = max(0, style.leftIndent - style.size * 0.35 - shaped.width)
        let slice = ParagraphBuilder.slice(shaped, bytes: 0..<shaped.text.utf8.count)
        return [LineSetter.glyphRun(slice, x: x, baseline: baseline, colour: style.colour, leading: style.leading)]
    }
}
