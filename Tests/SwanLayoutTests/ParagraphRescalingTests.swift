import Foundation
import SwanTestSupport
import XCTest
@testable import SwanLayout

/// A paragraph made at another size from one built at a first (`PreparedParagraph.rescaled`,
/// what `fit` does for the sizes it tries) is, item for item and glyph for glyph, the
/// paragraph built at that size; where it cannot be, it says so.
final class ParagraphRescalingTests: XCTestCase {
    let texts: [[TextRun]] = [
        [TextRun("Welke factoren spelen een belangrijke rol?")], [TextRun("Wonen (1) een rol in deze praktijksituatie?")],
        [TextRun("Sociaal-economische zekerheid")], [TextRun("Hoe speelt…")],
        [TextRun("Formuleer wat we vanuit deze voorwaarden willen bereiken, en wie daarbij "), TextRun("nodig", bold: true),
         TextRun(" is: de bewoner, de mantelzorger of de wijkverpleegkundige.", italic: true)],
        [TextRun("Een eerste regel\nen een tweede, met ondersteuningsmogelijkheden en arbeidsmarktparticipatie.")],
        [TextRun("Ĳsselmeer, één café en „aanhalingstekens” in een zin die over meer regels loopt dan één.")],
    ]

    private func spaces(_ size: Double) -> [Double] {
        FontStyle.allCases.map { TestEngine.shared.shaper.shape(" ", style: $0, size: size).width }
    }

    private func slices(_ paragraph: PreparedParagraph) -> [String] {
        paragraph.fragments.map { fragment in
            fragment.slices.map { slice in
                "\(slice.shaped.text)|\(slice.shaped.font)|\(slice.shaped.size)|\(slice.shaped.glyphs)|\(slice.shaped.width)|"
                    + "\(slice.glyphRange)|\(slice.byteRange)|\(slice.width)|\(slice.rise)|\(String(describing: slice.anchor))|\(slice.level)"
            }.joined(separator: "/")
        }
    }

    func testARescaledParagraphIsTheParagraphBuiltAtThatSize() {
        let engine = TestEngine.shared
        var rescaled = 0, refused = 0
        var justified = TextStyle(size: 15, alignment: .justify)
        justified.justification = Justification(wordStretch: 0.2, wordShrink: 0.15, letterSpacing: 0.025)
        var heading = TextStyle(size: 15, bold: true, hyphenate: false)
        heading.balance = true
        for base in [TextStyle(size: 15), heading, justified] {
            for runs in texts {
                for lineWidth in [60.0, 110, 160, 400] {
                    for hyphenate in [false, true] {
                        var builder = ParagraphBuilder(shaper: engine.shaper, hyphenator: engine.hyphenator, style: base, lineWidth: lineWidth)
                        builder.hyphenate = hyphenate
                        if base.balance { builder.noBreakAfter = ["de", "een"] }
                        let built = builder.build(runs)
                        for scale in stride(from: 1.0, through: 0.74, by: -0.02) {
                            let style = base.scaled(by: scale)
                            let width = lineWidth - 7 * (1 - scale)  // a list item's measure moves with its indent
                            var atSize = ParagraphBuilder(shaper: engine.shaper, hyphenator: engine.hyphenator, style: style, lineWidth: width)
                            atSize.hyphenate = hyphenate
                            atSize.noBreakAfter = builder.noBreakAfter
                            let expected = atSize.build(runs)
                            guard let made = built.rescaled(builtSize: base.size, builtWidth: lineWidth, to: style, lineWidth: width,
                                                            shaper: engine.shaper, spaceWidths: spaces) else { refused += 1; continue }
                            let what = "\(runs.map(\.text)) at \(style.size) in \(width)"
                            XCTAssertEqual(made.items, expected.items, what)
                            XCTAssertEqual(slices(made), slices(expected), what)
                            XCTAssertEqual(made.missing, expected.missing, what)
                            rescaled += 1
                        }
                    }
                }
            }
        }
        // Most sizes are made, not built; a narrow measure, where long words break between
        // their letters, is refused.
        XCTAssertGreaterThan(rescaled, 1_000)
        XCTAssertGreaterThan(refused, 10)
    }

    func testSuperscriptsRightToLeftAndLettersBrokenApartAreBuiltAgain() {
        let engine = TestEngine.shared
        let style = TextStyle(size: 12)
        func rescaled(_ runs: [TextRun], lineWidth: Double) -> PreparedParagraph? {
            ParagraphBuilder(shaper: engine.shaper, hyphenator: engine.hyphenator, style: style, lineWidth: lineWidth).build(runs)
                .rescaled(builtSize: 12, builtWidth: lineWidth, to: style.scaled(by: 0.9), lineWidth: lineWidth, shaper: engine.shaper,
                          spaceWidths: spaces)
        }
        XCTAssertNotNil(rescaled([TextRun("Een gewone zin.")], lineWidth: 200))
        XCTAssertNil(rescaled([TextRun("Een voetnoot"), TextRun("1", superscript: true, anchor: "n1")], lineWidth: 200))
        XCTAssertNil(rescaled([TextRun("مرحبا بالعالم")], lineWidth: 200))
        XCTAssertNil(rescaled([TextRun("Arbeidsmarktparticipatieondersteuningsmogelijkheden")], lineWidth: 40))
    }
}
