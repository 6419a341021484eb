/// The colours of the print-shop file: CMYK for the press named in layout/cards.yaml (PDF/X-4,
/// the default), or the RGB file some shops still want.
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanLayout
import SwanIO

package enum PrintShopColour: String, Sendable, CaseIterable {
    case cmyk, rgb

    /// The press of layout/cards.yaml's `printShop`, its profile read from the deck folder (or,
    /// for a deck copied elsewhere, from swan's own deck, as the fonts are).
    static func condition(_ shop: CardLayout.PrintShop, deck: Deck) throws -> PrintCondition {
        let named = shop.profile ?? ""
        let candidates = ([deck.directory] + (deck.fontFallbackDirectory.map { [$0] } ?? []))
            .map { $0.appendingPathComponent(named).standardizedFileURL }
        guard !named.isEmpty, let identifier = shop.outputCondition, let info = shop.outputConditionInfo, let limit = shop.inkLimit,
              let file = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) })
        else {
            throw Diagnostic.error(LayoutCode.printProfileMissing, ["path": "\(candidates.first?.path ?? named)"],
                                   at: SourceLocation(file: "layout/cards.yaml"))
        }
        let profile = try InputFile.read(file, limit: 8 << 20)
        return PrintCondition(profile: Array(profile), identifier: identifier, description: info, inkLimit: limit / 100)
    }
}
