/// layout/typography.yaml: which font files the deck uses, its quotes, the words a heading line
/// never ends with.
import Foundation
package import SwanDeck
package import SwanLayout

package struct Typography: Decodable, Equatable, Sendable {
    package struct Fonts: Decodable, Equatable, Sendable {
        /// Folder of the font files, relative to the deck folder.
        package var directory: String
        package var regular: String
        package var bold: String
        package var italic: String
        package var boldItalic: String
    }
    package var fonts: Fonts
    /// Typographic quotes for straight ones in all text set (none when absent).
    package var quotes: Quotes?
    /// Words a heading or title line never ends with (the articles).
    package var noBreakAfterInHeadings: [String]?
    /// Name particles kept with the name that follows them ("van den Berg").
    package var nameParticles: [String]?

    /// The font files, resolved against the deck folder; when they are not there (a deck copied
    /// elsewhere), against the deck's fallback folder (swan's own deck, set by the application).
    package func fontFiles(of deck: Deck) -> FontFiles {
        var folder = deck.directory.appendingPathComponent(fonts.directory).standardizedFileURL
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(fonts.regular).path),
           let fallback = deck.fontFallbackDirectory?.appendingPathComponent(fonts.directory).standardizedFileURL,
           FileManager.default.fileExists(atPath: fallback.appendingPathComponent(fonts.regular).path) {
            folder = fallback
        }
        return FontFiles(regular: folder.appendingPathComponent(fonts.regular),
                         bold: folder.appendingPathComponent(fonts.bold),
                         italic: folder.appendingPathComponent(fonts.italic),
                         boldItalic: folder.appendingPathComponent(fonts.boldItalic))
    }
}
