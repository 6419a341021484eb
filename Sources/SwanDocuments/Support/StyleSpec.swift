/// A text style as a layout file writes it (sizes in points, indents in millimetres).
package import SwanLayout

package struct StyleSpec: Decodable, Equatable, Sendable {
    package var size: Double
    /// Baseline-to-baseline distance in points; 1.25 × size when omitted.
    package var leading: Double?
    package var bold: Bool?
    package var italic: Bool?
    package var colour: Colour?
    package var align: Alignment?
    package var hyphenate: Bool?
    /// Space above and below a block, in points.
    package var spaceBefore: Double?
    package var spaceAfter: Double?
    /// Indent of every line (lists: the hanging indent), in millimetres.
    package var indent: Double?
    /// Even out the lines of a short block (titles, questions).
    package var balance: Bool?
    /// How justified text fills its lines (`align: justify`, or a specimen's justified column).
    package var justify: JustifySpec?

    /// `justify:` in a layout file; a value left out keeps the engine's default (Justification).
    package struct JustifySpec: Decodable, Equatable, Sendable {
        /// How much wider (narrower) a word space may be at a line's ratio of 1 (-1), as a fraction of it.
        package var wordStretch: Double?
        package var wordShrink: Double?
        /// How far letters may move apart or together at a ratio of 1, in em.
        package var letterSpacing: Double?
    }

    /// The engine's style; `colour` falls back to `defaultColour` (a round colour, for instance).
    package func textStyle(defaultColour: Colour = .black, keepWithNext: Bool = false) -> TextStyle {
        var style = TextStyle(size: size, leading: leading, colour: colour ?? defaultColour,
                              alignment: align ?? .left, bold: bold ?? false, italic: italic ?? false,
                              hyphenate: hyphenate ?? true, leftIndent: mm(indent ?? 0),
                              spaceBefore: spaceBefore ?? 0, spaceAfter: spaceAfter ?? 0, keepWithNext: keepWithNext)
        style.balance = balance ?? false
        if let justify {
            let standard = Justification()
            style.justification = Justification(wordStretch: justify.wordStretch ?? standard.wordStretch,
                                                wordShrink: justify.wordShrink ?? standard.wordShrink,
                                                letterSpacing: justify.letterSpacing ?? standard.letterSpacing)
        }
        return style
    }
}
