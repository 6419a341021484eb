/// layout/cards.yaml: card size, safe area, band, colours, styles, sheet and print-shop settings.
package import SwanLayout

package struct CardLayout: Decodable, Sendable {
    package struct CardSize: Decodable, Sendable {
        package var width: Double
        package var height: Double
        package var cornerRadius: Double
        package var safeMargin: Double
        package var minimumScale: Double
    }
    package struct Band: Decodable, Sendable {
        package var height: Double
        package var bottomBar: Double
    }
    package struct Decoration: Decodable, Sendable {
        package var hoofdvraagTint: Double
        package var numeralSize: Double
        /// The numeral's contrast against the card (WCAG ratio), the same in every round.
        package var numeralContrast: Double
    }
    package struct Colours: Decodable, Sendable {
        package var text: Colour
        package var neutral: Colour
        package var lightText: Colour
        package var darkText: Colour
    }
    package struct Styles: Decodable, Sendable {
        package var bandRound: StyleSpec
        package var bandLabel: StyleSpec
        package var lead: StyleSpec
        package var question: StyleSpec
        package var hoofdvraag: StyleSpec
        package var note: StyleSpec
        package var title: StyleSpec
        package var heading: StyleSpec
        package var item: StyleSpec
        package var footer: StyleSpec
        /// On a hulpvragen card: the title of the other side.
        package var otherSide: StyleSpec
        package var nameOnBack: StyleSpec
        package var commonBackTitle: StyleSpec
        package var commonBackSubtitle: StyleSpec
    }
    /// The home-print sheets: distances in millimetres, the crop-mark line width in points.
    package struct Sheet: Decodable, Sendable {
        package var columnGap: Double
        package var rowGap: Double
        package var bleed: Double
        package var margin: Double
        package var cropMarkLength: Double
        package var cropMarkOffset: Double
        package var cropMarkWidth: Double
        package var cropMarkPaperEdge: Double
        package var cropMarkMinimum: Double
    }
    /// The print-shop file: its bleed, and the press its CMYK edition (PDF/X-4) is made for:
    /// the ICC output profile (relative to the deck folder), the registered condition it
    /// characterises and the total ink allowed (percent). A deck without them makes RGB only,
    /// unless swan's own deck has them: then a deck from before they existed gets the shipped
    /// press (LayoutRequirement.cards).
    package struct PrintShop: Decodable, Sendable {
        package var bleed: Double
        package var profile: String?
        package var outputCondition: String?
        package var outputConditionInfo: String?
        package var inkLimit: Double?
    }
    package struct Previews: Decodable, Sendable {
        package var dpi: Double
        package var contactSheetDpi: Double
        package var contactSheetColumns: Int
    }

    package var card: CardSize
    package var band: Band
    package var decoration: Decoration
    package var colours: Colours
    package var styles: Styles
    package var bullet: String
    package var sheet: Sheet
    package var printShop: PrintShop
    package var previews: Previews

    /// Where the cards go on a home-print sheet of `paper`: the orientation that holds the most,
    /// with every trim far enough from the paper's edge for a full crop mark outside the
    /// printer's unprintable edge (`cropMarkPaperEdge`), whether or not marks are drawn, so
    /// that a saved back offset always refers to the same page.
    package func sheetGeometry(on paper: PaperSize) -> SheetGeometry {
        let margin = max(sheet.margin, sheet.cropMarkPaperEdge + sheet.cropMarkOffset + sheet.cropMarkLength)
        return SheetGeometry.best(paper: paper.size, card: trimSize, columnGap: mm(sheet.columnGap), rowGap: mm(sheet.rowGap),
                                  bleed: mm(sheet.bleed), margin: mm(margin))
    }

    /// The card's trim size in points.
    package var trimSize: Size { Size.millimetres(card.width, card.height) }
}
