/// How far a printer puts the back of a sheet off its front, in millimetres, as read off the
/// calibration sheet (`swan cards --kind calibration`): X to the right and Y downwards, as seen
/// on the front held to the light. The home sheets move every back page the other way, so
/// that each back lands on its front; fronts and their crop marks never move.
import Foundation
import SwanLayout

package struct BackOffset: Sendable, Equatable {
    package var x: Double
    package var y: Double

    package init(x: Double, y: Double) { self.x = x; self.y = y }

    package static let zero = BackOffset(x: 0, y: 0)
    /// The largest offset swan corrects, in millimetres: a printer further off needs its paper
    /// guides or settings fixed first.
    package static let limit = 10.0

    package var isZero: Bool { x == 0 && y == 0 }
    package var isWithinLimit: Bool { abs(x) <= Self.limit && abs(y) <= Self.limit }

    /// The move of a back page's content, in that page's own coordinates (points), that cancels
    /// the offset: the back page is the front's mirror image across the flip axis.
    package func correction(on geometry: SheetGeometry, flip: FlipEdge) -> (dx: Double, dy: Double) {
        geometry.mirrorsLeftRight(flip) ? (mm(x) + 0, mm(-y) + 0) : (mm(-x) + 0, mm(y) + 0)
    }

    /// "X,Y" with a decimal point, as on the command line and in the settings file ("1.25,-0.5");
    /// nil for anything else.
    package init?(text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 16 && Self.isNumber($0) }),
              let x = Double(parts[0]), let y = Double(parts[1]), x.isFinite, y.isFinite else { return nil }
        self.init(x: x + 0, y: y + 0)
    }

    /// As written back: two decimals, a point, no "-0.00".
    package var text: String { "\(Self.format(x)),\(Self.format(y))" }

    package static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(format: "%.2f", rounded == 0 ? 0 : rounded)
    }

    /// Plain decimal numbers only: no exponents, "nan", "inf" or hexadecimal that Double accepts.
    private static func isNumber(_ text: String) -> Bool {
        var digits = 0, points = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "+" where index == 0, "-" where index == 0: continue
            case "0"..."9": digits += 1
            case ".": points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
