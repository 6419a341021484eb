/// A text style as a layout file writes it (sizes in points, indents in millimetres).
import SwanLayout

public struct StyleSpec: Decodable, Equatable, Sendable {
    public var size: Double
    /// Baseline-to-baseline distance in points; 1.25 × size when omitted.
    public var leading: Double?
    public var bold: Bool?
    public var italic: Bool?
    public var colour: Colour?
    public var align: Alignment?
    public var hyphenate: Bool?
    /// Space above and below a block, in points.
    public var spaceBefore: Double?
    public var spaceAfter: Double?
    /// Indent of every line (lists: the hanging indent), in millimetres.
    public var indent: Double?
    /// Even out the lines of a short block (titles, questions).
    public var balance: Bool?

    /// The engine's style; `colour` falls back to `defaultColour` (a round colour, for instance).
    public func textStyle(defaultColour: Colour = .black, keepWithNext: Bool = false) -> TextStyle {
        var style = TextStyle(size: size, leading: leading, colour: colour ?? defaultColour,
                              alignment: align ?? .left, bold: bold ?? false, italic: italic ?? false,
                              hyphenate: hyphenate ?? true, leftIndent: mm(indent ?? 0),
                              spaceBefore: spaceBefore ?? 0, spaceAfter: spaceAfter ?? 0, keepWithNext: keepWithNext)
        style.balance = balance ?? false
        return style
    }
}
