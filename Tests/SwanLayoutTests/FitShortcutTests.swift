import Foundation
import SwanTestSupport
import XCTest
@testable import SwanLayout

/// The shortcuts that make the first fit of a card face cheaper give what the long way gives:
/// a balanced block's relaxed setting made from its remembered strict one, the one-word test
/// without bridging, the particle scan skipped for text without capitals.
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

    func testOneWordIsWhatTrimmingSays() {
        let samples = ["", " ", "\t", "woord", " woord ", "twee woorden", "\u{00A0}woord\u{00A0}", "woord\u{00A0}woord",
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
