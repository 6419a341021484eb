import Foundation
import SwanTestSupport
import XCTest
@testable import SwanLayout

/// The shortcuts that make the first fit of a card face cheaper give what the long way gives:
/// a balanced block's relaxed setting made from its remembered strict one, the one-word test
/// without bridging, the particle scan skipped for text without capitals, the measures and sizes
/// ruled out by counting lines over every legal breaking instead of breaking.
final class FitShortcutTests: XCTestCase {
    /// Headings that end lines on an article or leave a word alone at some widths.
    let headings = [
        "Welke factoren spelen een belangrijke rol?", "Wonen (1) een rol in deze praktijksituatie?",
        "Welke interventies zijn mogelijk op de verschillende niveaus?", "Hoe speelt het gevoel van een thuis een rol?",
        "Formuleer wat we vanuit deze voorwaarden willen bereiken.", "Sociaal-economische zekerheid",
    ]

    private func lines(_ layout: TextLayout) -> [String] {
        layout.lines.map { line in "\(line.text)|\(line.width)|\(line.height)|\(line.blockIndex)|\(line.runs.map(\.origin))" }
    }

    func testARememberedSettingIsTheSettingMadeAfresh() throws {
        let fonts = FontFiles.notoSans(in: PackagePaths.fonts)
        let remembering = try Engine(fonts: fonts, noBreakAfterInHeadings: ["de", "het", "een"]).typesetter
        let afresh = try Engine(fonts: fonts, noBreakAfterInHeadings: ["de", "het", "een"]).typesetter
        var pinched = 0
        for width in stride(from: 60.0, through: 240.0, by: 7.5) {
            for size in [10.0, 13.0, 14.0, 15.0] {
                var style = TextStyle(size: size, leading: size * 1.25, bold: true, hyphenate: false)
                style.balance = true
                let blocks = headings.map { TextBlock($0, style: style) } + [TextBlock("Hoe speelt…", style: TextStyle(size: 10))]
                for relax in [false, true] {
                    // Twice: the second time every block comes from the memo.
                    for _ in 0..<2 {
                        let remembered = remembering.layoutNotingRelaxed(blocks, width: width, relaxHeadingRule: relax, remembered: true)
                        let made = afresh.layoutNotingRelaxed(blocks, width: width, relaxHeadingRule: relax, remembered: false)
                        XCTAssertEqual(lines(remembered.layout), lines(made.layout), "width \(width), size \(size), relax \(relax)")
                        XCTAssertEqual(remembered.relaxed, made.relaxed, "width \(width), size \(size), relax \(relax)")
                        if made.relaxed { pinched += 1 }
                    }
                }
            }
        }
        // The samples reach the relaxed rule, not only the strict one.
        XCTAssertGreaterThan(pinched, 0)
    }

    /// balancedBreaks skips a measure narrower than the widest word: there, every way of
    /// breaking leaves a line wider than the measure, which is what the search would find.
    func testNoBreakingFitsAMeasureNarrowerThanTheWidestWord() throws {
        let engine = TestEngine.shared
        var tried = 0
        for heading in headings {
            var style = TextStyle(size: 14, leading: 17.5, bold: true, hyphenate: false)
            style.balance = true
            let builder = ParagraphBuilder(shaper: engine.shaper, hyphenator: engine.hyphenator, style: style, lineWidth: 150)
            let items = builder.build([TextRun(heading)]).items
            let widest = Typesetter.widestBox(items)
            XCTAssertGreaterThan(widest, 0, heading)
            for measure in stride(from: widest * 0.3, to: widest - 0.02, by: widest / 40) {
                let breaks = engine.typesetter.breaker.breakLines(items, lineWidth: measure, ragged: true)
                var start = -1, widestLine = 0.0
                for lineBreak in breaks {
                    widestLine = max(widestLine, LineBreaker.naturalWidth(items, from: start, to: lineBreak.position))
                    start = lineBreak.position
                }
                XCTAssertGreaterThan(widestLine, measure + 0.01, "\(heading) at \(measure)")
                tried += 1
            }
        }
        XCTAssertGreaterThan(tried, 100)
        // No shortcut where a line could be narrower than one of its items.
        XCTAssertEqual(Typesetter.widestBox([.box(10), .glue(-1, stretch: 0, shrink: 0), .box(5), .penalty(0, BreakItem.forcedBreak)]),
                       -.infinity)
        XCTAssertEqual(Typesetter.widestBox([.box(10), .glue(1, stretch: 0, shrink: 0), .box(5)]), -.infinity)
    }

    /// The fewest lines `fewestLines` counts are what a search over all legal breaks finds, so
    /// a measure it rules out for `balancedBreaks` is one where every breaking fails.
    func testFewestLinesIsWhatASearchOverAllBreaksFinds() {
        var random = SeededRandom(seed: 33)
        var compared = 0
        for _ in 0..<300 {
            // Words of 1–3 boxes (syllable breaks with a hyphen's width, explicit breaks), glue
            // between them, now and then a forbidden break or a line the author ended.
            var items: [BreakItem] = []
            for word in 0..<(1 + random.below(7)) {
                if word > 0 {
                    if random.below(6) == 0 { items.append(.penalty(0, BreakItem.forbiddenBreak)) }
                    if random.below(8) == 0 {
                        items += [.penalty(0, BreakItem.forbiddenBreak), .glue(0, stretch: BreakItem.fill, shrink: 0),
                                  .penalty(0, BreakItem.forcedBreak)]
                    } else {
                        items.append(.glue(Double(2 + random.below(3)), stretch: 0, shrink: 0))
                    }
                }
                for part in 0..<(1 + random.below(3)) {
                    if part > 0 { items.append(.penalty(Double(random.below(4)), random.below(2) == 0 ? 50 : 1_000, flagged: true)) }
                    items.append(.box(Double(3 + random.below(25)) + Double(random.below(100)) / 100))
                }
            }
            items += [.penalty(0, BreakItem.forbiddenBreak), .glue(0, stretch: BreakItem.fill, shrink: 0),
                      .penalty(0, BreakItem.forcedBreak)]
            let legal = items.indices.filter { b in
                (items[b].kind == .glue && b > 0 && items[b - 1].kind == .box)
                    || (items[b].kind == .penalty && items[b].penalty < BreakItem.forbiddenBreak)
            }
            let forced = Set(items.indices.filter { items[$0].kind == .penalty && items[$0].penalty <= BreakItem.forcedBreak })
            for measure in [8.0, 15, 22.5, 30, 45, 70] {
                // Shortest paths over the legal breaks: the fewest fitting lines that end at each,
                // none of them past a forced break.
                var fewestTo = [Int: Int]()
                for b in legal {
                    var best = Int.max
                    for a in [-1] + legal where a < b {
                        guard a == -1 || fewestTo[a] != nil, !forced.contains(where: { $0 > a && $0 < b }),
                              LineBreaker.naturalWidth(items, from: a, to: b) <= measure + 0.01 else { continue }
                        best = min(best, (a == -1 ? 0 : fewestTo[a]!) + 1)
                    }
                    if best < .max { fewestTo[b] = best }
                }
                let fewest = fewestTo[items.count - 1] ?? .max
                XCTAssertEqual(Typesetter.fewestLines(items, measure: measure), fewest, "\(items) at \(measure)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1_000)
        // No count where a line could be narrower than one of its items, or without a last forced break.
        XCTAssertNil(Typesetter.fewestLines([.box(10), .glue(-1, stretch: 0, shrink: 0), .box(5), .penalty(0, BreakItem.forcedBreak)],
                                            measure: 12))
        XCTAssertNil(Typesetter.fewestLines([.box(10), .glue(1, stretch: 0, shrink: 0), .box(5)], measure: 12))
    }

    /// The fewest lines of one word `fewestOneWordLines` counts are what trying every set of
    /// legal breaks finds (with the heading rule's forbidden breaks taken out, when it gives way),
    /// so a size it rules out for `balancedHeadings` is one where every breaking keeps them.
    func testFewestOneWordLinesIsWhatEveryBreakingGives() {
        var random = SeededRandom(seed: 34)
        var compared = 0, lonely = 0
        for _ in 0..<150 {
            // Words of one or two boxes, glue between them, now and then the heading rule's
            // forbidden break before a space or a line the author ended.
            var items: [BreakItem] = []
            for word in 0..<(1 + random.below(6)) {
                if word > 0 {
                    if random.below(4) == 0 { items.append(.penalty(0, BreakItem.forbiddenBreak)) }
                    if random.below(8) == 0 {
                        items += [.penalty(0, BreakItem.forbiddenBreak), .glue(0, stretch: BreakItem.fill, shrink: 0),
                                  .penalty(0, BreakItem.forcedBreak)]
                    } else {
                        items.append(.glue(Double(2 + random.below(3)), stretch: 0, shrink: 0))
                    }
                }
                for part in 0..<(1 + random.below(2)) {
                    if part > 0 { items.append(.penalty(Double(random.below(4)), 50, flagged: true)) }
                    items.append(.box(Double(3 + random.below(25)) + Double(random.below(100)) / 100))
                }
            }
            items += [.penalty(0, BreakItem.forbiddenBreak), .glue(0, stretch: BreakItem.fill, shrink: 0),
                      .penalty(0, BreakItem.forcedBreak)]
            // The relaxed items: the forbidden breaks between a word and its space taken out.
            let relaxed = items.indices.filter { i in
                !(items[i].kind == .penalty && items[i].penalty == BreakItem.forbiddenBreak && i > 0 && items[i - 1].kind == .box
                  && items[i + 1].kind == .glue && items[i + 1].stretch < BreakItem.fill)
            }.map { items[$0] }
            for (ruleGivesWay, broken) in [(false, items), (true, relaxed)] {
                let legal = broken.indices.filter { b in
                    (broken[b].kind == .glue && b > 0 && broken[b - 1].kind == .box)
                        || (broken[b].kind == .penalty && broken[b].penalty < BreakItem.forbiddenBreak)
                }
                guard legal.count <= 9 else { continue }
                let forced = broken.indices.filter { broken[$0].kind == .penalty && broken[$0].penalty <= BreakItem.forcedBreak }
                for measure in [12.0, 25, 40, 70] {
                    var fewest = Int.max
                    for mask in 0..<(1 << legal.count) {
                        var breaks: [LineBreak] = []
                        for bit in legal.indices where mask & (1 << bit) != 0 { breaks.append(LineBreak(position: legal[bit], ratio: 0)) }
                        guard breaks.last?.position == broken.count - 1,
                              forced.allSatisfy({ at in breaks.contains { $0.position == at } }) else { continue }
                        var start = -1, fits = true
                        for lineBreak in breaks {
                            if LineBreaker.naturalWidth(broken, from: start, to: lineBreak.position) > measure + 0.01 { fits = false; break }
                            start = lineBreak.position
                        }
                        if fits { fewest = min(fewest, Typesetter.oneWordLines(broken, breaks)) }
                    }
                    XCTAssertEqual(Typesetter.fewestOneWordLines(items, measure: measure, ruleGivesWay: ruleGivesWay), fewest,
                                   "\(items) at \(measure), rule gives way: \(ruleGivesWay)")
                    compared += 1
                    if fewest > 0 && fewest < .max { lonely += 1 }
                }
            }
        }
        XCTAssertGreaterThan(compared, 400)
        XCTAssertGreaterThan(lonely, 40)
        XCTAssertNil(Typesetter.fewestOneWordLines([.box(10), .glue(1, stretch: 0, shrink: 0), .box(5)], measure: 12, ruleGivesWay: false))
    }

    /// Where `fewestLines` says a heading needs more lines than Knuth–Plass gave it at the full
    /// measure, Knuth–Plass at that measure gives more lines or a line past the measure too.
    func testBreakingAHeadingWhereFewestLinesRulesItOutFails() throws {
        let engine = TestEngine.shared
        var ruledOut = 0
        for heading in headings {
            var style = TextStyle(size: 14, leading: 17.5, bold: true, hyphenate: false)
            style.balance = true
            let items = ParagraphBuilder(shaper: engine.shaper, hyphenator: engine.hyphenator, style: style, lineWidth: 150)
                .build([TextRun(heading)]).items
            for lines in 1...4 {
                for measure in stride(from: 20.0, through: 320, by: 1.5) {
                    guard let fewest = Typesetter.fewestLines(items, measure: measure), fewest > lines else { continue }
                    let breaks = engine.typesetter.breaker.breakLines(items, lineWidth: measure, ragged: true)
                    var start = -1, widestLine = 0.0
                    for lineBreak in breaks {
                        widestLine = max(widestLine, LineBreaker.naturalWidth(items, from: start, to: lineBreak.position))
                        start = lineBreak.position
                    }
                    XCTAssertTrue(breaks.count > lines || widestLine > measure + 0.01, "\(heading) at \(measure), \(lines) lines")
                    ruledOut += 1
                }
            }
        }
        XCTAssertGreaterThan(ruledOut, 500)
    }

    func testOneWordIsWhatTrimmingSays() {
        let samples = ["", " ", "\t", "woord", " \t twee woorden\t", "\t\t", "a\tb", " woord\t", " woord ", "twee woorden", "\u{00A0}woord\u{00A0}", "woord\u{00A0}woord",
                       " \u{0301}woord", "woord \u{0301}", "a b", "\twoord\t", "\u{2003}twee  woorden\u{2003}", "één",
                       "praktijksituatie?", "Hoe speelt…", "\u{3000}", "woord \u{3000}"]
        for text in samples {
            XCTAssertEqual(Typesetter.holdsOneWord(text), !text.trimmingCharacters(in: .whitespaces).contains(" "), "\(Array(text.unicodeScalars))")
        }
    }

    func testTextWithoutCapitalsKeepsNoSpaceAfterAParticle() {
        let particles = NameParticles(["van", "den", "de", "in", "te"])
        let samples = ["Wonen (1) een rol in deze praktijksituatie?", "van den berg", "met de buren", "in de wijk van de stad",
                       "Contact met buren en familie", "van Dijk", "zie de Vries", " Van Dijk", "de\r\nVries", "a van B"]
        for text in samples {
            let words = text.split(whereSeparator: { ParagraphBuilder.isBreakingSpace($0) || ParagraphBuilder.isLineEnd($0) })
            XCTAssertEqual(particles.gluesToKeep(in: [TextRun(text)]), particles.keptSpaces(words), text)
        }
        XCTAssertEqual(particles.gluesToKeep(in: [TextRun("zie de Vries")]), [1])
    }
}
