import SwanTestSupport
import XCTest
@testable import SwanLayout

final class LineBreakingTests: XCTestCase {
    let typesetter = TestEngine.shared.typesetter
    /// A Dutch paragraph that is not SWAN wording (that lives in Templates/ only).
    let paragraph = "De gemeenteraad besprak dinsdagavond het voorstel om de bibliotheek in de wijk langer open te houden. Bewoners, vrijwilligers en ambtenaren gaven hun mening over de openingstijden, de financiering en de samenwerking met scholen en buurthuizen in de omgeving."

    private func style(_ alignment: Alignment) -> TextStyle { TextStyle(size: 10, leading: 13, alignment: alignment) }

    /// TeX's first pass: ragged text that fits the measure without syllable breaks gets none.
    func testRaggedParagraphIsNotHyphenatedWhenItFitsWithout() {
        for width in [mm(45), mm(60), mm(90)] {
            let layout = typesetter.layout([TextBlock(paragraph, style: style(.left))], width: width)
            XCTAssertFalse(layout.lines.contains { $0.endsWithHyphen }, "\(layout.text)")
            XCTAssertEqual(layout.lines.map(\.text).joined(separator: " "), paragraph)
            for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width + 0.01) }
        }
    }

    /// Justified text: the last line at natural spacing, no empty line after it, the last word
    /// whole, never two lines in a row ending in the same fragment, and from 60 mm on (about
    /// 35 characters) never two hyphenated lines in a row.
    func testJustifiedParagraphEndsAtNaturalSpacingWithItsLastWordWhole() {
        let natural = typesetter.layout([TextBlock(paragraph, style: style(.left))], width: mm(500)).lines[0]
        for width in stride(from: mm(40), through: mm(120), by: mm(5)) {
            let layout = typesetter.layout([TextBlock(paragraph, style: style(.justify))], width: width)
            let last = layout.lines[layout.lines.count - 1]
            XCTAssertFalse(last.text.isEmpty, "no empty last line at \(width)")
            XCTAssertTrue(natural.text.hasSuffix(last.text), "the last line is the end of the text: \(last.text)")
            XCTAssertTrue(last.text.hasSuffix("omgeving."), "the last word is whole at \(width): \(layout.text)")
            // Natural spacing: never wider than the same words set loose (it may shrink a little).
            XCTAssertLessThanOrEqual(last.width, typesetter.width(of: last.text, style: style(.left)) + 0.05, "last line stretched at \(width)")
            for (a, b) in zip(layout.lines, layout.lines.dropFirst()) where a.endsWithHyphen && b.endsWithHyphen {
                XCTAssertNotEqual(a.text.split(separator: " ").last, b.text.split(separator: " ").last, "same fragment twice at \(width)")
                XCTAssertLessThanOrEqual(width, mm(60) + 0.01, "two hyphens in a row at \(width): \(a.text) / \(b.text)")
            }
        }
    }

    /// What must hold however the breaker or the hyphenation patterns change: at many measures,
    /// left and justified, no line runs past the measure, no line is empty, and the lines give
    /// back every word once and in order (a line-end hyphen only where a word was split).
    func testParagraphKeepsEveryWordOnceInOrderWithinTheMeasure() {
        let words = paragraph.split(separator: " ").map(String.init)
        var hyphenated = 0
        for alignment in [Alignment.left, .justify] {
            for width in stride(from: mm(25), through: mm(120), by: mm(5)) {
                let lines = typesetter.layout([TextBlock(paragraph, style: style(alignment))], width: width).lines
                XCTAssertGreaterThan(lines.count, 1, "\(alignment) at \(width)")
                var rebuilt = ""
                for line in lines {
                    let right = line.runs.map { $0.origin.x + $0.width }.max() ?? 0
                    XCTAssertLessThanOrEqual(right, width + 0.01, "\(line.text) at \(toMillimetres(width)) mm")
                    let text = line.text.trimmingCharacters(in: .whitespaces)
                    XCTAssertFalse(text.isEmpty, "an empty line at \(toMillimetres(width)) mm")
                    if line.endsWithHyphen {
                        XCTAssertTrue(text.hasSuffix("-") || text.hasSuffix("\u{2010}"), "a split word shows its hyphen: \(text)")
                        rebuilt += String(text.dropLast())
                        hyphenated += 1
                    } else {
                        rebuilt += text + " "
                    }
                }
                XCTAssertEqual(rebuilt.split(separator: " ").map(String.init), words, "\(alignment) at \(toMillimetres(width)) mm")
            }
        }
        XCTAssertGreaterThan(hyphenated, 0, "some measure makes the breaker hyphenate, so split words were checked")
    }

    /// Optimal breaking never costs more than first-fit: on generated paragraphs (words, spaces,
    /// hyphenation points), the total Knuth–Plass demerits of the breaker's lines, computed here
    /// from the items, are at most those of the greedy lines whenever the greedy lines are within
    /// the first tolerance (so both are candidates of the same pass).
    func testOptimalBreaksNeverCostMoreThanFirstFit() {
        var random = SeededRandom(seed: 19)
        let breaker = LineBreaker()
        var compared = 0, better = 0
        for trial in 0..<300 {
            let ragged = trial % 2 == 0
            var items: [BreakItem] = []
            for index in 0..<(20 + random.below(40)) {
                if index > 0 { items.append(.glue(5, stretch: 2.5, shrink: 1.7)) }
                // A word, sometimes with a hyphenation point (a flagged penalty with a hyphen's width).
                let parts = random.below(4) == 0 ? 2 : 1
                for part in 0..<parts {
                    if part > 0 { items.append(.penalty(3, 50, flagged: true)) }
                    items.append(.box(Double(8 + random.below(40))))
                }
            }
            items += [.penalty(0, BreakItem.forbiddenBreak), .glue(0, stretch: BreakItem.fill, shrink: 0),
                      .penalty(0, BreakItem.forcedBreak)]
            let lineWidth = Double(120 + random.below(200))
            let optimal = Demerits(items, lineWidth: lineWidth, ragged: ragged, settings: breaker.settings,
                                   breaks: breaker.breakLines(items, lineWidth: lineWidth, ragged: ragged))
            let greedy = Demerits(items, lineWidth: lineWidth, ragged: ragged, settings: breaker.settings,
                                  breaks: breaker.firstFit(items, lineWidth: lineWidth, ragged: ragged))
            XCTAssertEqual(optimal.breaks.last?.position, items.count - 1, "trial \(trial): the last line ends the paragraph")
            XCTAssertGreaterThanOrEqual(optimal.smallestRatio, -1, "trial \(trial): no line shrinks more than its spaces allow")
            guard greedy.largestBadness <= breaker.settings.tolerances[0], greedy.smallestRatio >= -1 else { continue }
            compared += 1
            XCTAssertLessThanOrEqual(optimal.total, greedy.total * (1 + 1e-9), "trial \(trial)")
            if optimal.total < greedy.total - 1 { better += 1 }
        }
        XCTAssertGreaterThan(compared, 50, "enough paragraphs where first-fit is a fair competitor")
        XCTAssertGreaterThan(better, 0, "the optimal breaker finds better breaks somewhere")
    }

    func testNoLineIsWiderThanTheMeasure() {
        for alignment in [Alignment.left, .justify] {
            for width in [mm(30), mm(45), mm(60), mm(120)] {
                let layout = typesetter.layout([TextBlock(paragraph, style: style(alignment))], width: width)
                for line in layout.lines {
                    let right = line.runs.map { $0.origin.x + $0.width }.max() ?? 0
                    XCTAssertLessThanOrEqual(right, width + 0.01, "\(alignment) at \(width)")
                }
            }
        }
    }

    func testJustifiedLinesFillTheMeasureWithinStretchBounds() {
        // At 60 mm a line has few spaces to stretch and may be loose (ratio up to 3); at 120 mm
        // the first pass (badness 200, ratio 1.26) must succeed.
        assertJustified(width: mm(60), maxRatio: 3)
        assertJustified(width: mm(120), maxRatio: 1.26)
    }

    private func assertJustified(width: Double, maxRatio: Double) {
        let layout = typesetter.layout([TextBlock(paragraph, style: style(.justify))], width: width)
        XCTAssertGreaterThan(layout.lines.count, 3)
        let space = typesetter.width(of: " ", style: style(.justify))
        for line in layout.lines.dropLast() {
            let right = line.runs.map { $0.origin.x + $0.width }.max() ?? 0
            XCTAssertEqual(right, width, accuracy: 0.05, "a justified line ends at the measure")
            // Gaps between words stay between fully shrunk and a loose (ratio <= 2.2) stretch.
            let sorted = line.runs.sorted { $0.origin.x < $1.origin.x }
            for (left, next) in zip(sorted, sorted.dropFirst()) {
                let gap = next.origin.x - (left.origin.x + left.width)
                if gap > 0.01 {
                    XCTAssertGreaterThanOrEqual(gap, space * (1 - 0.33) - 0.01)
                    XCTAssertLessThanOrEqual(gap, space * (1 + 0.5 * maxRatio) + 0.01, "width \(width)")
                }
            }
        }
    }

    /// Justified text that may space its letters (Justification.letterSpacing): each line but
    /// the last still ends at the measure with its words whole and in order, the letters of a
    /// line move by at most the allowed em per gap (at the breaker's ratio cap), and without it
    /// the same paragraph is set exactly as before.
    func testLetterSpacingTakesAShareOfAJustifiedLinesSlack() {
        var spaced = style(.justify)
        spaced.justification = Justification(wordStretch: 0.2, wordShrink: 0.15, letterSpacing: 0.025)
        var moved = 0
        for width in [mm(80), mm(110)] {
            let layout = typesetter.layout([TextBlock(paragraph, style: spaced)], width: width)
            XCTAssertEqual(layout.lines.map { $0.endsWithHyphen ? String($0.text.dropLast()) : $0.text + " " }.joined()
                .trimmingCharacters(in: .whitespaces), paragraph, "every word once, in order")
            for line in layout.lines.dropLast() {
                let right = line.runs.map { $0.origin.x + $0.width }.max() ?? 0
                XCTAssertEqual(right, width, accuracy: 0.05, "a justified line ends at the measure: \(line.text)")
                // Its first word: as wide as set naturally, give or take its letters' share.
                guard let run = line.runs.first, let word = line.text.split(separator: " ").first, word.count > 1,
                      !line.endsWithHyphen || line.text.contains(" ") else { continue }
                let lastGlyph = run.glyphs.last { $0.cluster.upperBound <= word.utf8.count }
                let natural = typesetter.width(of: String(word.dropLast()), style: style(.left))
                guard let lastGlyph else { continue }
                let shift = lastGlyph.x - natural
                XCTAssertLessThanOrEqual(abs(shift), Double(word.count - 1) * 0.025 * 10 * LineSetter.maximumStretch(spaced) + 0.05, line.text)
                if abs(shift) > 0.05 { moved += 1 }
            }
        }
        XCTAssertGreaterThan(moved, 0, "letters take a share somewhere")
        // Without letter spacing the boxes have no stretch: the default justification, unchanged.
        var plain = style(.justify)
        plain.justification = Justification(letterSpacing: 0)
        XCTAssertEqual(typesetter.layout([TextBlock(paragraph, style: plain)], width: mm(110)).lines.map(\.text),
                       typesetter.layout([TextBlock(paragraph, style: style(.justify))], width: mm(110)).lines.map(\.text))
    }

    /// Greedy breaking fills the first line to the brim and leaves the second very loose; the
    /// optimal breaker moves one word down and keeps both lines even.
    func testOptimalBreakingBeatsFirstFit() {
        let space = BreakItem.glue(5, stretch: 0, shrink: 0)
        var items: [BreakItem] = []
        for (index, width) in [30.0, 30, 30, 60, 50].enumerated() {
            if index > 0 { items.append(space) }
            items.append(.box(width))
        }
        items += [.glue(0, stretch: BreakItem.fill, shrink: 0), .penalty(0, BreakItem.forcedBreak)]
        let breaker = LineBreaker()
        func slack(_ breaks: [LineBreak]) -> [Double] {
            var start = -1
            return breaks.dropLast().map { lineBreak in
                var width = 0.0
                for i in (start + 1)..<lineBreak.position where items[i].kind != .penalty { width += items[i].width }
                start = lineBreak.position
                return 100 - width
            }
        }
        let greedy = slack(breaker.firstFit(items, lineWidth: 100, ragged: true))
        let optimal = slack(breaker.breakLines(items, lineWidth: 100, ragged: true))
        XCTAssertEqual(greedy, [0, 40])
        XCTAssertEqual(optimal, [35, 5])
        XCTAssertLessThan(optimal.map { $0 * $0 }.reduce(0, +), greedy.map { $0 * $0 }.reduce(0, +))
    }

    func testConsecutiveHyphensCostExtra() {
        var settings = LineBreakerSettings()
        settings.consecutiveHyphenDemerits = 0
        settings.consecutiveInsertedHyphenDemerits = 0
        let cheap = Typesetter(shaper: TestEngine.shared.shaper, hyphenator: TestEngine.shared.hyphenator,
                               breaker: LineBreaker(settings: settings))
        settings.consecutiveHyphenDemerits = 1e9
        settings.consecutiveInsertedHyphenDemerits = 1e13
        let strict = Typesetter(shaper: TestEngine.shared.shaper, hyphenator: TestEngine.shared.hyphenator,
                                breaker: LineBreaker(settings: settings))
        /// Pairs of consecutive hyphenated lines, over a range of justified measures.
        func pairs(_ t: Typesetter) -> Int {
            var count = 0
            for width in stride(from: mm(35), through: mm(80), by: mm(1)) {
                let lines = t.layout([TextBlock(paragraph, style: style(.justify))], width: width).lines
                for (a, b) in zip(lines, lines.dropFirst()) where a.endsWithHyphen && b.endsWithHyphen { count += 1 }
            }
            return count
        }
        XCTAssertEqual(pairs(strict), 0)
        XCTAssertGreaterThan(pairs(cheap), 0, "the test paragraph must tempt the breaker")
    }

    func testVeryLongWordIsBrokenRatherThanRunningPastTheMeasure() {
        // Digits: no hyphenation pattern applies, so only emergency breaks can split it.
        let word = String(repeating: "abcde12345", count: 12)
        let layout = typesetter.layout([TextBlock(word, style: style(.left))], width: mm(30))
        XCTAssertGreaterThan(layout.lines.count, 1)
        XCTAssertEqual(layout.lines.map(\.text).joined(), word, "no character lost, no hyphen added")
        for line in layout.lines { XCTAssertLessThanOrEqual(line.width, mm(30) + 0.01) }
    }

    func testBulletListHasHangingIndent() {
        var item = style(.left); item.leftIndent = mm(5)
        let layout = typesetter.layout([TextBlock(paragraph, style: item, marker: "•")], width: mm(50))
        let first = layout.lines[0].runs
        XCTAssertEqual(first[0].text, "•")
        XCTAssertLessThan(first[0].origin.x, mm(5))
        for line in layout.lines {
            let textRuns = line.runs.filter { $0.text != "•" }
            XCTAssertGreaterThanOrEqual(textRuns.map(\.origin.x).min() ?? 0, mm(5) - 0.01)
        }
    }

    func testBoldAndItalicRunsUseTheirFaces() {
        let block = TextBlock([TextRun("Dit is "), TextRun("vet", bold: true), TextRun(" en "), TextRun("schuin", italic: true)],
                              style: style(.left))
        let runs = typesetter.layout([block], width: mm(80)).lines.flatMap(\.runs)
        XCTAssertEqual(runs.first { $0.text.trimmingCharacters(in: .whitespaces) == "vet" }?.style, .bold)
        XCTAssertEqual(runs.first { $0.text.trimmingCharacters(in: .whitespaces) == "schuin" }?.style, .italic)
        XCTAssertEqual(runs.first { $0.text.hasPrefix("Dit") }?.style, .regular)
        // Neighbouring words of one face become one run, with their space as text.
        XCTAssertEqual(runs.first { $0.text.hasPrefix("Dit") }?.text, "Dit is ")
    }

    func testTextBoxReportsOverflowAndAutoFitShrinks() {
        let blocks = [TextBlock(paragraph, style: style(.left))]
        let tight = typesetter.fit(blocks, in: Size(width: mm(40), height: mm(20)))
        XCTAssertFalse(tight.fits)
        XCTAssertGreaterThan(tight.overflow, mm(10))
        let shrunk = typesetter.fit(blocks, in: Size(width: mm(40), height: mm(40)), minimumScale: 0.6)
        XCTAssertTrue(shrunk.fits)
        XCTAssertLessThan(shrunk.scale, 1)
        XCTAssertGreaterThanOrEqual(shrunk.scale, 0.6)
        let impossible = typesetter.fit(blocks, in: Size(width: mm(40), height: mm(5)), minimumScale: 0.7)
        XCTAssertFalse(impossible.fits)
        XCTAssertEqual(impossible.scale, 0.7, accuracy: 0.021)
    }

    func testMissingGlyphIsReportedByCodePointOnly() {
        // A private-use character of plane 16: no face of the chain has it. The report names
        // the code point and carries none of the text around it (a name, in a log).
        let layout = typesetter.layout([TextBlock("Naam: Jan\u{10FFFD}sen", style: style(.left))], width: mm(80))
        XCTAssertEqual(layout.missing.map(\.codes), ["U+10FFFD"])
        XCTAssertFalse(layout.missing.map(\.description).joined().contains("Jan"))
    }
}

final class BalancedAndDecorativeTextTests: XCTestCase {
    let typesetter = TestEngine.shared.typesetter

    /// Balancing evens out a block's lines, keeps their number, and never makes a line of one
    /// word ("Gezamenlijke / inzet een rol?" is not taken for "Gezamenlijke inzet / een rol?").
    func testBalancedBlockEvensOutItsLines() {
        var style = TextStyle(size: 14, leading: 17, bold: true, hyphenate: false)
        let texts = ["Gezamenlijke inzet een rol?", "De gezamenlijke inzet van bewoners en vrijwilligers in de wijk",
                     "Welke bewoners hebben een duidelijke stem in de wijk?", "Hoe werken bewoners en professionals samen?"]
        var improved = 0
        for text in texts {
            for width in [mm(45), mm(55.5), mm(70)] {
                style.balance = false
                let plain = typesetter.layout([TextBlock(text, style: style)], width: width).lines
                style.balance = true
                let balanced = typesetter.layout([TextBlock(text, style: style)], width: width).lines
                let tag = "\(text) at \(toMillimetres(width)) mm: \(balanced.map(\.text))"
                XCTAssertEqual(plain.count, balanced.count, "balancing keeps the number of lines: \(tag)")
                let spread = { (lines: [LineBox]) in lines.map(\.width).max()! - lines.map(\.width).min()! }
                XCTAssertLessThanOrEqual(spread(balanced), spread(plain) + 0.01, tag)
                if spread(balanced) < spread(plain) - 1 { improved += 1 }
                let lonely = { (lines: [LineBox]) in lines.filter { !$0.text.trimmingCharacters(in: .whitespaces).contains(" ") }.count }
                if balanced.count > 1 { XCTAssertLessThanOrEqual(lonely(balanced), lonely(plain), tag) }
                for line in balanced { XCTAssertLessThanOrEqual(line.width, width + 0.01) }
            }
        }
        XCTAssertGreaterThan(improved, 2, "balancing evens out lines somewhere")
    }

    func testDecorativeRunsAreDrawnButNotExtracted() throws {
        var run = typesetter.layout([TextBlock("7", style: TextStyle(size: 60))], width: 100).lines[0].runs[0]
        run.decorative = true
        var page = Page(size: Size(width: 200, height: 200))
        page.add(.text(run.offsetBy(dx: 20, dy: 20)))
        page.add(typesetter.layout([TextBlock("tekst", style: TextStyle(size: 12))], width: 100).items(at: Point(x: 20, y: 150)))
        let url = TemporaryFolder.make("swan-layout").appendingPathComponent("d.pdf")
        try TestExporters.pdf.write(Document(info: DocumentInfo(title: "d", creationDate: Date(timeIntervalSince1970: 0)), pages: [page]), to: url)
        let text = try Tool.run("pdftotext", [url.path, "-"]).output
        XCTAssertTrue(text.contains("tekst"))
        XCTAssertFalse(text.contains("7"), text)
    }
}

final class NarrowMeasureTests: XCTestCase {
    /// Long words in a very narrow box: every line stays inside, hyphen included.
    func testNoLineExceedsAVeryNarrowMeasure() {
        let typesetter = TestEngine.shared.typesetter
        let text = "ontmoetingsmogelijkheden burgerparticipatie gespreksleider coördinatie Rijksoverheidsorganisaties"
        for width in [mm(8), mm(10), mm(12), mm(15)] {
            for alignment in [Alignment.left, .justify] {
                let layout = typesetter.layout([TextBlock(text, style: TextStyle(size: 10, alignment: alignment))], width: width)
                for line in layout.lines {
                    let right = line.runs.map { $0.origin.x + $0.width }.max() ?? 0
                    XCTAssertLessThanOrEqual(right, width + 0.01, "\(line.text) at \(toMillimetres(width)) mm")
                }
                let joined = layout.lines.map { $0.text.hasSuffix("-") && !$0.text.hasSuffix("--") ? String($0.text.dropLast()) : $0.text }
                XCTAssertEqual(joined.joined().replacingOccurrences(of: " ", with: ""), text.replacingOccurrences(of: " ", with: ""))
            }
        }
    }
}

final class LineEndingTests: XCTestCase {
    /// Text from Windows (CRLF), old Macs (CR) and Unix (LF) breaks lines the same way.
    func testEveryLineEndingBreaksTheLine() {
        let typesetter = TestEngine.shared.typesetter
        for ending in ["\n", "\r\n", "\r"] {
            let layout = typesetter.layout([TextBlock("eerste regel\(ending)tweede regel", style: TextStyle(size: 10))], width: mm(80))
            XCTAssertEqual(layout.lines.map(\.text), ["eerste regel", "tweede regel"], "ending \(Array(ending.unicodeScalars))")
            XCTAssertTrue(layout.missing.isEmpty)
        }
    }
}

final class LineTextTests: XCTestCase {
    func testLineTextHasOneSpaceBetweenWordsOfDifferentFaces() {
        let block = TextBlock([TextRun("Dit is "), TextRun("vet", bold: true), TextRun(" en "), TextRun("schuin", italic: true)],
                              style: TextStyle(size: 10))
        let line = TestEngine.shared.typesetter.layout([block], width: mm(80)).lines[0]
        XCTAssertEqual(line.text, "Dit is vet en schuin")
    }
}

/// The Knuth–Plass cost of a set of breaks (TeX's demerits with the breaker's settings),
/// computed from the items on its own, as the judge of the breaker's choice.
struct Demerits {
    let breaks: [LineBreak]
    var total = 0.0
    var largestBadness = 0.0
    var smallestRatio = Double.infinity

    init(_ items: [BreakItem], lineWidth: Double, ragged: Bool, settings: LineBreakerSettings, breaks: [LineBreak]) {
        self.breaks = breaks
        var start = -1
        var previousFitness = 1
        for lineBreak in breaks {
            let end = lineBreak.position
            let item = items[end]
            // Glue and penalties right after a break vanish; the line starts at the next box.
            var i = start + 1
            while i < end && items[i].kind != .box { i += 1 }
            var width = 0.0, stretch = ragged ? lineWidth * settings.raggedStretchFraction : 0, shrink = 0.0
            for k in i..<end where items[k].kind != .penalty {
                width += items[k].width; stretch += items[k].stretch; shrink += items[k].shrink
            }
            if item.kind == .penalty { width += item.width }
            let ratio: Double
            if width < lineWidth { ratio = stretch > 0 ? (lineWidth - width) / stretch : .infinity }
            else if width > lineWidth { ratio = shrink > 0 ? (lineWidth - width) / shrink : -.infinity }
            else { ratio = 0 }
            let forced = item.kind == .penalty && item.penalty <= BreakItem.forcedBreak
            let badness = forced && ratio >= 0 ? 0 : min(100 * pow(abs(ratio), 3), 10_000)
            var cost = pow(settings.linePenalty + badness, 2)
            if item.kind == .penalty && !forced { cost += item.penalty >= 0 ? item.penalty * item.penalty : -item.penalty * item.penalty }
            let previousFlagged = start >= 0 && items[start].kind == .penalty && items[start].flagged
            if item.kind == .penalty && item.flagged && previousFlagged { cost += settings.consecutiveHyphenDemerits }
            if forced && end == items.count - 1 && previousFlagged { cost += settings.finalHyphenDemerits }
            if forced && start >= 0 {
                // A last line of one word (no glue but the fill), or shorter than the fraction.
                let spaces = (i..<end).filter { items[$0].kind == .glue && items[$0].stretch < BreakItem.fill }.count
                if spaces == 0 || width < lineWidth * settings.shortLastLineFraction { cost += settings.shortLastLineDemerits }
            }
            let fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
            if abs(fitness - previousFitness) > 1 { cost += settings.fitnessDemerits }
            total += cost
            largestBadness = max(largestBadness, badness)
            smallestRatio = min(smallestRatio, ratio)
            previousFitness = fitness
            start = end
        }
    }
}
