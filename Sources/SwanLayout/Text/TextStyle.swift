/// What a piece of text asks of the typesetter.
package enum Alignment: String, Sendable, Codable, Equatable {
    case left, justify, center, right
}

package struct TextStyle: Hashable, Sendable {
    /// Font size and line height (baseline to baseline), in points.
    package var size: Double
    package var leading: Double
    package var colour: Colour
    package var alignment: Alignment
    package var bold: Bool
    package var italic: Bool
    package var hyphenate: Bool
    /// Indent of every line (the hanging indent of a list item), in points.
    package var leftIndent: Double
    package var spaceBefore: Double
    package var spaceAfter: Double
    /// A heading: keep it on the same page as the next block's first lines.
    package var keepWithNext: Bool
    /// Even out the lines of a short ragged block (a title or question) instead of filling the
    /// first ones and leaving one word alone on the last.
    package var balance: Bool = false
    /// How a justified line takes up its slack (other alignments ignore it).
    package var justification = Justification()

    package init(size: Double, leading: Double? = nil, colour: Colour = .black, alignment: Alignment = .left,
                bold: Bool = false, italic: Bool = false, hyphenate: Bool = true, leftIndent: Double = 0,
                spaceBefore: Double = 0, spaceAfter: Double = 0, keepWithNext: Bool = false) {
        self.size = size; self.leading = leading ?? size * 1.25; self.colour = colour
        self.alignment = alignment; self.bold = bold; self.italic = italic; self.hyphenate = hyphenate
        self.leftIndent = leftIndent; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext
    }

    /// The same style at `factor` times the size, for shrinking text to fit.
    package func scaled(by factor: Double) -> TextStyle {
        var copy = self
        copy.size *= factor; copy.leading *= factor
        copy.leftIndent *= factor; copy.spaceBefore *= factor; copy.spaceAfter *= factor
        return copy
    }
}

/// How a justified line fills the measure. At a line's ratio of 1 its word spaces are
/// `wordStretch` of their width wider (at -1, `wordShrink` narrower), and the letters of each
/// word `letterSpacing` em further apart (or closer together): letters that take a share of the
/// slack keep the spaces even where the words leave no better breaks (a measure of 110 mm at
/// 10 pt cannot hold the handleiding's second paragraph within ±20 % by its spaces alone, at any
/// choice of breaks). The defaults move the spaces only.
package struct Justification: Hashable, Sendable {
    package var wordStretch: Double
    package var wordShrink: Double
    package var letterSpacing: Double

    package init(wordStretch: Double = 0.5, wordShrink: Double = 0.33, letterSpacing: Double = 0) {
        self.wordStretch = wordStretch; self.wordShrink = wordShrink; self.letterSpacing = letterSpacing
    }
}

/// A stretch of text with its own emphasis inside a paragraph.
package struct TextRun: Hashable, Sendable {
    package var text: String
    package var bold: Bool
    package var italic: Bool
    /// Set smaller and raised, as a footnote mark.
    package var superscript: Bool
    /// An id the line carrying this run reports (a footnote reference), so that pagination can
    /// put the note on the same page.
    package var anchor: String?
    package init(_ text: String, bold: Bool = false, italic: Bool = false, superscript: Bool = false, anchor: String? = nil) {
        self.text = text; self.bold = bold; self.italic = italic; self.superscript = superscript; self.anchor = anchor
    }
}

/// A paragraph, heading or list item.
package struct TextBlock: Hashable, Sendable {
    package var runs: [TextRun]
    package var style: TextStyle
    /// A list marker ("•", "3.") set in the hanging indent before the first line.
    package var marker: String?
    /// A bookmark title for this block (headings), carried through to the page.
    package var outlineTitle: String?
    package var outlineLevel: Int

    package init(_ runs: [TextRun], style: TextStyle, marker: String? = nil, outlineTitle: String? = nil, outlineLevel: Int = 1) {
        self.runs = runs; self.style = style; self.marker = marker
        self.outlineTitle = outlineTitle; self.outlineLevel = outlineLevel
    }
    package init(_ text: String, style: TextStyle, marker: String? = nil) {
        self.init([TextRun(text)], style: style, marker: marker)
    }

    package var plainText: String { runs.map(\.text).joined() }
}
