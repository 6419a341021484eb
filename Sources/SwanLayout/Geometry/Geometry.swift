/// Lengths, points and rectangles of the page model. All values are in PostScript points
/// (1/72 inch), origin at the top left, y growing downwards, as cairo draws.
import Foundation

@usableFromInline package let pointsPerMillimetre = 72.0 / 25.4

/// Millimetres to points: templates speak millimetres, the page model speaks points.
@inlinable package func mm(_ value: Double) -> Double { value * pointsPerMillimetre }
/// Points to millimetres, for messages a person reads.
@inlinable package func toMillimetres(_ points: Double) -> Double { points / pointsPerMillimetre }

package struct Point: Equatable, Sendable {
    package var x: Double
    package var y: Double
    package init(x: Double, y: Double) { self.x = x; self.y = y }
    package static let zero = Point(x: 0, y: 0)
}

package struct Size: Equatable, Sendable {
    package var width: Double
    package var height: Double
    package init(width: Double, height: Double) { self.width = width; self.height = height }
    /// A size given in millimetres.
    package static func millimetres(_ width: Double, _ height: Double) -> Size {
        Size(width: mm(width), height: mm(height))
    }
}

package struct Rect: Equatable, Sendable {
    package var origin: Point
    package var size: Size
    package init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x: x, y: y); size = Size(width: width, height: height)
    }
    package var minX: Double { origin.x }
    package var minY: Double { origin.y }
    package var maxX: Double { origin.x + size.width }
    package var maxY: Double { origin.y + size.height }
    package var width: Double { size.width }
    package var height: Double { size.height }

    /// The rectangle shrunk by `d` on every side (negative grows it).
    package func insetBy(_ d: Double) -> Rect {
        Rect(x: minX + d, y: minY + d, width: width - 2 * d, height: height - 2 * d)
    }
    package func offsetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: minX + dx, y: minY + dy, width: width, height: height)
    }
    /// True when `other` lies inside this rectangle, allowing `tolerance` points of slack.
    package func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.minY >= minY - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }
}
