import Foundation
import SwanDiagnostics
import SwanIO

/// How much a deck may hold (docs in Templates/README.md): each file at most 4 MB, each text in
/// a YAML file (a card text, a label, a form prompt) at most 16 KB. Beyond that swan says so at
/// once instead of trying to fit megabytes onto a card.
package enum DeckLimits {
    package static let fileSize = 4 << 20
    package static let textSize = 16 << 10

    /// Refusal of a text longer than `textSize`, at its place.
    static func tooLong(_ key: String, bytes: Int, at location: SourceLocation) -> Diagnostic {
        .deck(.textTooLong, ["key": "\(key)", "size": "\(ByteCount.words(bytes / 1024 * 1024))", "limit": "\(ByteCount.words(textSize))"],
              at: location)
    }

    /// Deck files named in deck.yaml stay inside the deck folder, after symbolic links: a deck
    /// cannot print a file from elsewhere on the computer. Nil when `relative` is inside.
    static func outside(_ relative: String, in directory: URL, at location: SourceLocation?) -> Diagnostic? {
        outside(relative, in: directory, resolved: resolved(directory), at: location)
    }

    /// The deck folder as `outside` compares with it: resolved once for all the files of a deck.
    static func resolved(_ directory: URL) -> String { directory.resolvingSymlinksInPath().standardizedFileURL.path }

    static func outside(_ relative: String, in directory: URL, resolved base: String, at location: SourceLocation?) -> Diagnostic? {
        let target = directory.appendingPathComponent(relative).resolvingSymlinksInPath().standardizedFileURL.path
        if !relative.hasPrefix("/") && target.hasPrefix(base.hasSuffix("/") ? base : base + "/") { return nil }
        return .deck(.outsideDeckFolder, ["file": "\(relative)", "folder": "\(directory.path)"], at: location)
    }
}
