/// One page's content stream, written from page-model items: paths, colours, dashes, clips,
/// and glyph runs as Identity-H text (glyph ids as CIDs, TJ adjustments where HarfBuzz's
/// positions differ from the font's advances). Extracted text follows the run's text: a
/// cluster whose glyphs do not spell its text through the ToUnicode map (a ligature, an inserted
/// hyphen written differently, a character sharing a glyph) is wrapped in an ActualText span.
/// Right-to-left runs are written in logical order, a show-text operator per glyph, their
/// positional forms mapped to their letters (see `rightToLeftText`): docs/pdf-archive.md,
/// "Right-to-left text extracted", has what each extractor gives.
///
/// Extension point for tagged PDF (issue 13): `beginMarked`/`endMarked` are the one place
/// marked content is opened and closed; structure tags add MCIDs there.
import Foundation
import SwanLayout

struct PDFPageContent {
    private(set) var bytes: [UInt8] = []
    /// Resources this page uses, in first-use order (names are indexes: F0, GS0).
    private(set) var fonts: [Font] = []
    private(set) var alphas: [PDFAlpha] = []
    /// Glyph ids used per font (for the subsets), by the font's index in `fonts`.
    private(set) var glyphsUsed: [PDFGlyphSet] = []
    /// The run-wide work of each font in `fonts` (its widths and cmap as arrays), by index.
    private var faceWork: [PDFFontSubsets.FaceWork] = []
    private var state = GraphicsState()
    private var saved: [GraphicsState] = []
    let subsets: PDFFontSubsets
    let outlines: PDFGlyphOutlines
    /// Set for a PDF/X page: colours are written as inks (k/K), never as RGB.
    var inks: CMYKConversion?

    struct GraphicsState {
        var fill: Colour? = nil
        var stroke: Colour? = nil
        var lineWidth: Double? = nil
        var dash: LineStyle? = nil
        var fillAlpha = 1.0, strokeAlpha = 1.0
    }

    init(pageHeight: Double, subsets: PDFFontSubsets, outlines: PDFGlyphOutlines) {
        self.subsets = subsets
        self.outlines = outlines
        bytes.reserveCapacity(16 * 1024)
        // The page model's y axis runs down from the top: flip once for the whole page.
        raw("1 0 0 -1 0 "); number(pageHeight); raw(" cm\n")
    }

    mutating func draw(_ items: [PageItem]) {
        for item in items { draw(item) }
    }

    /// Draws a tagged page: every item ends up inside marked content, a structure element's
    /// (an MCID, recorded in `markedContent`) or an artifact's. Graphics outside any element
    /// (rules, bars, boxes, ornaments) become layout artifacts; text outside any element is
    /// counted in `untaggedText`, so a writer held to PDF/UA can refuse it.
    mutating func drawTagged(_ items: [PageItem]) {
        var index = items.startIndex
        while index < items.endIndex {
            let item = items[index]
            index += 1
            switch item {
            case .marked(.content(let id), var inner):
                // Consecutive pieces of one element (the lines of a paragraph) are one sequence:
                // one MCID instead of one per line.
                while index < items.endIndex, case .marked(.content(id), let more) = items[index] {
                    inner += more; index += 1
                }
                drawContent(of: id, inner)
            case .marked(.artifact(let kind), let inner):
                beginArtifact(kind); draw(inner); endMarked()
            case .clipped(let rect, let inner):
                clip(rect) { $0.drawTagged(inner) }
            case .turned(let centre, let inner):
                turn(around: centre) { $0.drawTagged(inner) }
            case .text(let run) where !run.decorative:
                untaggedText += 1
                draw(item)
            default:
                beginArtifact(.layout); draw(item); endMarked()
            }
        }
    }

    /// An element's items: its text in marked-content sequences with MCIDs, the graphics among
    /// it (writing rules, boxes) as layout artifacts, in the order they were given.
    private mutating func drawContent(of id: StructureID, _ items: [PageItem]) {
        func isText(_ item: PageItem) -> Bool { if case .text(let run) = item { return !run.decorative }; return false }
        var i = 0
        while i < items.count {
            switch items[i] {
            case .marked:
                drawTagged([items[i]]); i += 1
            case .clipped(let rect, let inner):
                clip(rect) { $0.drawContent(of: id, inner) }; i += 1
            case .turned(let centre, let inner):
                turn(around: centre) { $0.drawContent(of: id, inner) }; i += 1
            case let item where isText(item):
                raw("/"); raw(structureRoles[id.index]); raw("<</MCID "); int(markedContent.count); raw(">>BDC\n")
                markedContent.append(id)
                while i < items.count && isText(items[i]) { draw(items[i]); i += 1 }
                endMarked()
            default:
                beginArtifact(.layout)
                while i < items.count, !isText(items[i]) {
                    if case .marked = items[i] { break }
                    if case .clipped = items[i] { break }
                    if case .turned = items[i] { break }
                    draw(items[i]); i += 1
                }
                endMarked()
            }
        }
    }

    /// The structure element of each MCID on this page, in MCID order (tagged pages only).
    private(set) var markedContent: [StructureID] = []
    private(set) var untaggedText = 0
    /// The role names of the document's elements, by element index (set for tagged pages).
    var structureRoles: [String] = []

    private mutating func beginArtifact(_ kind: ArtifactKind) {
        raw("/Artifact<</Type/"); raw(kind.pdfName); raw(">>BDC\n")
    }

    private mutating func clip(_ rect: Rect, _ body: (inout PDFPageContent) -> Void) {
        raw("q "); number(rect.minX); raw(" "); number(rect.minY); raw(" "); number(rect.width); raw(" ")
        number(rect.height); raw(" re W n\n")
        saved.append(state)
        body(&self)
        state = saved.removeLast()
        raw("Q\n")
    }

    /// Half a turn about `centre`: (x, y) drawn at (2cx - x, 2cy - y).
    private mutating func turn(around centre: Point, _ body: (inout PDFPageContent) -> Void) {
        raw("q -1 0 0 -1 "); number(2 * centre.x); raw(" "); number(2 * centre.y); raw(" cm\n")
        saved.append(state)
        body(&self)
        state = saved.removeLast()
        raw("Q\n")
    }

    mutating func draw(_ item: PageItem) {
        switch item {
        case .marked(_, let inner):
            // Inside an element or artifact already (or an untagged document): just the content.
            draw(inner)
        case .text(let run):
            if run.decorative { drawOutlines(run) } else if run.font.emboldening > 0 { drawEmboldened(run) } else { drawText(run) }
        case .rectangle(let rect, let radius, let fill, let stroke):
            guard fill != nil || stroke != nil else { return }
            if let fill { setFill(fill) }
            if let stroke { apply(stroke) }
            path(rect, radius: radius)
            raw(fill != nil && stroke != nil ? "B\n" : fill != nil ? "f\n" : "S\n")
        case .line(let from, let to, let stroke):
            apply(stroke)
            point(from); raw("m "); point(to); raw("l S\n")
        case .clipped(let rect, let inner):
            clip(rect) { $0.draw(inner) }
        case .turned(let centre, let inner):
            turn(around: centre) { $0.draw(inner) }
        }
    }

    // MARK: text

    private mutating func drawText(_ run: GlyphRun) {
        guard !run.glyphs.isEmpty else { return }
        var text = run.text
        // The run's UTF-8 read in place (a native string's own storage), not copied per run.
        text.withUTF8 { drawText(run, $0) }
    }

    private mutating func drawText(_ run: GlyphRun, _ text: UnsafeBufferPointer<UInt8>) {
        let font = run.font
        let fontIndex = fonts.firstIndex(of: font) ?? {
            let work = subsets.work(for: font)
            fonts.append(font); faceWork.append(work); glyphsUsed.append(PDFGlyphSet(capacity: work.glyphCount))
            return fonts.count - 1
        }()
        let work = faceWork[fontIndex]
        setFill(run.colour)
        raw("BT\n/F"); int(fontIndex); raw(" "); number(run.size); raw(" Tf\n")
        let scale = run.size / 1000
        var y = run.glyphs[0].y
        moveTo(run, x: run.glyphs[0].x, y: y)
        var pen = run.glyphs[0].x
        var open = false
        var i = 0
        let glyphs = run.glyphs
        while i < glyphs.count {
            let cluster = glyphs[i].cluster
            var end = i + 1
            while end < glyphs.count && glyphs[end].cluster == cluster { end += 1 }
            var spelled = Self.spells(glyphs[i..<end], text, cluster, work.unicodeByGlyph)
            if !spelled && run.rightToLeft && end - i == 1 {
                spelled = assignText(of: glyphs[i].id, font, work.unicode, text, cluster)
            }
            if !spelled {
                noteUnmapped(glyphs[i..<end], font, work.unicode, text, cluster)
                if open { raw("]TJ\n"); open = false }
                beginMarked(actualText: String(decoding: UnsafeBufferPointer(rebasing: text[cluster.clamped(to: 0..<text.count)]), as: UTF8.self))
            }
            for index in i..<end {
                let glyph = glyphs[index]
                glyphsUsed[fontIndex].insert(glyph.id)
                if glyph.y != y {
                    if open { raw("]TJ\n"); open = false }
                    y = glyph.y
                    moveTo(run, x: glyph.x, y: y)
                    pen = glyph.x
                }
                if !open { bytes.append(0x5B); open = true }  // [
                let gap = glyph.x - pen
                if abs(gap) > 0.0005 {
                    // TJ moves left by n/1000 of the font size: round, then track where the pen is.
                    let adjustment = (-gap / scale * 100).rounded() / 100
                    number(adjustment, decimals: 2)
                    pen -= adjustment * scale
                }
                glyphHex(glyph.id)
                pen += work.width(glyph.id) * scale
                // Right to left: a show-text operator per glyph, in logical order. mupdf reads
                // the operators in their order; PDFium orders them by position and reverses the
                // right-to-left stretch, but reverses the glyphs within one operator too, which
                // would read a word written in logical order backwards (measured).
                if run.rightToLeft { raw("]TJ\n"); open = false }
            }
            if !spelled {
                if open { raw("]TJ\n"); open = false }
                endMarked()
            }
            i = end
        }
        if open { raw("]TJ\n") }
        raw("ET\n")
    }

    /// Synthetic bold (a fallback family without a bold face, `Font.emboldening`): the glyphs
    /// filled and stroked (text render mode 2) with a line as wide as the emboldening, in the
    /// text's colour with mitred joins (square corners stay square; a corner whose mitre would
    /// reach past twice the width, an acute one, is bevelled), moved right and up by half of it, so that the outlines grow as
    /// FreeType grows them for cairo (left and bottom edges kept, wider and taller).
    /// The glyphs are the plain face's, so that one font is embedded for bold and regular text.
    private mutating func drawEmboldened(_ run: GlyphRun) {
        let width = run.font.emboldening * run.size
        var run = run
        run.font = run.font.plainFace ?? run.font
        raw("q 1 0 0 1 "); number(width / 2); raw(" "); number(-width / 2); raw(" cm 0 j 2 M 2 Tr\n")
        saved.append(state)
        apply(Stroke(colour: run.colour, width: width))
        drawText(run)
        state = saved.removeLast()
        raw("Q\n")
    }

    /// Right-to-left glyphs the cmap does not name (an Arabic letter's initial, medial or final
    /// form, the lam-alef ligature), each with the text of the first cluster it stood for: the
    /// document's ToUnicode maps them so (every document, claim or not), and a cluster that
    /// stands for that text again needs no ActualText. Carried from page to page, so that every
    /// page agrees with the map. The ActualText spans are left out on purpose: PDFium reads a
    /// right-to-left word with one per letter backwards (measured, docs/pdf-archive.md).
    var rightToLeftText: [Font: [UInt32: String]] = [:]

    private mutating func assignText(of glyph: UInt32, _ font: Font, _ unicode: [UInt32: Unicode.Scalar],
                                     _ text: UnsafeBufferPointer<UInt8>, _ cluster: Range<Int>) -> Bool {
        guard glyph != 0, unicode[glyph] == nil, cluster.lowerBound < cluster.upperBound, cluster.upperBound <= text.count else { return false }
        let clusterText = String(decoding: UnsafeBufferPointer(rebasing: text[cluster]), as: UTF8.self)
        if let assigned = rightToLeftText[font]?[glyph] { return assigned == clusterText }
        rightToLeftText[font, default: [:]][glyph] = clusterText
        return true
    }

    /// Glyphs the font's cmap does not name (ligatures, contextual forms), with the text of the
    /// cluster each stands for: PDF/A level A wants every glyph in the ToUnicode map. A glyph
    /// that shares its cluster with others gets no text (and a PDF/A writer refuses it).
    private(set) var unmappedGlyphs: [Font: [UInt32: String]] = [:]
    /// Glyphs drawn as .notdef (id 0): a character no font could show.
    private(set) var notdefGlyphs = 0

    private mutating func noteUnmapped(_ glyphs: ArraySlice<PositionedGlyph>, _ font: Font, _ unicode: [UInt32: Unicode.Scalar],
                                       _ text: UnsafeBufferPointer<UInt8>, _ cluster: Range<Int>) {
        for glyph in glyphs where glyph.id == 0 { notdefGlyphs += 1 }
        for glyph in glyphs where unicode[glyph.id] == nil && glyph.id != 0 {
            let clusterText = glyphs.count == 1 ? String(decoding: UnsafeBufferPointer(rebasing: text[cluster.clamped(to: 0..<text.count)]), as: UTF8.self) : ""
            if unmappedGlyphs[font]?[glyph.id]?.isEmpty == false { continue }
            unmappedGlyphs[font, default: [:]][glyph.id] = clusterText
        }
    }

    /// True when the glyphs' ToUnicode text is exactly the cluster's text. `unicode`: each
    /// glyph's scalar value by glyph id (`FaceWork.noScalar` for none).
    private static func spells(_ glyphs: ArraySlice<PositionedGlyph>, _ text: UnsafeBufferPointer<UInt8>, _ cluster: Range<Int>,
                               _ unicode: [UInt32]) -> Bool {
        func scalar(_ glyph: UInt32) -> UInt32 { Int(glyph) < unicode.count ? unicode[Int(glyph)] : PDFFontSubsets.FaceWork.noScalar }
        guard cluster.lowerBound >= 0, cluster.upperBound <= text.count else { return false }
        // The common case first: one ASCII character, one glyph.
        if glyphs.count == 1, cluster.count == 1 {
            return scalar(glyphs.first!.id) == UInt32(text[cluster.lowerBound])
        }
        // The glyphs' scalars as UTF-8, compared byte by byte with the cluster's text.
        var position = cluster.lowerBound
        for glyph in glyphs {
            let value = scalar(glyph.id)
            guard value != PDFFontSubsets.FaceWork.noScalar, let scalar = Unicode.Scalar(value) else { return false }
            for byte in UTF8.encode(scalar)! {
                guard position < cluster.upperBound, text[position] == byte else { return false }
                position += 1
            }
        }
        return position == cluster.upperBound
    }

    /// Sets the text matrix to a glyph's position (upright text in the flipped page).
    private mutating func moveTo(_ run: GlyphRun, x: Double, y: Double) {
        raw("1 0 0 -1 "); number(run.origin.x + x, decimals: 6); raw(" "); number(run.origin.y + y, decimals: 6); raw(" Tm\n")
    }

    /// An ornament: the glyphs' outlines filled as paths, so text extraction does not read them.
    private mutating func drawOutlines(_ run: GlyphRun) {
        setFill(run.colour)
        let scale = run.size / run.font.unitsPerEm
        for glyph in run.glyphs {
            let outline = outlines.outline(run.font, glyph.id)
            let ox = run.origin.x + glyph.x, oy = run.origin.y + glyph.y
            var v = 0
            for op in outline.ops {
                switch op {
                case .move, .line:
                    number(ox + Double(outline.values[v]) * scale); raw(" "); number(oy - Double(outline.values[v + 1]) * scale)
                    raw(op == .move ? " m\n" : " l\n"); v += 2
                case .curve:
                    for k in 0..<3 {
                        number(ox + Double(outline.values[v + 2 * k]) * scale); raw(" ")
                        number(oy - Double(outline.values[v + 2 * k + 1]) * scale); raw(" ")
                    }
                    raw("c\n"); v += 6
                case .close: raw("h\n")
                }
            }
        }
        raw("f\n")
    }

    // MARK: marked content (the extension point for structure tags)

    mutating func beginMarked(actualText: String) {
        raw("/Span<</ActualText<FEFF"); hex(PDFSerializer.utf16BE(actualText)); raw(">>>BDC\n")
    }

    mutating func endMarked() { raw("EMC\n") }

    // MARK: paths and state

    private mutating func path(_ rect: Rect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        guard r > 0 else {
            number(rect.minX); raw(" "); number(rect.minY); raw(" "); number(rect.width); raw(" "); number(rect.height); raw(" re\n")
            return
        }
        // Quarter circles as cubic Béziers (the control distance that matches a circle best).
        let k = r * 0.5522847498
        let (x0, y0, x1, y1) = (rect.minX, rect.minY, rect.maxX, rect.maxY)
        point(Point(x: x1 - r, y: y0)); raw("m\n")
        curve(Point(x: x1 - r + k, y: y0), Point(x: x1, y: y0 + r - k), Point(x: x1, y: y0 + r))
        point(Point(x: x1, y: y1 - r)); raw("l\n")
        curve(Point(x: x1, y: y1 - r + k), Point(x: x1 - r + k, y: y1), Point(x: x1 - r, y: y1))
        point(Point(x: x0 + r, y: y1)); raw("l\n")
        curve(Point(x: x0 + r - k, y: y1), Point(x: x0, y: y1 - r + k), Point(x: x0, y: y1 - r))
        point(Point(x: x0, y: y0 + r)); raw("l\n")
        curve(Point(x: x0, y: y0 + r - k), Point(x: x0 + r - k, y: y0), Point(x: x0 + r, y: y0))
        raw("h\n")
    }

    private mutating func curve(_ a: Point, _ b: Point, _ c: Point) {
        point(a); point(b); point(c); raw("c\n")
    }

    private mutating func point(_ p: Point) { number(p.x); raw(" "); number(p.y); raw(" ") }

    private mutating func setFill(_ colour: Colour) {
        if colour.alpha != state.fillAlpha { setAlpha(colour.alpha, stroke: false) }
        guard state.fill != colour else { return }
        state.fill = colour
        if let inks { write(inks.cmyk(colour)); raw(" k\n"); return }
        number(colour.red); raw(" "); number(colour.green); raw(" "); number(colour.blue); raw(" rg\n")
    }

    private mutating func apply(_ stroke: Stroke) {
        if stroke.colour.alpha != state.strokeAlpha { setAlpha(stroke.colour.alpha, stroke: true) }
        if state.stroke != stroke.colour {
            state.stroke = stroke.colour
            let c = stroke.colour
            if let inks { write(inks.cmyk(c)); raw(" K\n") } else {
                number(c.red); raw(" "); number(c.green); raw(" "); number(c.blue); raw(" RG\n")
            }
        }
        if state.lineWidth != stroke.width { state.lineWidth = stroke.width; number(stroke.width); raw(" w\n") }
        if state.dash != stroke.style {
            state.dash = stroke.style
            switch stroke.style {
            case .solid: raw("[] 0 d\n")
            case .dashed(let on, let off): raw("["); number(on); raw(" "); number(off); raw("] 0 d\n")
            }
        }
    }

    private mutating func write(_ ink: CMYK) {
        number(ink.cyan); raw(" "); number(ink.magenta); raw(" "); number(ink.yellow); raw(" "); number(ink.black)
    }

    private mutating func setAlpha(_ alpha: Double, stroke: Bool) {
        let key = PDFAlpha(value: (alpha * 1000).rounded() / 1000, stroke: stroke)
        let index = alphas.firstIndex(of: key) ?? { alphas.append(key); return alphas.count - 1 }()
        raw("/GS"); int(index); raw(" gs\n")
        if stroke { state.strokeAlpha = alpha } else { state.fillAlpha = alpha }
    }

    // MARK: bytes

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
    private mutating func number(_ value: Double, decimals: Int = 3) { PDFNumber.append(value, decimals: decimals, to: &bytes) }
    private mutating func int(_ value: Int) { PDFNumber.appendInteger(value, to: &bytes) }
    private mutating func hex(_ data: [UInt8]) {
        for byte in data { bytes.append(PDFSerializer.hexDigits[Int(byte >> 4)]); bytes.append(PDFSerializer.hexDigits[Int(byte & 15)]) }
    }
    /// `<XXXX>`: a glyph id as the content stream writes it.
    @inline(__always)
    private mutating func glyphHex(_ glyph: UInt32) {
        let d = PDFSerializer.hexDigits, value = Int(UInt16(truncatingIfNeeded: glyph))
        bytes.append(0x3C)
        bytes.append(d[value >> 12]); bytes.append(d[(value >> 8) & 15]); bytes.append(d[(value >> 4) & 15]); bytes.append(d[value & 15])
        bytes.append(0x3E)
    }
}

/// A constant alpha for fills (/ca) or strokes (/CA), written as an ExtGState.
struct PDFAlpha: Hashable {
    let value: Double
    let stroke: Bool
}
