/// layout/typography.yaml: which font files the deck uses, its quotes, the words a heading line
/// never ends with.
import Foundation
import SwanDeck
import SwanLayout

public struct Typography: Decodable, Equatable, Sendable {
    public struct Fonts: Decodable, Equatable, Sendable {
        /// Folder of the font files, relative to the deck folder.
        public var directory: String
        public var regular: String
        public var bold: String
        public var italic: String
        public var boldItalic: String
    }
    public var fonts: Fonts
    /// Typographic quotes for straight ones in all text set (none when absent).
    public var quotes: Quotes?
    /// Words a heading or title line never ends with (the articles).
    public var noBreakAfterInHeadings: [String]?
    /// Name particles kept with the name that follows them ("van den Berg").
    public var nameParticles: [String]?

    /// The font files, resolved against the deck folder; when they are not there (a deck copied
    /// elsewhere), against the deck's fallback folder (swan's own deck, set by the application).
    public func fontFiles(of deck: Deck) -> FontFiles {
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
