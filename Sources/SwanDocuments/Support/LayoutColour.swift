/// Colours read from a layout file: a value that is not "#RRGGBB" is an error naming the file and
/// the key, never black in silence.
import SwanEngine

enum LayoutColour {
    static func parse(_ hex: String, key: String, layout: String) throws -> Colour {
        guard let colour = Colour(hex: hex) else {
            throw LayoutProblem(subject: "layout/\(layout).yaml", message: "'\(key)': invalid colour '\(hex)'; expected \"#RRGGBB\"")
        }
        return colour
    }
}
