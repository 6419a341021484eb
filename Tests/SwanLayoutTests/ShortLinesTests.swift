import SwanTestSupport
import XCTest
@testable import SwanLayout

/// Lines of one word: a paragraph's last line (TeX's \parfillskip with a minimum), a balanced
/// heading's middle line, and a name split after its particle.
final class ShortLinesTests: XCTestCase {
    let engine = TestEngine.shared
    /// A Dutch paragraph that is not SWAN wording (that lives in Templates/ only).
    let paragraph = "De gemeenteraad besprak dinsdagavond het voorstel om de bibliotheek in de wijk langer open te houden. Bewoners, vrijwilligers en ambtenaren gaven hun mening over de openingstijden, de financiering en de samenwerking met scholen en buurthuizen in de omgeving."

    private func typesetter(shortLastLineDemerits: Double, particles: Set<String> = [], articles: Set<String> = []) -> Typesetter {
        var settings = LineBreakerSettings()
        settings.shortLastLineDemerits = shortLastLineDemerits
        return Typesetter(shaper: engine.shaper, hyphenator: engine.hyphenator, breaker: LineBreaker(settings: settings),
                          noBreakAfterInHeadings: articles, nameParticles: particles)
    }

    private func lastLineIsOneWord(_ layout: TextLayout) -> Bool {
        guard layout.lines.count > 1, let last = layout.lines.last else { return false }
        return !last.text.trimmingCharacters(in: .whitespaces).contains(" ")
    }

    /// Over many measures: without the demerit 15 of 37 ragged paragraphs end in a line of one
    /// word; with it (the default) none does. (Justified text keeps most of its: the first pass,
    /// without syllable breaks, takes the best breaks within its tolerance, as TeX does.)
    func testParagraphsDoNotEndInALineOfOneWord() {
        let without = typesetter(shortLastLineDemerits: 0)
        let with = typesetter(shortLastLineDemerits: LineBreakerSettings().shortLastLineDemerits)
        var before: [String] = [], after: [String] = []
        for alignment in [Alignment.left] {
            for width in stride(from: mm(30), through: mm(120), by: mm(2.5)) {
                let block = [TextBlock(paragraph, style: TextStyle(size: 10, leading: 13, alignment: alignment))]
                let tag = "\(alignment) \(toMillimetres(width)) mm"
                if lastLineIsOneWord(without.layout(block, width: width)) { before.append(tag) }
                let layout = with.layout(block, width: width)
                if lastLineIsOneWord(layout) { after.append("\(tag): \(layout.text)") }
            }
        }
        XCTAssertGreaterThan(before.count, 3, "the measures must show the problem")
        XCTAssertEqual(after, [])
    }

    /// A balanced heading whose article rule would leave a one-word line gives way to the rule
    /// about one-word lines; with no one-word line at stake the rule holds.
    func testBalancedHeadingRuleAboutArticlesGivesWayToOneWordLines() {
        let articles: Set<String> = ["de", "het", "een"]
        let setter = typesetter(shortLastLineDemerits: LineBreakerSettings().shortLastLineDemerits, articles: articles)
        var style = TextStyle(size: 15, leading: 19, bold: true, hyphenate: false)
        style.balance = true
        let heading = "Welke bewoners hebben een duidelijke stem?"
        var relaxedSomewhere = false
        for width in stride(from: mm(40), through: mm(80), by: mm(1)) {
            let strict = setter.layout([TextBlock(heading, style: style)], width: width, relaxHeadingRule: false)
            let relaxed = setter.layout([TextBlock(heading, style: style)], width: width)
            let lonely = { (layout: TextLayout) in layout.lines.filter { !$0.text.trimmingCharacters(in: .whitespaces).contains(" ") }.count }
            XCTAssertLessThanOrEqual(lonely(relaxed), lonely(strict))
            XCTAssertLessThanOrEqual(relaxed.lines.count, strict.lines.count)
            if relaxed.text != strict.text {
                relaxedSomewhere = true
                XCTAssertGreaterThan(lonely(strict), 0, "the rule gives way only for a one-word line: \(strict.text)")
                XCTAssertLessThan(lonely(relaxed), lonely(strict))
            } else {
                for line in relaxed.lines.dropLast() {
                    XCTAssertFalse(articles.contains(String(line.text.split(separator: " ").last ?? "").lowercased()), relaxed.text)
                }
            }
        }
        XCTAssertTrue(relaxedSomewhere, "some measure must need the rule to give way")
    }

    /// "van den Berg-Oosterhuizen" never breaks after "van" or "den"; "van de wijk" may.
    func testNameParticlesStayWithTheName() {
        let text = "Het gesprek werd geleid door mevrouw van den Berg-Oosterhuizen en daarna door meneer de Vries van de wijkraad."
        let plain = typesetter(shortLastLineDemerits: 0)
        let kept = typesetter(shortLastLineDemerits: 0, particles: ["van", "den", "de"])
        var splitBefore = 0
        for alignment in [Alignment.left, .justify] {
            for width in stride(from: mm(30), through: mm(100), by: mm(1)) {
                let block = [TextBlock(text, style: TextStyle(size: 10, leading: 13, alignment: alignment))]
                func splits(_ layout: TextLayout) -> [String] {
                    zip(layout.lines, layout.lines.dropFirst()).compactMap { line, next in
                        let last = line.text.split(separator: " ").last.map(String.init) ?? ""
                        let first = next.text.trimmingCharacters(in: .whitespaces)
                        return ["van", "den", "de"].contains(last) && (first.hasPrefix("den") || first.first?.isUppercase == true)
                            ? "\(line.text) / \(next.text)" : nil
                    }
                }
                splitBefore += splits(plain.layout(block, width: width)).count
                XCTAssertEqual(splits(kept.layout(block, width: width)), [], "\(alignment) at \(toMillimetres(width)) mm")
            }
        }
        XCTAssertGreaterThan(splitBefore, 0, "the measures must show the problem")
    }

    /// hyphenation.yaml's breakPoints: a compound breaks at its boundary only.
    func testCompoundBreaksAtItsOwnBreakPointsOnly() throws {
        let patterns = try Hyphenator()
        XCTAssertTrue(patterns.hyphenationPoints("praktijksituatie").contains(10), "the patterns allow praktijksi-tuatie")
        let own = try Hyphenator(settings: Hyphenator.Settings(breakPoints: ["praktijk-situatie", "Kaarten-set"]))
        XCTAssertEqual(own.hyphenationPoints("praktijksituatie"), [8])
        XCTAssertEqual(own.hyphenationPoints("Kaartenset"), [7])
        XCTAssertEqual(own.breaks(in: "praktijksituatie,").map(\.offset), [8])
        XCTAssertEqual(own.hyphenationPoints("bijeenkomst"), patterns.hyphenationPoints("bijeenkomst"))
    }
}
