/// layout/screen.yaml: the 16:9 page of the screen edition, its header, the table page and the
/// card page, and the width of the PNG of each page.
package import SwanLayout

package struct ScreenLayout: Decodable, Sendable {
    package struct PageSize: Decodable, Sendable {
        package var width: Double
        package var height: Double
    }
    package struct Header: Decodable, Sendable {
        package var height: Double
        package var title: StyleSpec
        package var detail: StyleSpec
        package var neutral: String
        package var lightText: String
        package var darkText: String
    }
    package struct Table: Decodable, Sendable {
        package var gap: Double
        package var rows: Int
        package var centreScale: Double
        package var largestScale: Double
        package var minimumScale: Double
        package var caption: StyleSpec
        package var captionLines: Int
        package var captionSpace: Double
        /// The cards around the hoofdvraag drawn as miniatures with their name only, in this
        /// style (at page size, not scaled): a shared screen shown smaller keeps it legible.
        /// Without it they are the print faces scaled down.
        package var miniature: StyleSpec?
    }
    package struct CardPage: Decodable, Sendable {
        package var gap: Double
        package var caption: StyleSpec
        package var captionSpace: Double
    }
    package struct PNG: Decodable, Sendable {
        package var width: Int
    }

    package var page: PageSize
    package var margin: Double
    package var background: String
    package var header: Header
    package var cardOutline: RuleSpec
    package var table: Table
    package var cardPage: CardPage
    package var png: PNG

    /// The page in points.
    package var pageSize: Size { Size.millimetres(page.width, page.height) }
    /// The resolution that makes a page `png.width` pixels wide (a hair less, so that rounding
    /// the page up to whole pixels does not add a column).
    package var pngDPI: Double { Double(png.width) * 72 / pageSize.width * (1 - 1e-9) }
}
