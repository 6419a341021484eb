import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanLayout

final class HyphenationTests: XCTestCase {
    let hyphenator = TestEngine.shared.hyphenator!

    /// The word with its syllable breaks shown as "-".
    private func hyphenated(_ word: String) -> String {
        let points = Set(hyphenator.breaks(in: word).filter(\.insertsHyphen).map(\.offset))
        var result = ""
        for (index, character) in word.enumerated() {
            if points.contains(index) { result.append("-") }
            result.append(character)
        }
        return result
    }

    func testDutchWords() {
        XCTAssertEqual(hyphenated("ontmoetingsmogelijkheden"), "ont-moe-tings-mo-ge-lijk-he-den")
        XCTAssertEqual(hyphenated("burgerparticipatie"), "bur-ger-par-ti-ci-pa-tie")
        XCTAssertEqual(hyphenated("gespreksleider"), "ge-spreks-lei-der")
        XCTAssertEqual(hyphenated("bijeenkomst"), "bij-een-komst")
    }

    /// Expected values checked with pyphen, which ships the same hyph_nl_NL.dic: fed as UTF-8 the
    /// breaks around ë/ö would be lost.
    func testDiaeresisWordsGoThroughLatin1() {
        XCTAssertEqual(hyphenated("interveniëren"), "in-ter-ve-ni-ë-ren")
        XCTAssertEqual(hyphenated("kopiëren"), "ko-pi-ë-ren")
        XCTAssertEqual(hyphenated("coördinatie"), "co-ör-di-na-tie")
        // "ë-le" is a break too, but it would leave two letters alone (rightMin is 3).
        XCTAssertEqual(hyphenated("financiële"), "fi-nan-ci-ële")
    }

    func testUppercaseIsHyphenatedLikeLowercase() {
        XCTAssertEqual(hyphenated("GESPREKSLEIDER"), "GE-SPREKS-LEI-DER")
    }

    func testLigatureIJIsDecomposedAndNeverSplit() {
        let word = "\u{0133}sbeer"
        let result = hyphenated(word)
        XCTAssertEqual(result.replacingOccurrences(of: "-", with: ""), word)
        XCTAssertEqual(result, "\u{0133}s-beer")
    }

    func testBreakAfterExistingHyphenWithoutExtraHyphen() {
        let breaks = hyphenator.breaks(in: "sociaal-economische")
        XCTAssertTrue(breaks.contains(WordBreak(offset: 8, insertsHyphen: false)), "\(breaks)")
        XCTAssertFalse(breaks.contains(WordBreak(offset: 8, insertsHyphen: true)))
        XCTAssertEqual(hyphenated("sociaal-economische"), "so-ci-aal-eco-no-mi-sche")
    }

    func testNoHyphenationOfDigitsURLsMailAndExceptions() {
        XCTAssertEqual(hyphenator.breaks(in: "ronde2bespreking"), [])
        // A URL or file name breaks only after its own "/" or "-", and no hyphen is added.
        XCTAssertEqual(hyphenator.breaks(in: "https://www.movisie.nl/bespreking"), [WordBreak(offset: 23, insertsHyphen: false)])
        XCTAssertEqual(hyphenator.breaks(in: "gespreksleider@voorbeeld.nl"), [])
        let file = "(Sociale-Kwaliteit-in-de-Sociale-Basis-.pdf"
        let fileBreaks = hyphenator.breaks(in: file)
        XCTAssertFalse(fileBreaks.isEmpty)
        for wordBreak in fileBreaks {
            XCTAssertFalse(wordBreak.insertsHyphen, "\(fileBreaks)")
            XCTAssertEqual(Array(file)[wordBreak.offset - 1], "-", "\(fileBreaks)")
        }
        XCTAssertTrue(hyphenator.breaks(in: "vraagstukken.nl)),").allSatisfy { !$0.insertsHyphen })
        XCTAssertEqual(hyphenator.breaks(in: "SWAN"), [])
    }

    func testSoftHyphensAreTheOnlyBreaksWhenPresent() {
        // "gespreks|leider" with a soft hyphen after "gespreks" (offset 8).
        let breaks = hyphenator.breaks(in: "gespreksleider", softHyphens: [8])
        XCTAssertEqual(breaks, [WordBreak(offset: 8, insertsHyphen: true)])
    }

    func testMinimumFragmentLengths() {
        for word in ["ontmoetingsmogelijkheden", "bijeenkomst", "interveniëren"] {
            for point in hyphenator.breaks(in: word).map(\.offset) {
                XCTAssertGreaterThanOrEqual(point, hyphenator.settings.leftMin, word)
                XCTAssertGreaterThanOrEqual(word.count - point, hyphenator.settings.rightMin, word)
            }
        }
    }
}

final class HyphenationLanguageTests: XCTestCase {
    func testDictionaryIsChosenByLanguage() {
        let dutch = Hyphenator.dictionaryCandidates(language: "nl")
        XCTAssertEqual(dutch.first, "/usr/share/hyphen/hyph_nl_NL.dic")
        XCTAssertEqual(Hyphenator.dictionaryCandidates(language: "en").first, "/usr/share/hyphen/hyph_en_US.dic")
        XCTAssertEqual(Hyphenator.dictionaryCandidates(language: "en-GB").first, "/usr/share/hyphen/hyph_en_GB.dic")
    }

    func testLanguageWithoutDictionaryIsSetUnhyphenatedWithAWarning() throws {
        let engine = try Engine(fonts: TestEngine.fontFiles, language: "xx")
        XCTAssertNil(engine.hyphenator)
        XCTAssertTrue(engine.hyphenationWarning?.englishText.contains("'xx'") == true, engine.hyphenationWarning?.englishText ?? "")
        let layout = engine.typesetter.layout([TextBlock("ontmoetingsmogelijkheden ontmoetingsmogelijkheden", style: TextStyle(size: 10))],
                                              width: mm(40))
        XCTAssertFalse(layout.lines.contains { $0.endsWithHyphen }, "no syllable hyphens without a dictionary")
    }
}
