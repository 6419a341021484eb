/// Small building blocks that several layout files share.
import SwanLayout

/// Page margins in millimetres.
public struct PageMargins: Decodable, Equatable, Sendable {
    public var top: Double
    public var bottom: Double
    public var left: Double
    public var right: Double
}

/// A ruled line: width in points, colour as "#RRGGBB".
public struct RuleSpec: Decodable, Equatable, Sendable {
    public var width: Double
    public var colour: Colour

    func stroke() -> Stroke { Stroke(colour: colour, width: width) }
}
