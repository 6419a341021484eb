/// Shared pieces of the property tests: a seeded generator, hostile Unicode text, every text
/// field of a session, and PDF text extraction with pdftotext.
import Foundation
import XCTest
import SwanLayout
import SwanSession
import SwanTestSupport

enum PropertySupport {
    static let packageRoot = PackagePaths.root
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")
    static let deckDirectory = PackagePaths.defaultDeck

    static func temporaryDirectory() -> URL { TemporaryFolder.make("swan-property") }

    /// The text pdftotext extracts from `pdf` (UTF-8, no page breaks). Skips when it is missing.
    static func extractText(_ pdf: URL) throws -> String {
        let result = try Tool.run("pdftotext", ["-enc", "UTF-8", "-nopgbrk", pdf.path, "-"])
        XCTAssertEqual(result.status, 0, "pdftotext failed on \(pdf.path)")
        return result.output
    }
}

/// Hostile text: Latin with stacked combining marks, right-to-left scripts and bidi controls,
/// emoji (with ZWJ sequences and flags), control and format characters, scripts the fonts lack,
/// and very long words with no break opportunity.
enum HostileText {
    static let words = ["zorg", "wijkteam", "inwoner", "Łukasz", "Ærøskøbing", "Ștefan", "Ayşe", "Zoë", "fijn", "officieel",
                        "Ελληνικά", "Кириллица", "naïef", "coördinatie", "l’été", "€ 640", "‘quote’", "„Nederlands”", "x²"]
    static let rightToLeft = ["שלום", "مرحبا بكم", "עברית", "العربية", "\u{202E}gnirts desrever\u{202C}", "\u{200F}", "\u{200E}"]
    static let emoji = ["😀", "👩‍👩‍👧", "🇳🇱", "❤️", "👍🏽", "🧑‍⚕️", "✅"]
    static let controls = ["\u{0000}", "\u{0007}", "\u{001B}", "\u{0085}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{00AD}",
                           "\u{FEFF}", "\u{200D}", "\t", "\r\n", "\r", "\u{000B}", "\u{000C}", "\u{007F}"]
    static let otherScripts = ["漢字", "ひらがな", "한국어", "देवनागरी", "ภาษาไทย", "\u{1D11E}", "\u{10FFFD}"]
    static let letters = Array("abcdefghijklmnopqrstuvwxyzéëïóüçñ")

    static func combining(_ random: inout SeededRandom) -> String {
        var text = String(random.pick(Array("aeiouAEIOUnc")))
        for _ in 0..<(1 + random.below(3)) {
            text.unicodeScalars.append(Unicode.Scalar(0x300 + UInt32(random.below(0x70)))!)
        }
        return text
    }

    static func longWord(_ random: inout SeededRandom) -> String {
        String((0..<(150 + random.below(450))).map { _ in random.pick(letters) })
    }

    /// A short text (a word or two and one hostile piece), for boxes of fixed size such as cards.
    static func short(_ random: inout SeededRandom) -> String {
        let hostile: String
        switch random.below(6) {
        case 0: hostile = combining(&random)
        case 1: hostile = random.pick(rightToLeft)
        case 2: hostile = random.pick(emoji)
        case 3: hostile = random.pick(controls.filter { !$0.contains("\n") && !$0.contains("\r") })
        case 4: hostile = random.pick(otherScripts)
        default: hostile = random.pick(words)
        }
        return random.pick(words) + (random.chance(50) ? " " : "") + hostile
    }

    /// One text of a few to a few hundred pieces; never blank (required fields stay valid).
    static func make(_ random: inout SeededRandom, pieces: Int? = nil) -> String {
        var text = random.pick(words)
        for _ in 0..<(pieces ?? (1 + random.below(12))) {
            switch random.below(10) {
            case 0, 1: text += " " + random.pick(words)
            case 2: text += " " + combining(&random)
            case 3: text += " " + random.pick(rightToLeft)
            case 4: text += " " + random.pick(emoji)
            case 5: text += random.pick(controls)
            case 6: text += " " + random.pick(otherScripts)
            case 7: text += random.chance(30) ? " " + longWord(&random) : random.pick(words)
            case 8: text += random.chance(50) ? "\n" : "  "
            default: text += random.pick(words) + combining(&random)
            }
        }
        return text
    }
}

/// Every text field of a session, read and rewritten in one place.
enum SessionTexts {
    /// Every text of `session` with a name for messages.
    static func all(_ session: Session) -> [(field: String, text: String)] {
        var copy = session
        var result: [(String, String)] = []
        map(&copy) { field, text in result.append((field, text)); return text }
        return result
    }

    /// Rewrites every text field (required and optional ones that are present) with `transform`.
    static func map(_ session: inout Session, _ transform: (String, String) -> String) {
        session.inbrenger = transform("inbrenger", session.inbrenger)
        session.gespreksleider = session.gespreksleider.map { transform("gespreksleider", $0) }
        session.schrijver = session.schrijver.map { transform("schrijver", $0) }
        session.deelnemers = session.deelnemers.enumerated().map { transform("deelnemers[\($0.offset)]", $0.element) }
        session.omschrijving = transform("omschrijving", session.omschrijving)
        if var ronde1 = session.ronde1 {
            for index in ronde1.voorwaarden.indices {
                ronde1.voorwaarden[index].toelichting = ronde1.voorwaarden[index].toelichting.map { transform("ronde1.voorwaarden[\(index)].toelichting", $0) }
            }
            ronde1.bereiken = ronde1.bereiken.map { transform("ronde1.bereiken", $0) }
            session.ronde1 = ronde1
        }
        if var ronde2 = session.ronde2 {
            for index in ronde2.factoren.indices {
                ronde2.factoren[index].toelichting = ronde2.factoren[index].toelichting.map { transform("ronde2.factoren[\(index)].toelichting", $0) }
            }
            if var dilemma = ronde2.moreelDilemma {
                dilemma.beschrijving = transform("ronde2.moreelDilemma.beschrijving", dilemma.beschrijving)
                dilemma.botsendeWaarden = dilemma.botsendeWaarden.enumerated().map { transform("ronde2.moreelDilemma.botsendeWaarden[\($0.offset)]", $0.element) }
                ronde2.moreelDilemma = dilemma
            }
            session.ronde2 = ronde2
        }
        if var ronde3 = session.ronde3 {
            for level in ronde3.interventies.keys.sorted() {
                ronde3.interventies[level] = ronde3.interventies[level]!.enumerated().map { transform("ronde3.interventies.\(level)[\($0.offset)]", $0.element) }
            }
            for index in ronde3.gekozen.indices {
                ronde3.gekozen[index].interventie = transform("ronde3.gekozen[\(index)].interventie", ronde3.gekozen[index].interventie)
            }
            for index in ronde3.hulpvragen.indices {
                ronde3.hulpvragen[index].vraag = ronde3.hulpvragen[index].vraag.map { transform("ronde3.hulpvragen[\(index)].vraag", $0) }
                ronde3.hulpvragen[index].antwoord = transform("ronde3.hulpvragen[\(index)].antwoord", ronde3.hulpvragen[index].antwoord)
            }
            if var signaal = ronde3.signaal {
                signaal.opvolging = signaal.opvolging.map { transform("ronde3.signaal.opvolging", $0) }
                ronde3.signaal = signaal
            }
            session.ronde3 = ronde3
        }
        if var evaluatie = session.evaluatie {
            evaluatie.verloop = transform("evaluatie.verloop", evaluatie.verloop)
            session.evaluatie = evaluatie
        }
    }

    /// A generated session with hostile text in every text field.
    static func hostile(seed: UInt64) -> Session {
        var session = SessionGenerator.make(seed: seed)
        var random = SeededRandom(seed: seed)
        map(&session) { _, _ in HostileText.make(&random) }
        return session
    }
}

/// What a PDF must show of a text, judged by the fonts: characters they can show must be in the
/// extracted text; characters they cannot show must be reported as missing glyphs.
struct GlyphExpectations {
    /// The visible scalars (decomposed, NFD) of the characters the font covers completely.
    var shown: [Unicode.Scalar] = []
    /// Characters with a visible scalar no face of the chain has: these must be reported.
    var unshowable: Set<Character> = []

    /// What the font chain (the family and its fallback faces) shows in each of `styles`: a
    /// character counts as shown when the face chosen for it covers it in every style, and as
    /// unshowable when the face chosen in the first style lacks it.
    init(_ text: String, fonts: FontLibrary, styles: [FontStyle] = [.regular]) {
        for character in text where !character.isWhitespace {
            let visible = character.unicodeScalars.filter { !Self.isInvisible($0) }
            if visible.isEmpty { continue }
            let faces = styles.map { fonts.face(for: character, style: $0) }
            if faces.allSatisfy({ face in visible.allSatisfy(face.covers) }) {
                shown += Self.visibleScalars(String(character))
            } else if !visible.allSatisfy(faces[0].covers) {
                unshowable.insert(character)
            }
        }
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .unassigned: return true
        default: return scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// The visible scalars of `text`, canonically decomposed (so that é and e + U+0301, or
    /// combining marks in another order, compare equal).
    static func visibleScalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !isInvisible($0) })
    }

    /// The scalars of `shown` that `extracted` lacks, counting repeats (a multiset: extraction
    /// may regroup or reorder right-to-left runs and marks, but it must not lose anything).
    func lost(in extracted: String) -> [Unicode.Scalar] {
        var available: [Unicode.Scalar: Int] = [:]
        for scalar in Self.visibleScalars(extracted) { available[scalar, default: 0] += 1 }
        var lost: [Unicode.Scalar] = []
        for scalar in shown {
            if let count = available[scalar], count > 0 { available[scalar] = count - 1 } else { lost.append(scalar) }
        }
        return lost
    }
}

extension Character {
    /// How a missing-glyph warning names the character: "for U+0627", never the character.
    var reported: String { "for \(codes)" }
    var codes: String { unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ") }
}

extension Unicode.Scalar {
    var code: String { String(format: "U+%04X", value) }
}

/// Lost scalars for a message: 'x' (U+0078), …
func describe(_ lost: [Unicode.Scalar]) -> String {
    lost.map { "'\(Character($0))' (\($0.code))" }.joined(separator: ", ")
}
