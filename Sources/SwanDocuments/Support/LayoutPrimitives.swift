/// Small building blocks that several layout files share.
package import SwanLayout

/// Page margins in millimetres.
package struct PageMargins: Decodable, Equatable, Sendable {
    package var top: Double
    package var bottom: Double
    package var left: Double
    package var right: Double
}

/// A ruled line: width in points, colour as "#RRGGBB".
package struct RuleSpec: Decodable, Equatable, Sendable {
    package var width: Double
    package var colour: Colour

    func stroke() -> Stroke { Stroke(colour: colour, width: width) }
}
