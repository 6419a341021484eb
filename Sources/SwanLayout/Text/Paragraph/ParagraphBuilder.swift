/// Collect and prepare: turns a paragraph's runs into Knuth–Plass items, shaping each word
/// with HarfBuzz and adding break opportunities from hyphenation.
import Foundation

/// A character no font can show. It carries no text around it: that text may be a resident's
/// name, and warnings end up in logs (they name the field or card and the code points).
package struct MissingGlyph: Equatable, Sendable, CustomStringConvertible {
    package var character: Character
    package init(character: Character) { self.character = character }
    /// "U+0627 U+0644", the code points of the character.
    package var codes: String { character.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ") }
    package var description: String { "no glyph for \(codes)" }
}

struct PreparedParagraph {
    var items: [BreakItem] = []
    var fragments: [Fragment] = []
    var missing: [MissingGlyph] = []
    /// The paragraph's bidi level (1: right to left) and whether any piece is not at level 0:
    /// only then are lines reordered (see LineSetter).
    var baseLevel: UInt8 = 0
    var isBidi = false
}

struct ParagraphBuilder {
    let shaper: Shaper
    let hyphenator: Hyphenator?
    let style: TextStyle
    /// The measure; words wider than it get emergency breaks between clusters.
    let lineWidth: Double
    /// Syllable breaks wanted in this pass: the first pass goes without (see Typesetter).
    var hyphenate = true
    /// Words no line may end with (articles in a heading: "Niveau van de / groep"), lowercase.
    var noBreakAfter: Set<String> = []
    /// Latin runs read as UTF-8 (`LatinRun`); off, every run takes the Character walk (tests
    /// compare the two).
    var latinFastPath = true

    /// Penalties, in TeX's units.
    /// A syllable break is strongly discouraged (TeX's \hyphenpenalty at 1000): a hyphen is
    /// taken only where the alternative is a line about twice as loose as normal.
    static let hyphenPenalty = 1_000.0
    /// A break the patterns rate weakest (inside a stem): compound boundaries come first.
    static let weakHyphenPenalty = 3 * hyphenPenalty
    static let explicitHyphenPenalty = 50.0
    static let emergencyPenalty = 5_000.0
    /// A break between two ideographs is as normal as a space between words.
    static let ideographicBreakPenalty = 0.0

    /// A stretch of a word shaped as one HarfBuzz run: one style, one face, one bidi level and
    /// one script (characters of no script of their own, such as digits and punctuation, join
    /// the stretch they stand in).
    private struct Piece {
        var text: String; var style: FontStyle; var superscript: Bool = false; var anchor: String? = nil
        var font: Font; var level: UInt8 = 0; var script: UInt32? = nil
        func sameFormat(_ other: Piece) -> Bool {
            style == other.style && superscript == other.superscript && anchor == other.anchor && font === other.font
                && level == other.level && (script == nil || other.script == nil || script == other.script)
        }
    }
    static let superscriptScale = 0.62
    static let superscriptRise = 0.36

    func build(_ runs: [TextRun]) -> PreparedParagraph {
        var result = PreparedParagraph()
        var word: [Piece] = []
        var softHyphens: [Int] = []
        var wordLength = 0
        var pendingSpace: (style: FontStyle, level: UInt8)? = nil
        var previousWord = ""
        // Text without a right-to-left character has every level 0: no levels to resolve.
        let bidi = runs.contains { BidiLevels.mayHoldRightToLeft($0.text) } ? BidiLevels.resolve(runs.flatMap { Array($0.text) }) : nil
        result.baseLevel = bidi?.baseLevel ?? 0
        result.isBidi = bidi?.isMixed ?? false
        var characterIndex = 0
        // The space's glue in each font style, shaped once per paragraph, not looked up per word.
        var spaceGlues = [BreakItem?](repeating: nil, count: FontStyle.allCases.count)

        func flushWord() {
            guard !word.isEmpty else { return }
            if let space = pendingSpace, result.items.contains(where: { $0.kind == .box }) {
                // A penalty between the word and the space makes the space no break.
                if !noBreakAfter.isEmpty && noBreakAfter.contains(previousWord.lowercased()) {
                    result.items.append(.penalty(0, BreakItem.forbiddenBreak))
                }
                var glue = spaceGlues[space.style.rawValue] ?? spaceGlue(space.style)
                spaceGlues[space.style.rawValue] = glue
                glue.bidiLevel = space.level
                result.items.append(glue)
            }
            pendingSpace = nil
            if !noBreakAfter.isEmpty { previousWord = word.map(\.text).joined() }
            addWord(word, softHyphens: softHyphens, into: &result)
            word = []; softHyphens = []; wordLength = 0
        }

        for run in runs {
            let fontStyle = FontStyle(bold: style.bold || run.bold, italic: style.italic || run.italic)
            // Latin text the style's own face covers, with no right-to-left character in the
            // paragraph: read as UTF-8, a word's stretch at a time (see `LatinRun`).
            let face = shaper.font(fontStyle)
            if latinFastPath, bidi == nil, word.last.map({ LatinRun.joins($0.script) }) ?? true, LatinRun.covers(run.text, face) {
                var text = run.text
                text.withUTF8 { bytes in
                    var start = -1  // where the current stretch of the word began (-1: none)
                    var script: UInt32?
                    func endStretch(at end: Int) {
                        defer { start = -1; script = nil }
                        guard start >= 0, end > start else { return }
                        let stretch = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        let piece = Piece(text: stretch, style: fontStyle, superscript: run.superscript, anchor: run.anchor,
                                          font: face, script: script)
                        if !word.isEmpty && word[word.count - 1].sameFormat(piece) {
                            word[word.count - 1].text.append(stretch)
                            if word[word.count - 1].script == nil { word[word.count - 1].script = script }
                        } else {
                            word.append(piece)
                        }
                    }
                    var i = 0
                    while i < bytes.count {
                        let (value, length) = LatinRun.scalar(bytes, at: i)
                        switch value {
                        case 0x0A, 0x0D:
                            endStretch(at: i)
                            flushWord()
                            endLine(&result.items)
                            pendingSpace = nil
                            // "\r\n" is one line end.
                            if value == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                        case 0x20, 0x09:
                            endStretch(at: i)
                            flushWord()
                            if result.items.last?.kind == .box { pendingSpace = (fontStyle, 0) }
                        case 0xAD:
                            endStretch(at: i)
                            softHyphens.append(wordLength)
                        default:
                            if start < 0 { start = i }
                            if script == nil { script = LatinRun.script(of: value) }
                            wordLength += 1
                        }
                        i += length
                    }
                    endStretch(at: bytes.count)
                }
                continue
            }
            for character in run.text {
                let level = bidi?.levels[characterIndex] ?? 0
                characterIndex += 1
                // Line and paragraph separators (U+2028, U+2029) break like a new line: shaped,
                // they would draw a .notdef box.
                if Self.isLineEnd(character) {
                    flushWord()
                    endLine(&result.items)
                    pendingSpace = nil
                } else if Self.isBreakingSpace(character) {
                    flushWord()
                    if result.items.last?.kind == .box { pendingSpace = (fontStyle, level) }
                } else if character == Hyphenator.softHyphen {
                    softHyphens.append(wordLength)
                } else {
                    let piece = Piece(text: String(character), style: fontStyle, superscript: run.superscript, anchor: run.anchor,
                                      font: shaper.face(for: character, style: fontStyle, preferred: word.last?.font), level: level,
                                      script: Shaper.script(of: character))
                    // Appended in place: a copy of the last piece held while appending would make
                    // every character copy the word so far (quadratic in a word of megabytes).
                    if !word.isEmpty && word[word.count - 1].sameFormat(piece) {
                        let hadScript = word[word.count - 1].script != nil
                        word[word.count - 1].text.append(character)
                        if !hadScript { word[word.count - 1].script = piece.script }
                    } else {
                        word.append(piece)
                    }
                    wordLength += 1
                }
            }
        }
        flushWord()
        endLine(&result.items)
        return result
    }

    /// The end of a paragraph (or of a line the author ended): no hyphen in its last word, no
    /// break before the fill (TeX's \penalty10000 \parfillskip: a break there would justify the
    /// last line to the full measure and leave an empty line below it), the fill, a forced break.
    /// A last word wider than the measure keeps its hyphens: it has to break somewhere.
    func endLine(_ items: inout [BreakItem]) {
        var start = items.count
        while start > 0 && items[start - 1].kind != .glue { start -= 1 }
        let lastWord = items[start...].reduce(0) { $0 + ($1.kind == .box ? $1.width : 0) }
        if lastWord <= lineWidth - style.size * 0.4 {
            for i in start..<items.count where items[i].kind == .penalty && items[i].flagged && items[i].fragment != nil {
                items[i].penalty = BreakItem.forbiddenBreak
            }
        }
        items.append(.penalty(0, BreakItem.forbiddenBreak))
        items.append(.glue(0, stretch: BreakItem.fill, shrink: 0))
        items.append(.penalty(0, BreakItem.forcedBreak))
    }

    /// "\n", "\r\n", "\r", U+2028, U+2029; ASCII answered by its byte ("\r\n" has the
    /// asciiValue of "\n"), without five Character comparisons per character.
    static func isLineEnd(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x0A || ascii == 0x0D }
        return character == "\u{2028}" || character == "\u{2029}"
    }

    static func isBreakingSpace(_ character: Character) -> Bool {
        // Most text is ASCII: answer without a Unicode property lookup.
        if let ascii = character.asciiValue { return ascii == 0x20 || ascii == 0x09 }
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        if scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2007}" { return false }  // no-break spaces
        return scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    private func spaceGlue(_ fontStyle: FontStyle) -> BreakItem {
        let width = shaper.shape(" ", style: fontStyle, size: style.size).width
        switch style.alignment {
        case .justify: return .glue(width, stretch: width * style.justification.wordStretch, shrink: width * style.justification.wordShrink)
        default: return .glue(width, stretch: 0, shrink: 0)
        }
    }

    /// One word: shape its pieces, find its breaks, emit boxes and penalties.
    private func addWord(_ pieces: [Piece], softHyphens: [Int], into result: inout PreparedParagraph) {
        let shapedPieces = pieces.map {
            shaper.shape($0.text, font: $0.font, size: $0.superscript ? style.size * Self.superscriptScale : style.size,
                         rightToLeft: $0.level % 2 == 1)
        }
        let wordText = pieces.map(\.text).joined()
        for shaped in shapedPieces {
            for character in shaped.missing { result.missing.append(MissingGlyph(character: character)) }
        }

        // Break offsets in Characters of the word, mapped to (piece, byte offset) positions.
        var breaks: [(piece: Int, byte: Int, hyphen: Bool, penalty: Double)] = []
        let wordBreaks = hyphenator?.breaks(in: wordText, softHyphens: softHyphens, hyphenate: style.hyphenate && hyphenate)
            ?? Self.explicitBreaks(wordText)
        // Offsets come in ascending order: found in one walk over the word, not one walk per break.
        var positions = WordPositions(pieces.map(\.text))
        for wordBreak in wordBreaks {
            guard let position = positions.locate(wordBreak.offset),
                  shapedPieces[position.piece].clusterBoundaries.contains(position.byte) else { continue }
            let penalty = !wordBreak.insertsHyphen ? Self.explicitHyphenPenalty
                : wordBreak.weak ? Self.weakHyphenPenalty : Self.hyphenPenalty
            breaks.append((position.piece, position.byte, wordBreak.insertsHyphen, penalty))
        }
        // Scripts written without spaces (Chinese, Japanese): the breaks UAX #14 allows.
        let ideographic = LineBreakOpportunities.ideographicBreaks(in: wordText)
        if !ideographic.isEmpty {
            var taken = Set(breaks.map { BytePosition(piece: $0.piece, byte: $0.byte) })
            positions = WordPositions(pieces.map(\.text))
            for offset in ideographic {
                guard let position = positions.locate(offset),
                      shapedPieces[position.piece].clusterBoundaries.contains(position.byte),
                      taken.insert(BytePosition(piece: position.piece, byte: position.byte)).inserted else { continue }
                breaks.append((position.piece, position.byte, false, Self.ideographicBreakPenalty))
            }
        }
        breaks.sort { ($0.piece, $0.byte) < ($1.piece, $1.byte) }
        // A piece of a word that is wider than the line even between its break opportunities may
        // break between any two clusters, at a high cost, so that no text runs past the measure.
        var emergency: [(piece: Int, byte: Int, hyphen: Bool, penalty: Double)] = []
        var start = (piece: 0, byte: 0)
        let roomForHyphen = style.size * 0.4
        let wordIsWide = shapedPieces.reduce(0) { $0 + $1.width } > lineWidth - roomForHyphen
        let ranges = shapedPieces.map(ShapedRanges.init)
        let sortedBoundaries = wordIsWide ? shapedPieces.map { $0.clusterBoundaries.sorted() } : []
        for end in wordIsWide ?  breaks.map({ ($0.piece, $0.byte) }) + [(shapedPieces.count - 1, shapedPieces[shapedPieces.count - 1].text.utf8.count)] : [] {
            var width = 0.0
            var boundaries: [(Int, Int)] = []
            for index in start.piece...end.0 {
                let shaped = shapedPieces[index]
                let from = index == start.piece ? start.byte : 0
                let to = index == end.0 ? end.1 : shaped.text.utf8.count
                width += from < to ? ranges[index].width(from..<to) : 0
                boundaries += ShapedRanges.boundaries(between: from, and: to, in: sortedBoundaries[index]).map { (index, $0) }
            }
            // Leave room for the hyphen a break at its end may add.
            if width > lineWidth - roomForHyphen {
                emergency += boundaries.map { ($0.0, $0.1, false, Self.emergencyPenalty) }
            }
            start = (end.0, end.1)
        }
        breaks += emergency
        breaks.sort { ($0.piece, $0.byte) < ($1.piece, $1.byte) }

        // Cut the word at its breaks into fragments.
        var cursor = (piece: 0, byte: 0)
        func emitFragment(upTo end: (piece: Int, byte: Int)) {
            var slices: [GlyphSlice] = []
            for index in cursor.piece...min(end.piece, shapedPieces.count - 1) {
                let shaped = shapedPieces[index]
                let from = index == cursor.piece ? cursor.byte : 0
                let to = index == end.piece ? end.byte : shaped.text.utf8.count
                if to > from {
                    var slice = ranges[index].slice(from..<to)
                    if pieces[index].superscript { slice.rise = style.size * Self.superscriptRise }
                    slice.anchor = pieces[index].anchor
                    slice.level = pieces[index].level
                    slices.append(slice)
                }
            }
            if !slices.isEmpty {
                let fragment = Fragment(slices: slices)
                result.fragments.append(fragment)
                var box = BreakItem.box(fragment.width, fragment: result.fragments.count - 1)
                // Justified text that may space its letters: each gap between two of the box's
                // clusters gives as much as `letterSpacing` em (LineSetter spreads it the same way).
                if style.alignment == .justify && style.justification.letterSpacing > 0 {
                    let gaps = Double(max(0, fragment.clusterCount - 1)) * style.justification.letterSpacing * style.size
                    box.stretch = gaps; box.shrink = gaps
                }
                result.items.append(box)
            }
            cursor = end
        }
        var prefixes = PrefixKeys(pieces.map(\.text))
        for entry in breaks {
            emitFragment(upTo: (entry.piece, entry.byte))
            if entry.hyphen {
                let hyphen = shaper.shape("-", style: pieces[entry.piece].style, size: style.size)
                var hyphenSlice = Self.slice(hyphen, bytes: 0..<hyphen.text.utf8.count)
                hyphenSlice.level = pieces[entry.piece].level
                result.fragments.append(Fragment(slices: [hyphenSlice]))
                var item = BreakItem.penalty(hyphen.width, entry.penalty, flagged: true, fragment: result.fragments.count - 1)
                item.hyphenKey = prefixes.key(upTo: BytePosition(piece: entry.piece, byte: entry.byte))
                result.items.append(item)
            } else {
                result.items.append(.penalty(0, entry.penalty,
                                             flagged: entry.penalty < Self.emergencyPenalty && entry.penalty != Self.ideographicBreakPenalty))
            }
        }
        emitFragment(upTo: (shapedPieces.count - 1, shapedPieces[shapedPieces.count - 1].text.utf8.count))
    }

    /// Breaks after "-" and "/" only, when no hyphenator is given.
    static func explicitBreaks(_ word: String) -> [WordBreak] {
        let characters = Array(word)
        guard characters.count > 2 else { return [] }
        return (1..<(characters.count - 1)).compactMap { i in
            (characters[i] == "-" || characters[i] == "/") && characters[i - 1].isLetter && characters[i + 1].isLetter
                ? WordBreak(offset: i + 1, insertsHyphen: false) : nil
        }
    }

    /// The glyphs of `shaped` whose clusters lie in `bytes`.
    static func slice(_ shaped: ShapedText, bytes: Range<Int>) -> GlyphSlice {
        var first = shaped.glyphs.count, last = 0
        var width = 0.0
        for (index, glyph) in shaped.glyphs.enumerated() where bytes.contains(glyph.cluster) {
            first = min(first, index); last = max(last, index + 1); width += glyph.advance
        }
        let range = first < last ? first..<last : 0..<0
        return GlyphSlice(shaped: shaped, glyphRange: range, byteRange: bytes, width: width)
    }
}
