/// layout/cards.yaml: card size, safe area, band, colours, styles, sheet and print-shop settings.
import SwanLayout

public struct CardLayout: Decodable, Sendable {
    public struct CardSize: Decodable, Sendable {
        public var width: Double
        public var height: Double
        public var cornerRadius: Double
        public var safeMargin: Double
        public var minimumScale: Double
    }
    public struct Band: Decodable, Sendable {
        public var height: Double
        public var bottomBar: Double
    }
    public struct Decoration: Decodable, Sendable {
        public var hoofdvraagTint: Double
        public var numeralSize: Double
        /// The numeral's contrast against the card (WCAG ratio), the same in every round.
        public var numeralContrast: Double
    }
    public struct Colours: Decodable, Sendable {
        public var text: Colour
        public var neutral: Colour
        public var lightText: Colour
        public var darkText: Colour
    }
    public struct Styles: Decodable, Sendable {
        public var bandRound: StyleSpec
        public var bandLabel: StyleSpec
        public var lead: StyleSpec
        public var question: StyleSpec
        public var hoofdvraag: StyleSpec
        public var note: StyleSpec
        public var title: StyleSpec
        public var heading: StyleSpec
        public var item: StyleSpec
        public var footer: StyleSpec
        /// On a hulpvragen card: the title of the other side.
        public var otherSide: StyleSpec
        public var nameOnBack: StyleSpec
        public var commonBackTitle: StyleSpec
        public var commonBackSubtitle: StyleSpec
    }
    /// The home-print sheets: distances in millimetres, the crop-mark line width in points.
    public struct Sheet: Decodable, Sendable {
        public var columnGap: Double
        public var rowGap: Double
        public var bleed: Double
        public var margin: Double
        public var cropMarkLength: Double
        public var cropMarkOffset: Double
        public var cropMarkWidth: Double
        public var cropMarkPaperEdge: Double
        public var cropMarkMinimum: Double
    }
    /// The print-shop file: its bleed, and the press its CMYK edition (PDF/X-4) is made for:
    /// the ICC output profile (relative to the deck folder), the registered condition it
    /// characterises and the total ink allowed (percent). A deck without them makes RGB only.
    public struct PrintShop: Decodable, Sendable {
        public var bleed: Double
        public var profile: String?
        public var outputCondition: String?
        public var outputConditionInfo: String?
        public var inkLimit: Double?
    }
    public struct Previews: Decodable, Sendable {
        public var dpi: Double
        public var contactSheetDpi: Double
        public var contactSheetColumns: Int
    }

    public var card: CardSize
    public var band: Band
    public var decoration: Decoration
    public var colours: Colours
    public var styles: Styles
    public var bullet: String
    public var sheet: Sheet
    public var printShop: PrintShop
    public var previews: Previews

    /// Where the cards go on a home-print sheet of `paper`: the orientation that holds the most,
    /// with every trim far enough from the paper's edge for a full crop mark outside the
    /// printer's unprintable edge (`cropMarkPaperEdge`), whether or not marks are drawn, so
    /// that a saved back offset always refers to the same page.
    public func sheetGeometry(on paper: PaperSize) -> SheetGeometry {
        let margin = max(sheet.margin, sheet.cropMarkPaperEdge + sheet.cropMarkOffset + sheet.cropMarkLength)
        return SheetGeometry.best(paper: paper.size, card: trimSize, columnGap: mm(sheet.columnGap), rowGap: mm(sheet.rowGap),
                                  bleed: mm(sheet.bleed), margin: mm(margin))
    }

    /// The card's trim size in points.
    public var trimSize: Size { Size.millimetres(card.width, card.height) }
}
