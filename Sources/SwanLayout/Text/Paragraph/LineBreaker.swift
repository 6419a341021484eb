/// Line breaking: Knuth–Plass optimal breaking over a whole paragraph, with first-fit as the
/// fallback when no set of breaks stays within tolerance.
import Foundation

package struct LineBreak: Equatable, Sendable {
    /// Index of the item the line ends at (a glue or penalty).
    package var position: Int
    /// How much the line's glue was stretched (>0) or shrunk (<0) relative to what it can give.
    package var ratio: Double
}

package struct LineBreakerSettings: Sendable {
    /// Added to each line's badness before squaring: favours fewer lines.
    package var linePenalty = 10.0
    /// Extra demerits for two hyphenated lines in a row (TeX's \doublehyphendemerits).
    package var consecutiveHyphenDemerits = 3_000.0
    /// Extra demerits for two lines in a row that end in an inserted hyphen: high enough that
    /// it happens only where the alternative is a line more than four times as loose as normal.
    package var consecutiveInsertedHyphenDemerits = 1e8
    /// Two lines in a row ending in the same fragment ("hoofd-", "hoofd-"): as good as never.
    package var sameFragmentDemerits = 1e15
    /// Extra demerits when the second-last line ends in a hyphen (TeX's \finalhyphendemerits).
    package var finalHyphenDemerits = 5_000.0
    /// Extra demerits when a paragraph of two or more lines ends in a line of one word, or in a
    /// line shorter than `shortLastLineFraction` of the measure (what TeX's \parfillskip with a
    /// minimum width does): what a line about one and a half times as loose as normal costs, so a
    /// last word moves up, or a word comes down to keep it company, whenever the lines above
    /// allow it within the pass's tolerance.
    package var shortLastLineDemerits = 100_000.0
    package var shortLastLineFraction = 0.15
    /// Extra demerits when a tight line follows a loose one or the reverse (TeX's \adjdemerits).
    package var fitnessDemerits = 100.0
    /// Largest badness accepted in the first pass, the one without syllable breaks (TeX's
    /// \pretolerance).
    package var pretolerance: Double = 100
    /// Largest badness accepted in the successive passes.
    package var tolerances: [Double] = [200, 1_000, 10_000]
    /// The badness accepted in the pass with syllable breaks: any, so that a hyphen (with its
    /// high penalty) competes with a loose line instead of winning whenever it keeps the
    /// spacing within a tighter tolerance.
    package var hyphenationTolerance: Double = 10_000
    /// For ragged (unjustified) text: the stretch a line end may absorb, as a fraction of the
    /// measure. Lines shorter than the measure by much more than this count as bad.
    package var raggedStretchFraction = 0.3
    package init() {}
}

package struct LineBreaker: Sendable {
    package var settings: LineBreakerSettings
    package init(settings: LineBreakerSettings = LineBreakerSettings()) { self.settings = settings }

    /// Optimal breaks for `items` set at `lineWidth`; `ragged` lines are not justified and get
    /// their stretch at the line end. Falls back to first-fit if no pass finds a solution.
    package func breakLines(_ items: [BreakItem], lineWidth: Double, ragged: Bool, tolerances: [Double]? = nil) -> [LineBreak] {
        guard !items.isEmpty else { return [] }
        return breakLines(items, sums: PrefixSums(items), lineWidth: lineWidth, ragged: ragged, tolerances: tolerances)
    }

    /// `breakLines` with the items' running totals made before (a search that breaks the same
    /// items at many measures makes them once).
    func breakLines(_ items: [BreakItem], sums: PrefixSums, lineWidth: Double, ragged: Bool, tolerances: [Double]? = nil) -> [LineBreak] {
        guard !items.isEmpty else { return [] }
        for tolerance in tolerances ?? settings.tolerances {
            if let breaks = optimalBreaks(items, sums: sums, lineWidth: lineWidth, ragged: ragged, tolerance: tolerance) {
                return breaks
            }
        }
        return firstFit(items, lineWidth: lineWidth, ragged: ragged)
    }

    /// Justified breaks within the pretolerance, or nil: the first pass of a paragraph, set
    /// without syllable breaks.
    package func firstPass(_ items: [BreakItem], lineWidth: Double) -> [LineBreak]? {
        guard !items.isEmpty else { return [] }
        return optimalBreaks(items, sums: PrefixSums(items), lineWidth: lineWidth, ragged: false, tolerance: settings.pretolerance)
    }

    // MARK: - Knuth–Plass

    /// A feasible break: nodes live in one array (`NodeStore`) and point to the break before by
    /// index, so a paragraph's search allocates arrays, not an object per break.
    private struct Node {
        let position: Int
        let line: Int
        let fitness: Int
        let demerits: Double
        let ratio: Double
        /// Index of the break before in the store; -1 for the paragraph's start.
        let previous: Int
        let sumsAfter: (width: Double, stretch: Double, shrink: Double, spaces: Double)
    }

    /// The nodes of one search. Nodes no active break leads back to are dropped now and then
    /// (`compact`), so a paragraph of millions of breaks keeps only the chains still in reach,
    /// as objects freed when unreferenced did.
    private struct NodeStore {
        var nodes: [Node] = []
        /// Compact when the store grows past this; then twice what survived (at least 4,096).
        private var limit = 4_096

        mutating func add(_ node: Node) -> Int { nodes.append(node); return nodes.count - 1 }

        /// Keeps the nodes `active` leads back to, in their order (a node's previous comes before
        /// it), and renumbers `active` to match.
        mutating func compactIfLarge(_ active: inout [Int]) {
            guard nodes.count > limit else { return }
            var kept = [Bool](repeating: false, count: nodes.count)
            for start in active {
                var index = start
                while index >= 0 && !kept[index] { kept[index] = true; index = nodes[index].previous }
            }
            var renumbered = [Int](repeating: -1, count: nodes.count)
            var survivors: [Node] = []
            for index in nodes.indices where kept[index] {
                let node = nodes[index]
                renumbered[index] = survivors.count
                survivors.append(Node(position: node.position, line: node.line, fitness: node.fitness, demerits: node.demerits,
                                      ratio: node.ratio, previous: node.previous >= 0 ? renumbered[node.previous] : -1,
                                      sumsAfter: node.sumsAfter))
            }
            nodes = survivors
            for slot in active.indices { active[slot] = renumbered[active[slot]] }
            limit = max(4_096, 2 * nodes.count)
        }
    }

    private func optimalBreaks(_ items: [BreakItem], sums: PrefixSums, lineWidth: Double, ragged: Bool,
                               tolerance: Double) -> [LineBreak]? {
        // Room reserved for what a short paragraph (a heading, tried at many measures) needs, so
        // that the arrays are not grown step by step on every run.
        var store = NodeStore()
        store.nodes.reserveCapacity(min(4 * items.count + 1, 256))
        var active: [Int] = []
        active.reserveCapacity(16)
        active.append(store.add(Node(position: -1, line: 0, fitness: 1, demerits: 0, ratio: 0, previous: -1,
                                            sumsAfter: sums.afterBreak(-1, items))))
        let raggedStretch = ragged ? lineWidth * settings.raggedStretchFraction : 0
        // Kept from break to break instead of made anew at each: a paragraph of a cluster per
        // break (a long word broken anywhere) has millions of breaks.
        var survivors: [Int] = []
        survivors.reserveCapacity(16)
        var candidates = [(node: Int, demerits: Double, ratio: Double)?](repeating: nil, count: 4)

        for (b, item) in items.enumerated() {
            guard BreakItem.isLegalBreak(items, at: b) else { continue }
            let forced = item.kind == .penalty && item.penalty <= BreakItem.forcedBreak

            for fitness in 0..<4 { candidates[fitness] = nil }
            survivors.removeAll(keepingCapacity: true)
            for index in active {
                let a = store.nodes[index]
                let width = sums.width[b] - a.sumsAfter.width + (item.kind == .penalty ? item.width : 0)
                let stretch = sums.stretch[b] - a.sumsAfter.stretch + raggedStretch
                let shrink = sums.shrink[b] - a.sumsAfter.shrink
                let ratio: Double
                if width < lineWidth { ratio = stretch > 0 ? (lineWidth - width) / stretch : .infinity }
                else if width > lineWidth { ratio = shrink > 0 ? (lineWidth - width) / shrink : -.infinity }
                else { ratio = 0 }

                if ratio < -1 || forced { /* a is deactivated */ } else { survivors.append(index) }
                guard ratio >= -1 else { continue }
                // A line ended by a forced break may be short: the paragraph's fill glue takes it.
                // A line that cannot stretch at all (one word) is as bad as it gets, but possible.
                let magnitude = abs(ratio)
                // Feasibility uses TeX's badness, capped at 10 000; the demerits keep the real
                // value (bounded), so that of two lines past the cap the less loose one wins.
                let looseness = forced && ratio >= 0 ? 0 : min(100 * magnitude * magnitude * magnitude, 1e6)
                let badness = min(looseness, 10_000)
                guard badness <= tolerance else { continue }

                var demerits = pow(settings.linePenalty + looseness, 2)
                if item.kind == .penalty {
                    if item.penalty >= 0 { demerits += item.penalty * item.penalty }
                    else if item.penalty > BreakItem.forcedBreak { demerits -= item.penalty * item.penalty }
                }
                let previousFlagged = a.position >= 0 && items[a.position].kind == .penalty && items[a.position].flagged
                if item.kind == .penalty && item.flagged && previousFlagged {
                    demerits += settings.consecutiveHyphenDemerits
                    if item.fragment != nil && items[a.position].fragment != nil { demerits += settings.consecutiveInsertedHyphenDemerits }
                    if item.hyphenKey != 0 && item.hyphenKey == items[a.position].hyphenKey { demerits += settings.sameFragmentDemerits }
                }
                if forced && b == items.count - 1 && previousFlagged { demerits += settings.finalHyphenDemerits }
                if forced && a.position >= 0 {
                    // The paragraph's (or the author's line's) last line: one word, or very short.
                    let words = sums.spaces[b] - a.sumsAfter.spaces
                    let natural = sums.width[b] - a.sumsAfter.width
                    if words < 1 || natural < lineWidth * settings.shortLastLineFraction { demerits += settings.shortLastLineDemerits }
                }
                let fitness = Self.fitnessClass(ratio)
                if abs(fitness - a.fitness) > 1 { demerits += settings.fitnessDemerits }
                demerits += a.demerits
                if candidates[fitness] == nil || demerits < candidates[fitness]!.demerits {
                    candidates[fitness] = (index, demerits, ratio)
                }
            }
            swap(&active, &survivors)
            if candidates.contains(where: { $0 != nil }) {
                let after = sums.afterBreak(b, items)
                for fitness in 0..<4 {
                    guard let candidate = candidates[fitness] else { continue }
                    active.append(store.add(Node(position: b, line: store.nodes[candidate.node].line + 1, fitness: fitness,
                                                 demerits: candidate.demerits, ratio: candidate.ratio,
                                                 previous: candidate.node, sumsAfter: after)))
                }
            }
            if active.isEmpty { return nil }
            store.compactIfLarge(&active)
        }
        guard let best = active.filter({ store.nodes[$0].position == items.count - 1 })
            .min(by: { store.nodes[$0].demerits < store.nodes[$1].demerits }) else {
            return nil
        }
        var breaks: [LineBreak] = []
        breaks.reserveCapacity(store.nodes[best].line)
        var index = best
        while index >= 0, store.nodes[index].position >= 0 {
            let current = store.nodes[index]
            breaks.append(LineBreak(position: current.position, ratio: current.ratio))
            index = current.previous
        }
        breaks.reverse()
        return breaks
    }

    static func fitnessClass(_ ratio: Double) -> Int {
        if ratio < -0.5 { return 0 }      // tight
        if ratio <= 0.5 { return 1 }      // decent
        if ratio <= 1 { return 2 }        // loose
        return 3                           // very loose
    }

    // MARK: - First fit

    /// Greedy breaking: each line takes as much as fits. Used as a fallback and as the baseline
    /// the optimal breaker is compared with.
    package func firstFit(_ items: [BreakItem], lineWidth: Double, ragged: Bool) -> [LineBreak] {
        var breaks: [LineBreak] = []
        var start = -1
        var lastFitting: Int? = nil
        // The natural width of the items from the line's first box up to b, added up as b moves
        // (in the order naturalWidth adds them): a line's width is not summed again at each of
        // its break opportunities, which was quadratic in a line of many.
        var running = RunningWidth()
        var b = 0
        while b < items.count {
            let item = items[b]
            if BreakItem.isLegalBreak(items, at: b) {
                if running.ending(at: item) <= lineWidth + 0.001 {
                    lastFitting = b
                    if item.kind == .penalty && item.penalty <= BreakItem.forcedBreak {
                        breaks.append(LineBreak(position: b, ratio: ratio(items, from: start, to: b, lineWidth, ragged)))
                        start = b; lastFitting = nil
                        running = RunningWidth()
                        b += 1
                        continue
                    }
                } else {
                    // Overfull: break at the last fitting place, or here if there was none.
                    let at = lastFitting ?? b
                    breaks.append(LineBreak(position: at, ratio: ratio(items, from: start, to: at, lineWidth, ragged)))
                    start = at; lastFitting = nil
                    running = RunningWidth()
                    b = at + 1
                    continue
                }
            }
            running.add(item)
            b += 1
        }
        if breaks.last?.position != items.count - 1 {
            breaks.append(LineBreak(position: items.count - 1, ratio: 0))
        }
        return breaks
    }

    /// The width of the line between breaks at `start` and `end`, with glue unstretched.
    static func naturalWidth(_ items: [BreakItem], from start: Int, to end: Int) -> Double {
        var width = 0.0
        var i = start + 1
        while i < end && items[i].kind != .box { i += 1 }  // glue and penalties after a break vanish
        while i < end {
            if items[i].kind != .penalty { width += items[i].width }
            i += 1
        }
        if items[end].kind == .penalty { width += items[end].width }
        return width
    }

    private func ratio(_ items: [BreakItem], from start: Int, to end: Int, _ lineWidth: Double, _ ragged: Bool) -> Double {
        guard !ragged else { return 0 }
        let width = Self.naturalWidth(items, from: start, to: end)
        var stretch = 0.0, shrink = 0.0
        // Glue, and boxes that may space their letters (justified text).
        for i in (start + 1)..<end where items[i].kind != .penalty { stretch += items[i].stretch; shrink += items[i].shrink }
        if width < lineWidth { return stretch > 0 ? (lineWidth - width) / stretch : 0 }
        return shrink > 0 ? max(-1, (lineWidth - width) / shrink) : 0
    }
}

/// Running totals of widths, stretch and shrink, so a line's sums are two subtractions.
struct PrefixSums {
    var width: [Double], stretch: [Double], shrink: [Double]
    /// Word spaces so far: every glue but the paragraph's fill (a last line without one is one word).
    var spaces: [Double]

    init(_ items: [BreakItem]) {
        width = [Double](repeating: 0, count: items.count + 1)
        stretch = width; shrink = width; spaces = width
        var w = 0.0, st = 0.0, sh = 0.0, sp = 0.0
        for (i, item) in items.enumerated() {
            width[i] = w; stretch[i] = st; shrink[i] = sh; spaces[i] = sp  // totals before item i
            if item.kind != .penalty { w += item.width; st += item.stretch; sh += item.shrink }
            if item.kind == .glue && item.stretch < BreakItem.fill && i > 0 && items[i - 1].kind != .glue { sp += 1 }
        }
        width[items.count] = w; stretch[items.count] = st; shrink[items.count] = sh; spaces[items.count] = sp
    }

    /// Totals at the start of the line that follows a break at `b`: glue and penalties right
    /// after a break are discarded, up to the next box.
    func afterBreak(_ b: Int, _ items: [BreakItem]) -> (Double, Double, Double, Double) {
        var i = b + 1
        while i < items.count && items[i].kind != .box {
            if items[i].kind == .penalty && items[i].penalty <= BreakItem.forcedBreak && i > b + 1 { break }
            i += 1
        }
        let at = min(i, items.count)
        return (width[at], stretch[at], shrink[at], spaces[at])
    }
}
