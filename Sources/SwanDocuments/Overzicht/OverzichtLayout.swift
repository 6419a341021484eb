/// layout/overzicht.yaml: the sheet of the overview (swan overzicht), its sections (a band in the
/// round's colour, or a heading), and the styles of its blocks, lists and table.
package import SwanLayout

package struct OverzichtLayout: Decodable, Sendable {
    package struct PageSize: Decodable, Sendable {
        package var width: Double
        package var height: Double
    }
    package struct Colours: Decodable, Sendable {
        package var text: String
        package var neutral: String
        package var lightText: String
        package var darkText: String
    }
    package struct Band: Decodable, Sendable {
        package var height: Double
        package var style: StyleSpec
        /// The bar in the round's colour along the section's left edge.
        package var bar: Double
        /// How far the section's text is indented from the bar.
        package var indent: Double
    }
    package struct Table: Decodable, Sendable {
        package var header: StyleSpec
        package var cell: StyleSpec
        /// The share of the width the first column takes.
        package var firstColumn: Double
        package var padding: Double
        /// How light the header row is tinted with the round's colour (0 = full colour, 1 = white).
        package var headerTint: Double
        package var rule: RuleSpec
        package var spaceBefore: Double
    }

    package var page: PageSize
    package var margins: PageMargins
    package var colours: Colours
    package var title: StyleSpec
    package var subtitle: StyleSpec
    package var intro: StyleSpec
    package var sectionSpace: Double
    package var band: Band
    package var heading: StyleSpec
    package var question: StyleSpec
    package var note: StyleSpec
    package var text: StyleSpec
    package var listHeading: StyleSpec
    package var item: StyleSpec
    package var bullet: String
    package var table: Table

    package var pageSize: Size { Size.millimetres(page.width, page.height) }
}
