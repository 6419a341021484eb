import SwanTestSupport
import XCTest
@testable import SwanLayout

/// The caches that keep an archive's memory flat, and the fast paths beside them: bounded, and
/// never changing a result.
final class CacheTests: XCTestCase {
    func testBoundedCacheHoldsAtMostTwiceItsLimitAndKeepsWhatIsUsed() {
        let cache = BoundedCache<Int, Int>(limit: 4)
        var made = 0
        for key in 0..<100 { XCTAssertEqual(cache.value(key) { made += 1; return key * 2 }, key * 2) }
        XCTAssertEqual(made, 100)
        XCTAssertLessThanOrEqual(cache.count, 8)
        // A key used again and again stays, however many others pass through.
        _ = cache.value(-1) { -2 }
        for key in 100..<200 {
            _ = cache.value(key) { key }
            XCTAssertEqual(cache.value(-1) { XCTFail("a key in use was dropped"); return 0 }, -2)
        }
        XCTAssertLessThanOrEqual(cache.count, 8)
    }

    func testShaperCacheIsBoundedOverManyDistinctWords() {
        let shaper = TestEngine.shared.typesetter.shaper
        let first = shaper.shape("naam0", style: .regular, size: 10)
        for index in 0..<(Shaper.cacheLimit * 2 + 10) { _ = shaper.shape("naam\(index)", style: .regular, size: 10) }
        XCTAssertLessThanOrEqual(shaper.cachedCount, Shaper.cacheLimit * 2)
        // Shaping again after the entry was dropped gives the same glyphs.
        let again = shaper.shape("naam0", style: .regular, size: 10)
        XCTAssertEqual(again.glyphs, first.glyphs)
        XCTAssertEqual(again.width, first.width)
    }

    /// The cache is keyed by the text's bytes: a decomposed "é" (e + U+0301) is not answered
    /// with the composed one's glyphs, whose clusters count other bytes.
    func testShaperCacheTellsCanonicallyEquivalentTextsApart() {
        let shaper = TestEngine.shared.typesetter.shaper
        let composed = shaper.shape("Zo\u{00EB}", style: .regular, size: 10)
        let decomposed = shaper.shape("Zoe\u{0308}", style: .regular, size: 10)
        XCTAssertEqual(composed.text.utf8.count, 4)
        XCTAssertEqual(decomposed.text.utf8.count, 5)
        XCTAssertTrue(decomposed.clusterBoundaries.contains(5))
        XCTAssertTrue(shaper.shape("Zoe\u{0308}", style: .regular, size: 10) === decomposed)
    }

    func testASCIIFastPathGivesTheSameBreaksAsTheLatin1Path() {
        let hyphenator = TestEngine.shared.hyphenator!
        for word in ["ontmoetingsmogelijkheden", "GESPREKSLEIDER", "Burgerparticipatie", "bijeenkomst", "wijkteam"] {
            XCTAssertNotNil(Hyphenator.asciiLowercased(word))
            let latin1 = word.flatMap { Hyphenator.latin1Bytes($0) }.map { CChar(bitPattern: $0) }
            XCTAssertEqual(Hyphenator.asciiLowercased(word), latin1, word)
        }
        XCTAssertNil(Hyphenator.asciiLowercased("coördinatie"))
        XCTAssertNil(Hyphenator.asciiLowercased("e-mail"))
        XCTAssertEqual(hyphenator.hyphenationPoints("gespreksleider"), [2, 8, 11])
    }

    func testNoHyphenationLeavesOnlyExistingHyphensAndSlashes() {
        let hyphenator = TestEngine.shared.hyphenator!
        XCTAssertEqual(hyphenator.breaks(in: "ontmoetingsmogelijkheden", hyphenate: false), [])
        XCTAssertEqual(hyphenator.breaks(in: "zorg-en-welzijn", hyphenate: false).map(\.offset), [5, 8])
        XCTAssertEqual(hyphenator.breaks(in: "hij/zij", hyphenate: false).map(\.offset), [4])
        XCTAssertEqual(hyphenator.breaks(in: "ontmoetingen", softHyphens: [6], hyphenate: false), [])
    }

    func testRepeatedLayoutIsTheSameAsAFreshOne() {
        let typesetter = TestEngine.shared.typesetter
        let blocks = [TextBlock("Wat wil je bereiken voor de inbrenger en de mensen om hem of haar heen?",
                                style: TextStyle(size: 10, bold: true))]
        let once = typesetter.layoutOnce(blocks, width: 120)
        let again = typesetter.layoutOnce(blocks, width: 120)
        let fresh = typesetter.layout(blocks, width: 120)
        XCTAssertGreaterThan(fresh.lines.count, 1)
        XCTAssertEqual(once.text, fresh.text)
        XCTAssertEqual(again.text, fresh.text)
        XCTAssertEqual(once.height, fresh.height)
        XCTAssertEqual(once.lines.flatMap(\.runs).flatMap(\.glyphs), fresh.lines.flatMap(\.runs).flatMap(\.glyphs))
        // Another width is another layout.
        XCTAssertNotEqual(typesetter.layoutOnce(blocks, width: 300).lines.count, fresh.lines.count)
    }

    func testMergedRunsKeepEveryGlyphAndCluster() {
        let typesetter = TestEngine.shared.typesetter
        let words = (0..<200).map { "woord\($0)" }.joined(separator: " ")
        let layout = typesetter.layout([TextBlock(words, style: TextStyle(size: 10))], width: 100_000)
        XCTAssertEqual(layout.lines.count, 1)
        let runs = layout.lines[0].runs
        XCTAssertEqual(runs.count, 1, "one face, one size, one colour: one run")
        XCTAssertEqual(runs[0].text, words)
        // Every glyph's cluster lies inside the merged text, in order.
        var previous = 0
        for glyph in runs[0].glyphs {
            XCTAssertGreaterThanOrEqual(glyph.cluster.lowerBound, previous)
            XCTAssertLessThanOrEqual(glyph.cluster.upperBound, runs[0].text.utf8.count)
            previous = glyph.cluster.lowerBound
        }
    }
}
