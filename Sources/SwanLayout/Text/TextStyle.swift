/// What a piece of text asks of the typesetter.
public enum Alignment: String, Sendable, Codable, Equatable {
    case left, justify, center, right
}

public struct TextStyle: Hashable, Sendable {
    /// Font size and line height (baseline to baseline), in points.
    public var size: Double
    public var leading: Double
    public var colour: Colour
    public var alignment: Alignment
    public var bold: Bool
    public var italic: Bool
    public var hyphenate: Bool
    /// Indent of every line (the hanging indent of a list item), in points.
    public var leftIndent: Double
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// A heading: keep it on the same page as the next block's first lines.
    public var keepWithNext: Bool
    /// Even out the lines of a short ragged block (a title or question) instead of filling the
    /// first ones and leaving one word alone on the last.
    public var balance: Bool = false

    public init(size: Double, leading: Double? = nil, colour: Colour = .black, alignment: Alignment = .left,
                bold: Bool = false, italic: Bool = false, hyphenate: Bool = true, leftIndent: Double = 0,
                spaceBefore: Double = 0, spaceAfter: Double = 0, keepWithNext: Bool = false) {
        self.size = size; self.leading = leading ?? size * 1.25; self.colour = colour
        self.alignment = alignment; self.bold = bold; self.italic = italic; self.hyphenate = hyphenate
        self.leftIndent = leftIndent; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext
    }

    /// The same style at `factor` times the size, for shrinking text to fit.
    public func scaled(by factor: Double) -> TextStyle {
        var copy = self
        copy.size *= factor; copy.leading *= factor
        copy.leftIndent *= factor; copy.spaceBefore *= factor; copy.spaceAfter *= factor
        return copy
    }
}

/// A stretch of text with its own emphasis inside a paragraph.
public struct TextRun: Hashable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    /// Set smaller and raised, as a footnote mark.
    public var superscript: Bool
    /// An id the line carrying this run reports (a footnote reference), so that pagination can
    /// put the note on the same page.
    public var anchor: String?
    public init(_ text: String, bold: Bool = false, italic: Bool = false, superscript: Bool = false, anchor: String? = nil) {
        self.text = text; self.bold = bold; self.italic = italic; self.superscript = superscript; self.anchor = anchor
    }
}

/// A paragraph, heading or list item.
public struct TextBlock: Hashable, Sendable {
    public var runs: [TextRun]
    public var style: TextStyle
    /// A list marker ("•", "3.") set in the hanging indent before the first line.
    public var marker: String?
    /// A bookmark title for this block (headings), carried through to the page.
    public var outlineTitle: String?
    public var outlineLevel: Int

    public init(_ runs: [TextRun], style: TextStyle, marker: String? = nil, outlineTitle: String? = nil, outlineLevel: Int = 1) {
        self.runs = runs; self.style = style; self.marker = marker
        self.outlineTitle = outlineTitle; self.outlineLevel = outlineLevel
    }
    public init(_ text: String, style: TextStyle, marker: String? = nil) {
        self.init([TextRun(text)], style: style, marker: marker)
    }

    public var plainText: String { runs.map(\.text).joined() }
}
