/// layout/overzicht.yaml: the sheet of the overview (swan overzicht), its sections (a band in the
/// round's colour, or a heading), and the styles of its blocks, lists and table.
import SwanLayout

public struct OverzichtLayout: Decodable, Sendable {
    public struct PageSize: Decodable, Sendable {
        public var width: Double
        public var height: Double
    }
    public struct Colours: Decodable, Sendable {
        public var text: String
        public var neutral: String
        public var lightText: String
        public var darkText: String
    }
    public struct Band: Decodable, Sendable {
        public var height: Double
        public var style: StyleSpec
        /// The bar in the round's colour along the section's left edge.
        public var bar: Double
        /// How far the section's text is indented from the bar.
        public var indent: Double
    }
    public struct Table: Decodable, Sendable {
        public var header: StyleSpec
        public var cell: StyleSpec
        /// The share of the width the first column takes.
        public var firstColumn: Double
        public var padding: Double
        /// How light the header row is tinted with the round's colour (0 = full colour, 1 = white).
        public var headerTint: Double
        public var rule: RuleSpec
        public var spaceBefore: Double
    }

    public var page: PageSize
    public var margins: PageMargins
    public var colours: Colours
    public var title: StyleSpec
    public var subtitle: StyleSpec
    public var intro: StyleSpec
    public var sectionSpace: Double
    public var band: Band
    public var heading: StyleSpec
    public var question: StyleSpec
    public var note: StyleSpec
    public var text: StyleSpec
    public var listHeading: StyleSpec
    public var item: StyleSpec
    public var bullet: String
    public var table: Table

    public var pageSize: Size { Size.millimetres(page.width, page.height) }
}
