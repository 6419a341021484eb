/// Colours read from a layout file: a value that is not "#RRGGBB" is an error naming the file and
/// the key, never black in silence.
import SwanDiagnostics
import SwanLayout

enum LayoutColour {
    static func parse(_ hex: String, key: String, layout: String) throws -> Colour {
        guard let colour = Colour(hex: hex) else {
            throw Diagnostic.error(EngineCode.invalidColour, ["path": "\(key)", "colour": "\(hex)"], at: SourceLocation(file: "layout/\(layout).yaml"))
        }
        return colour
    }
}
