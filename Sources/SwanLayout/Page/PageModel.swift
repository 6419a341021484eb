/// The neutral page model: a finished layout with items at fixed positions. Layout code
/// produces it; the exporters (native PDF, cairo PDF, cairo PNG) consume it; tests can check its geometry
/// without opening a PDF. Units are points, origin top left.
package import Foundation

/// A glyph at a position relative to its run's origin (the baseline start), with the UTF-8 byte
/// range of the run's text it shows (its cluster; glyphs of one cluster share the range, as in
/// typst's frames). Text no glyph covers (a space between merged words) is text without glyphs.
package struct PositionedGlyph: Equatable, Sendable {
    package var id: UInt32
    package var x: Double
    package var y: Double
    package var cluster: Range<Int>
    package init(id: UInt32, x: Double, y: Double, cluster: Range<Int>) {
        self.id = id; self.x = x; self.y = y; self.cluster = cluster
    }
}

/// A run of glyphs in one font, size and colour, with the text it shows: each glyph names the
/// bytes of `text` it stands for, so every exporter can make the extracted text the text set.
package struct GlyphRun: Equatable, Sendable {
    package var font: Font
    package var size: Double
    package var colour: Colour
    package var origin: Point
    package var glyphs: [PositionedGlyph]
    package var text: String
    package var width: Double
    /// The box the line this run belongs to occupies (top of line to bottom), for containment
    /// checks; in the same coordinates as `origin`.
    package var lineTop: Double
    package var lineBottom: Double
    /// Drawn as outlines, not as text: an ornament that text extraction should not read.
    package var decorative: Bool = false
    /// Right-to-left text: the glyphs stand in logical order (their clusters ascending), placed
    /// from right to left, so that every exporter writes the text as it was written.
    package var rightToLeft: Bool = false

    package var style: FontStyle { font.style }
    package var bounds: Rect {
        Rect(x: origin.x, y: lineTop, width: width, height: lineBottom - lineTop)
    }
    package func offsetBy(dx: Double, dy: Double) -> GlyphRun {
        var copy = self
        copy.origin.x += dx; copy.origin.y += dy; copy.lineTop += dy; copy.lineBottom += dy
        return copy
    }

    /// The run as consecutive clusters in text order: (UTF-8 bytes, glyph count), with text
    /// no glyph covers as clusters of no glyphs. This is cairo's convention for
    /// `cairo_show_text_glyphs`; the native writer uses the same walk for ActualText.
    package var clusterSpans: [(bytes: Int, glyphs: Int)] {
        var spans: [(bytes: Int, glyphs: Int)] = []
        var position = 0
        var i = 0
        while i < glyphs.count {
            let range = glyphs[i].cluster
            var count = 1
            while i + count < glyphs.count && glyphs[i + count].cluster == range { count += 1 }
            if range.lowerBound > position { spans.append((range.lowerBound - position, 0)) }
            spans.append((range.count, count))
            position = max(position, range.upperBound)
            i += count
        }
        let total = text.utf8.count
        if total > position { spans.append((total - position, 0)) }
        return spans
    }
}

package enum LineStyle: Equatable, Sendable {
    case solid
    case dashed(on: Double, off: Double)
}

package struct Stroke: Equatable, Sendable {
    package var colour: Colour
    package var width: Double
    package var style: LineStyle
    package init(colour: Colour, width: Double, style: LineStyle = .solid) {
        self.colour = colour; self.width = width; self.style = style
    }
}

/// What a page holds.
package enum PageItem: Equatable, Sendable {
    case text(GlyphRun)
    case rectangle(Rect, cornerRadius: Double, fill: Colour?, stroke: Stroke?)
    case line(from: Point, to: Point, stroke: Stroke)
    /// Items clipped to a rectangle (a card's bleed area on a sheet, for example).
    case clipped(Rect, [PageItem])
    /// Items turned half a turn about a point (a card's back on a sheet flipped over its short edge).
    case turned(around: Point, [PageItem])
    /// Items that are one structure element's content, or an artifact (tagged PDF).
    case marked(Marking, [PageItem])
}

/// A bookmark: a title that jumps to a position on a page.
package struct OutlineEntry: Equatable, Sendable {
    package var title: String
    package var level: Int
    package var pageIndex: Int
    package var y: Double
    package init(title: String, level: Int, pageIndex: Int, y: Double) {
        self.title = title; self.level = level; self.pageIndex = pageIndex; self.y = y
    }
}

package struct Page: Equatable, Sendable {
    package var size: Size
    package var items: [PageItem] = []
    /// Where the finished piece is cut (print shop), and how far backgrounds run past it.
    package var trimBox: Rect?
    package var bleedBox: Rect?
    /// Form fields on this page, in tab order (see FillableField); empty for a printed page.
    package var fields: [FillableField] = []
    package init(size: Size) { self.size = size }

    package mutating func add(_ item: PageItem) { items.append(item) }
    package mutating func add(_ items: [PageItem]) { self.items.append(contentsOf: items) }

    /// The page's items with structure markings taken off (what is drawn, in order), for
    /// geometry checks that do not care about tags.
    package var unmarkedItems: [PageItem] {
        func unwrap(_ items: [PageItem]) -> [PageItem] {
            items.flatMap { item -> [PageItem] in
                if case .marked(_, let inner) = item { return unwrap(inner) }
                return [item]
            }
        }
        return unwrap(items)
    }

    /// Every glyph run on the page, clipped groups included.
    package var glyphRuns: [GlyphRun] {
        func collect(_ items: [PageItem]) -> [GlyphRun] {
            items.flatMap { item -> [GlyphRun] in
                switch item {
                case .text(let run): [run]
                case .clipped(_, let inner), .marked(_, let inner), .turned(_, let inner): collect(inner)
                default: []
                }
            }
        }
        return collect(items)
    }
}

/// Document-level information written into the PDF.
package struct DocumentInfo: Equatable, Sendable {
    package var title: String
    package var subject: String?
    package var author: String?
    package var keywords: String?
    package var creator: String
    /// The creation date written into the file: pinned so that output is reproducible.
    package var creationDate: Date
    /// Print hints for viewers: duplex mode and "no scaling" (set with qpdf after cairo).
    package var duplex: Duplex?
    package var printAtActualSize: Bool
    /// The pages a print dialog offers to print (1-based, written as /PrintPageRange): the card
    /// pages of the home sheets, not their instruction page.
    package var printPageRange: ClosedRange<Int>? = nil
    package init(title: String, subject: String? = nil, author: String? = nil, keywords: String? = nil,
                creator: String = "swan", creationDate: Date, duplex: Duplex? = nil, printAtActualSize: Bool = false) {
        self.title = title; self.subject = subject; self.author = author; self.keywords = keywords
        self.creator = creator; self.creationDate = creationDate; self.duplex = duplex
        self.printAtActualSize = printAtActualSize
    }
    package enum Duplex: String, Sendable { case flipLongEdge = "DuplexFlipLongEdge", flipShortEdge = "DuplexFlipShortEdge", simplex = "Simplex" }
}

package struct Document: Equatable, Sendable {
    package var info: DocumentInfo
    package var pages: [Page]
    package var outline: [OutlineEntry]
    /// The natural language of the text (BCP 47, from the deck), written as the catalog's /Lang.
    package var language: String?
    /// The logical structure: when present the PDF is tagged (see Structure.swift).
    package var structure: StructureTree?
    /// Files carried inside the PDF (the archived session, as a PDF/A-3 associated file).
    package var attachments: [Attachment] = []
    /// The standards the PDF must meet; the native writer refuses what they forbid.
    package var conformance: Conformance = []
    /// Set for a print-shop file: the pages' colours go to this press's inks and the file is
    /// PDF/X-4 with the condition as its output intent (native writer only).
    package var printCondition: PrintCondition?
    /// The face a form's typed text is shown in (embedded whole: readers draw what a user types
    /// with it); nil when the document has no fields.
    package var formFont: Font?
    package init(info: DocumentInfo, pages: [Page] = [], outline: [OutlineEntry] = []) {
        self.info = info; self.pages = pages; self.outline = outline
    }
}

/// A file embedded in the PDF, with its relation to the document (PDF/A-3 /AFRelationship).
package struct Attachment: Equatable, Sendable {
    package var name: String
    package var mediaType: String
    package var description: String
    package var data: Data
    package var modified: Date
    package var relationship: Relationship
    package init(name: String, mediaType: String, description: String, data: Data, modified: Date,
                relationship: Relationship = .source) {
        self.name = name; self.mediaType = mediaType; self.description = description
        self.data = data; self.modified = modified; self.relationship = relationship
    }
    package enum Relationship: String, Sendable { case source = "Source", data = "Data", alternative = "Alternative", supplement = "Supplement" }
}

/// Archive and accessibility standards a document is written to.
package struct Conformance: OptionSet, Equatable, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }
    /// PDF/A-3a (ISO 19005-3, level A: tagged, Unicode for every glyph), with an sRGB output intent.
    package static let pdfA3a = Conformance(rawValue: 1)
    /// PDF/UA-1 (ISO 14289-1): tagged, title shown, language, every content tagged or artifact.
    package static let pdfUA1 = Conformance(rawValue: 2)
    /// The archive's standards: both at once.
    package static let archive: Conformance = [.pdfA3a, .pdfUA1]
}

extension PageItem {
    /// The same item moved by (dx, dy): layouts are made in local coordinates and placed.
    package func offsetBy(dx: Double, dy: Double) -> PageItem {
        switch self {
        case .text(let run): return .text(run.offsetBy(dx: dx, dy: dy))
        case .rectangle(let rect, let radius, let fill, let stroke):
            return .rectangle(rect.offsetBy(dx: dx, dy: dy), cornerRadius: radius, fill: fill, stroke: stroke)
        case .line(let from, let to, let stroke):
            return .line(from: Point(x: from.x + dx, y: from.y + dy), to: Point(x: to.x + dx, y: to.y + dy), stroke: stroke)
        case .clipped(let rect, let items): return .clipped(rect.offsetBy(dx: dx, dy: dy), items.map { $0.offsetBy(dx: dx, dy: dy) })
        case .marked(let marking, let items): return .marked(marking, items.map { $0.offsetBy(dx: dx, dy: dy) })
        case .turned(let centre, let items): return .turned(around: Point(x: centre.x + dx, y: centre.y + dy), items.map { $0.offsetBy(dx: dx, dy: dy) })
        }
    }
}

extension Array where Element == PageItem {
    package func offsetBy(dx: Double, dy: Double) -> [PageItem] { map { $0.offsetBy(dx: dx, dy: dy) } }

    /// The same items with every structure element renamed through `map` (indexes of a grafted
    /// tree, see `StructureTree.graft`).
    package func restructured(_ map: [StructureID]) -> [PageItem] {
        self.map { item in
            switch item {
            case .marked(.content(let id), let inner): .marked(.content(map[id.index]), inner.restructured(map))
            case .marked(let marking, let inner): .marked(marking, inner.restructured(map))
            case .clipped(let rect, let inner): .clipped(rect, inner.restructured(map))
            case .turned(let centre, let inner): .turned(around: centre, inner.restructured(map))
            default: item
            }
        }
    }
}
