import SwanTestSupport
import XCTest
@testable import SwanLayout

/// The paragraph builder's UTF-8 path for Latin runs (`LatinRun`) must give the items and
/// fragments the Character walk gives; the name particles are found on the same samples.
final class LatinRunTests: XCTestCase {
    let engine = TestEngine.shared

    /// Dutch text with what the fast path treats specially: curly quotes, accents, a euro sign,
    /// soft hyphens, tabs, CR LF and lone CR, no-break spaces, words running across runs.
    let samples: [[TextRun]] = [
        [TextRun("Mevrouw K. (82) woont alleen; ze “overziet het niet meer” – € 640 achterstand.")],
        [TextRun("Zoë, Łukasz en Ștefan\tbespraken het\r\nliftprobleem\rmet de wijk\u{00AD}verpleeg\u{00AD}kundige.")],
        [TextRun("Sociale cohesie", bold: true), TextRun(": ze voelt zich nergens meer bij horen"),
         TextRun(" (weegt zwaar mee)", italic: true), TextRun("; 12\u{00A0}%, 3×4 en ‘t kan")],
        [TextRun("van den Berg", bold: true), TextRun("-Oosterhuizen "), TextRun("Koffie", italic: true), TextRun("ochtend")],
        [TextRun("Διάλογος"), TextRun("12ab in een woord na Grieks")],
        [TextRun("Line\u{2028}separator and a zero\u{200B}width space stay on the Character walk")],
    ]

    private func build(_ runs: [TextRun], fast: Bool, style: TextStyle) -> PreparedParagraph {
        var builder = ParagraphBuilder(shaper: engine.shaper, hyphenator: engine.hyphenator, style: style, lineWidth: 200)
        builder.latinFastPath = fast
        return builder.build(runs)
    }

    private func describe(_ paragraph: PreparedParagraph) -> [String] {
        paragraph.fragments.map { fragment in
            fragment.slices.map { slice in
                "\(slice.shaped.text)|\(slice.shaped.font.postScriptName)|\(slice.glyphRange)|\(slice.byteRange)|\(slice.width)|\(slice.level)"
            }.joined(separator: "+")
        }
    }

    func testLatinRunsGiveTheItemsOfTheCharacterWalk() {
        for style in [TextStyle(size: 10), TextStyle(size: 10, alignment: .justify)] {
            for runs in samples {
                let fast = build(runs, fast: true, style: style), walked = build(runs, fast: false, style: style)
                let text = runs.map(\.text).joined()
                XCTAssertFalse(walked.items.isEmpty, text)
                XCTAssertEqual(fast.items, walked.items, text)
                XCTAssertEqual(describe(fast), describe(walked), text)
                XCTAssertEqual(fast.missing, walked.missing, text)
                XCTAssertEqual(fast.isBidi, walked.isBidi, text)
            }
        }
    }

    func testParticlesBeforeANameAreFoundInTheSamples() {
        let particles = NameParticles(["van", "den", "de", "’t", "te"])
        for runs in samples + [[TextRun("Jan VAN DEN Berg en ’t Hooft, te Amsterdam: de\r\nVries, van\tDijk")]] {
            let words = runs.map(\.text).joined()
                .split(whereSeparator: { ParagraphBuilder.isBreakingSpace($0) || ParagraphBuilder.isLineEnd($0) }).map(String.init)
            XCTAssertEqual(particles.gluesToKeep(in: runs), particles.keptSpaces(words), runs.map(\.text).joined())
        }
        XCTAssertEqual(particles.gluesToKeep(in: [TextRun("Jan VAN DEN Berg en ’t Hooft, te Amsterdam: de\r\nVries")]), [1, 2, 5, 7, 9])
        // Accented names and particles, a capital outside ASCII, text that is not Latin.
        let more = ["van Émile de Ölmez", "’T Hooft", "Van DE Ärzte en de ärzte", "de Ωmega van de Dijk", "de \u{2028}Vries",
                    "te\u{2003}Amsterdam", "van 𝐁erg", "DE"]
        for text in more {
            let words = text.split(whereSeparator: { ParagraphBuilder.isBreakingSpace($0) || ParagraphBuilder.isLineEnd($0) })
            XCTAssertEqual(particles.gluesToKeep(in: [TextRun(text)]), particles.keptSpaces(words), text)
        }
        XCTAssertEqual(particles.gluesToKeep(in: [TextRun("van Émile de Ölmez")]), [0, 2])
    }
}
