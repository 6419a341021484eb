/// Lengths, points and rectangles of the page model. All values are in PostScript points
/// (1/72 inch), origin at the top left, y growing downwards, as cairo draws.
import Foundation

public let pointsPerMillimetre = 72.0 / 25.4

/// Millimetres to points: templates speak millimetres, the page model speaks points.
@inlinable public func mm(_ value: Double) -> Double { value * pointsPerMillimetre }
/// Points to millimetres, for messages a person reads.
@inlinable public func toMillimetres(_ points: Double) -> Double { points / pointsPerMillimetre }

public struct Point: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
}

public struct Size: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    /// A size given in millimetres.
    public static func millimetres(_ width: Double, _ height: Double) -> Size {
        Size(width: mm(width), height: mm(height))
    }
}

public struct Rect: Equatable, Sendable {
    public var origin: Point
    public var size: Size
    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x: x, y: y); size = Size(width: width, height: height)
    }
    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
    public var width: Double { size.width }
    public var height: Double { size.height }

    /// The rectangle shrunk by `d` on every side (negative grows it).
    public func insetBy(_ d: Double) -> Rect {
        Rect(x: minX + d, y: minY + d, width: width - 2 * d, height: height - 2 * d)
    }
    public func offsetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: minX + dx, y: minY + dy, width: width, height: height)
    }
    /// True when `other` lies inside this rectangle, allowing `tolerance` points of slack.
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.minY >= minY - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }
}
