/// layout/screen.yaml: the 16:9 page of the screen edition, its header, the table page and the
/// card page, and the width of the PNG of each page.
import SwanLayout

public struct ScreenLayout: Decodable, Sendable {
    public struct PageSize: Decodable, Sendable {
        public var width: Double
        public var height: Double
    }
    public struct Header: Decodable, Sendable {
        public var height: Double
        public var title: StyleSpec
        public var detail: StyleSpec
        public var neutral: String
        public var lightText: String
        public var darkText: String
    }
    public struct Table: Decodable, Sendable {
        public var gap: Double
        public var rows: Int
        public var centreScale: Double
        public var largestScale: Double
        public var minimumScale: Double
        public var caption: StyleSpec
        public var captionLines: Int
        public var captionSpace: Double
        /// The cards around the hoofdvraag drawn as miniatures with their name only, in this
        /// style (at page size, not scaled): a shared screen shown smaller keeps it legible.
        /// Without it they are the print faces scaled down.
        public var miniature: StyleSpec?
    }
    public struct CardPage: Decodable, Sendable {
        public var gap: Double
        public var caption: StyleSpec
        public var captionSpace: Double
    }
    public struct PNG: Decodable, Sendable {
        public var width: Int
    }

    public var page: PageSize
    public var margin: Double
    public var background: String
    public var header: Header
    public var cardOutline: RuleSpec
    public var table: Table
    public var cardPage: CardPage
    public var png: PNG

    /// The page in points.
    public var pageSize: Size { Size.millimetres(page.width, page.height) }
    /// The resolution that makes a page `png.width` pixels wide (a hair less, so that rounding
    /// the page up to whole pixels does not add a column).
    public var pngDPI: Double { Double(png.width) * 72 / pageSize.width * (1 - 1e-9) }
}
