/// The native writer's form fields (issue 13): an AcroForm with every field of `Page.fields`,
/// each widget with its own appearance streams (no /NeedAppearances: Preview and Safari ignore
/// it), typed text in the document's form font embedded whole (Type0/CIDFontType2, Identity-H,
/// every glyph in /W and /ToUnicode, no subset tag: readers draw what a user types with it),
/// /Helv and /ZaDb in /DR as reader fallbacks, checkboxes with the on-state /Yes drawn as paths
/// (a tick; a radio button's option a filled dot). A pre-filled value the layout set
/// (`FillableField.appearance`) is drawn like page text, with every face it needs (the fallback
/// chain) subset in the appearance's resources, so every script shows in poppler, mupdf, PDFium.
/// See shared/notes/forms-archive.md for why each of these matters.
///
/// One pass like the rest of the writer: `plan` allocates every object number before the pages
/// are written, `annots` names a page's widgets in tab order, `write` writes the objects before
/// the catalog, and `catalogEntry` points the catalog at the form.
import Foundation
import SwanLayout

struct AcroFormWriter {
    /// A field of the tree: a parent (kids only) or a terminal field with its widgets.
    private final class Node {
        let part: String
        let ref: PDFRef
        var kids: [Node] = []
        var field: FillableField?
        var page: Int = 0
        /// The widget objects: the field itself for one widget, kids for a radio group.
        var widgets: [(ref: PDFRef, widget: FillableField.Widget)] = []
        weak var parent: Node?
        init(part: String, ref: PDFRef) { self.part = part; self.ref = ref }
    }

    private let document: Document
    private var roots: [Node] = []
    private var annotsByPage: [[PDFRef]]
    private var form: PDFRef?
    private var fontRef: PDFRef?, helvRef: PDFRef?, zadbRef: PDFRef?
    static let fontName = "FormText"

    /// Allocates the form's objects; an empty plan when no page has fields.
    init(_ document: Document, _ w: inout PDFSerializer) throws {
        self.document = document
        annotsByPage = Array(repeating: [], count: document.pages.count)
        let all = document.pages.enumerated().flatMap { index, page in page.fields.map { (index, $0) } }
        guard !all.isEmpty else { return }
        guard document.formFont != nil else { throw EngineError.coded(.formFontMissing, [:]) }
        form = w.allocate(); fontRef = w.allocate(); helvRef = w.allocate(); zadbRef = w.allocate()
        var nodes: [[String]: Node] = [:]
        for (pageIndex, field) in all {
            var parent: Node?
            for depth in 1...field.name.count {
                let path = Array(field.name.prefix(depth))
                if let existing = nodes[path] { parent = existing; continue }
                let node = Node(part: path.last!, ref: w.allocate())
                node.parent = parent
                if let parent { parent.kids.append(node) } else { roots.append(node) }
                nodes[path] = node
                parent = node
            }
            guard let node = parent, node.field == nil, node.kids.isEmpty else {
                throw EngineError.coded(.formFieldTwice, ["field": "\(field.qualifiedName)"])
            }
            node.field = field
            node.page = pageIndex
            if case .radio = field.kind {
                node.widgets = field.widgets.map { (w.allocate(), $0) }
            } else {
                node.widgets = field.widgets.prefix(1).map { (node.ref, $0) }
            }
            annotsByPage[pageIndex] += node.widgets.map(\.ref)
        }
    }

    /// `/Annots[…]` for a page with widgets, in tab order.
    func pageEntries(_ pageIndex: Int, _ w: inout PDFSerializer) {
        let refs = annotsByPage[pageIndex]
        guard !refs.isEmpty else { return }
        w.raw("/Annots[")
        for (i, ref) in refs.enumerated() { if i > 0 { w.raw(" ") }; w.ref(ref) }
        w.raw("]")
    }

    func catalogEntries(_ w: inout PDFSerializer) {
        guard let form else { return }
        w.raw("/AcroForm "); w.ref(form)
    }

    /// Writes the form: the dictionary, the fonts, every field, widget and appearance.
    func write(pages: [PDFRef], subsets: PDFFontSubsets, appearances: [String: PDFPageContent] = [:],
               fontRefs: [Font: PDFRef] = [:], _ w: inout PDFSerializer) throws {
        guard let form, let fontRef, let helvRef, let zadbRef, let font = document.formFont else { return }
        w.object(form) { w in
            w.raw("<</Fields[")
            for (i, root) in roots.enumerated() { if i > 0 { w.raw(" ") }; w.ref(root.ref) }
            w.raw("]/DA(/\(Self.fontName) 10 Tf 0 g)/DR<</Font<</\(Self.fontName) "); w.ref(fontRef)
            w.raw("/Helv "); w.ref(helvRef); w.raw("/ZaDb "); w.ref(zadbRef); w.raw(">>>>>>")
        }
        writeFullFont(font, fontRef, subsets: subsets, &w)
        w.object(helvRef) { $0.raw("<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>") }
        w.object(zadbRef) { $0.raw("<</Type/Font/Subtype/Type1/BaseFont/ZapfDingbats>>") }
        var appearance = AcroFormAppearance(font: font, fontRef: fontRef, typeset: appearances, fontRefs: fontRefs)
        for root in roots { write(root, pages: pages, appearance: &appearance, &w) }
    }

    private func write(_ node: Node, pages: [PDFRef], appearance: inout AcroFormAppearance, _ w: inout PDFSerializer) {
        for kid in node.kids { write(kid, pages: pages, appearance: &appearance, &w) }
        guard let field = node.field else {
            w.object(node.ref) { w in
                w.raw("<</T "); w.textString(node.part)
                if let parent = node.parent { w.raw("/Parent "); w.ref(parent.ref) }
                w.raw("/Kids[")
                for (i, kid) in node.kids.enumerated() { if i > 0 { w.raw(" ") }; w.ref(kid.ref) }
                w.raw("]>>")
            }
            return
        }
        let page = document.pages[node.page]
        let pageRef = pages[node.page]
        // Appearance streams first (their numbers are needed in the widget dictionaries).
        var streams: [[(state: String, ref: PDFRef)]] = []
        for entry in node.widgets {
            let rect = entry.widget.rect
            switch field.kind {
            case .text(let multiline, _):
                let text: String
                if case .text(let value) = field.value { text = value } else { text = "" }
                if let typeset = appearance.typeset(field.qualifiedName, size: rect.size, &w) {
                    streams.append([("", typeset)])
                } else {
                    streams.append([("", appearance.text(text, size: rect.size, fontSize: field.fontSize, multiline: multiline, &w))])
                }
            case .choice(let options):
                var text = ""
                if case .text(let value) = field.value { text = options.first { $0.value == value }?.shown ?? value }
                streams.append([("", appearance.text(text, size: rect.size, fontSize: field.fontSize, multiline: false, &w))])
            case .checkbox:
                streams.append([("Yes", appearance.check(rect.size, &w)), ("Off", appearance.empty(rect.size, &w))])
            case .radio:
                let option = entry.widget.option ?? "Off"
                streams.append([(option, appearance.dot(rect.size, &w)), ("Off", appearance.empty(rect.size, &w))])
            }
        }
        var flags = field.readOnly ? 1 : 0
        switch field.kind {
        case .text(let multiline, _): if multiline { flags |= 1 << 12 }
        case .radio: flags |= 1 << 15
        case .choice: flags |= 1 << 17
        case .checkbox: break
        }
        let state: String? = { if case .state(let s) = field.value { return s } else { return nil } }()

        func widgetEntries(_ index: Int, _ w: inout PDFSerializer) {
            let widget = node.widgets[index].widget
            w.raw("/Type/Annot/Subtype/Widget/P "); w.ref(pageRef)
            w.raw("/Rect[")
            w.number(widget.rect.minX); w.raw(" "); w.number(page.size.height - widget.rect.maxY); w.raw(" ")
            w.number(widget.rect.maxX); w.raw(" "); w.number(page.size.height - widget.rect.minY); w.raw("]")
            w.raw("/F "); w.int(field.hidden ? 2 : 4)
            let set = streams[index]
            switch field.kind {
            case .text, .choice:
                w.raw("/AP<</N "); w.ref(set[0].ref); w.raw(">>")
            case .checkbox, .radio:
                w.raw("/AP<</N<<")
                for entry in set { w.name(entry.state); w.raw(" "); w.ref(entry.ref) }
                w.raw(">>>>/AS/")
                w.raw(state != nil && state == set[0].state ? set[0].state : "Off")
                w.raw("/MK<<")
                // ZapfDingbats: 4 a tick, l a filled dot (what a reader draws when it redraws).
                if case .checkbox = field.kind { w.raw("/CA(4)") } else { w.raw("/CA(l)") }
                w.raw(">>")
            }
        }

        w.object(node.ref) { w in
            w.raw("<</T "); w.textString(node.part)
            if let parent = node.parent { w.raw("/Parent "); w.ref(parent.ref) }
            w.raw("/TU "); w.textString(field.tooltip)
            w.raw("/Ff "); w.int(flags)
            switch field.kind {
            case .text(_, let maxLength):
                w.raw("/FT/Tx")
                if let maxLength { w.raw("/MaxLen "); w.int(maxLength) }
                da(field, &w)
                if case .text(let value) = field.value { w.raw("/V "); w.textString(value); w.raw("/DV "); w.textString(value) }
            case .choice(let options):
                w.raw("/FT/Ch/Opt[")
                for option in options { w.raw("["); w.textString(option.value); w.textString(option.shown); w.raw("]") }
                w.raw("]")
                da(field, &w)
                if case .text(let value) = field.value { w.raw("/V "); w.textString(value) }
            case .checkbox:
                w.raw("/FT/Btn/DA(/ZaDb 0 Tf 0 g)/V/"); w.raw(state == nil ? "Off" : "Yes")
            case .radio:
                w.raw("/FT/Btn/DA(/ZaDb 0 Tf 0 g)/V/"); w.raw(state ?? "Off")
            }
            if case .radio = field.kind {
                w.raw("/Kids[")
                for (i, entry) in node.widgets.enumerated() { if i > 0 { w.raw(" ") }; w.ref(entry.ref) }
                w.raw("]")
            } else if !node.widgets.isEmpty {
                widgetEntries(0, &w)
            }
            w.raw(">>")
        }
        if case .radio = field.kind {
            for (index, entry) in node.widgets.enumerated() {
                w.object(entry.ref) { w in
                    w.raw("<<"); widgetEntries(index, &w); w.raw("/Parent "); w.ref(node.ref); w.raw(">>")
                }
            }
        }
    }

    private func da(_ field: FillableField, _ w: inout PDFSerializer) {
        w.raw("/DA(/\(Self.fontName) "); w.number(field.fontSize); w.raw(" Tf 0 g)")
    }

    /// The whole face, not a subset: a reader shows every character the user types with it.
    private func writeFullFont(_ font: Font, _ type0: PDFRef, subsets: PDFFontSubsets, _ w: inout PDFSerializer) {
        let glyphs = (0..<UInt32(font.glyphCount)).map { $0 }
        let data = [UInt8](font.data)
        let unicode = subsets.work(for: font).unicode
        PDFCIDFont.write(font, as: type0, name: font.postScriptName, widths: PDFFontSubsets.widthArray(font, glyphs),
                         fontFile: PDFDeflate.compress(data, level: PDFDeflate.documentLevel), fontFileLength: data.count,
                         toUnicode: PDFDeflate.compress(PDFFontSubsets.toUnicodeCMap(glyphs, unicode, name: font.postScriptName),
                                                        level: PDFDeflate.documentLevel),
                         into: &w)
    }
}

/// Appearance streams (form XObjects) of the widgets.
struct AcroFormAppearance {
    let font: Font
    let fontRef: PDFRef
    /// Pre-filled values the layout set (by qualified field name), and the document's font objects.
    var typeset: [String: PDFPageContent] = [:]
    var fontRefs: [Font: PDFRef] = [:]

    /// The layout's own setting of a field's value, with the faces it uses as resources; nil
    /// when the layout set none (or a face has no object, which cannot happen: all are written).
    mutating func typeset(_ name: String, size: Size, _ w: inout PDFSerializer) -> PDFRef? {
        guard let content = typeset[name], content.fonts.allSatisfy({ fontRefs[$0] != nil }) else { return nil }
        let ref = w.allocate()
        w.stream(ref, dictionary: { w in
            w.raw("/Type/XObject/Subtype/Form/BBox[0 0 "); w.number(size.width); w.raw(" "); w.number(size.height); w.raw("]")
            w.raw("/Resources<</Font<<")
            for (i, font) in content.fonts.enumerated() { w.raw("/F"); w.int(i); w.raw(" "); w.ref(fontRefs[font]!) }
            w.raw(">>>>")
        }, data: Array("/Tx BMC q\n".utf8) + content.bytes + Array("Q EMC".utf8))
        return ref
    }

    /// A filled dot, the on-state of a radio button, drawn as a path (four Bezier arcs).
    mutating func dot(_ size: Size, _ w: inout PDFSerializer) -> PDFRef {
        func n(_ v: Double) -> String { PDFNumber.format(v) }
        let (cx, cy) = (size.width / 2, size.height / 2)
        let r = min(size.width, size.height) * 0.28
        let k = r * 0.5523
        let content = "q 0 g \(n(cx + r)) \(n(cy)) m "
            + "\(n(cx + r)) \(n(cy + k)) \(n(cx + k)) \(n(cy + r)) \(n(cx)) \(n(cy + r)) c "
            + "\(n(cx - k)) \(n(cy + r)) \(n(cx - r)) \(n(cy + k)) \(n(cx - r)) \(n(cy)) c "
            + "\(n(cx - r)) \(n(cy - k)) \(n(cx - k)) \(n(cy - r)) \(n(cx)) \(n(cy - r)) c "
            + "\(n(cx + k)) \(n(cy - r)) \(n(cx + r)) \(n(cy - k)) \(n(cx + r)) \(n(cy)) c f Q"
        return stream(size, content: content, fonts: false, &w)
    }

    mutating func empty(_ size: Size, _ w: inout PDFSerializer) -> PDFRef {
        stream(size, content: "", fonts: false, &w)
    }

    /// A tick drawn as a path (no font needed, the same in every reader).
    mutating func check(_ size: Size, _ w: inout PDFSerializer) -> PDFRef {
        let (x, y) = (size.width, size.height)
        func n(_ v: Double) -> String { PDFNumber.format(v) }
        let content = "q 0 g 0 G \(n(min(x, y) * 0.12)) w 1 J 1 j \(n(x * 0.2)) \(n(y * 0.52)) m \(n(x * 0.42)) \(n(y * 0.26)) l \(n(x * 0.82)) \(n(y * 0.78)) l S Q"
        return stream(size, content: content, fonts: false, &w)
    }

    /// The text a field opens with, in lines that fit its width (a multi-line field scrolls past
    /// its height in a reader; the appearance shows what fits), marked /Tx as readers expect.
    mutating func text(_ text: String, size: Size, fontSize: Double, multiline: Bool, _ w: inout PDFSerializer) -> PDFRef {
        guard !text.isEmpty else { return stream(size, content: "/Tx BMC EMC", fonts: false, &w) }
        let padding = 2.0
        let leading = fontSize * 1.2
        let lines = multiline ? wrap(text, width: size.width - 2 * padding, fontSize: fontSize) : [text.replacingOccurrences(of: "\n", with: " ")]
        var content = "/Tx BMC q BT /\(AcroFormWriter.fontName) \(PDFNumber.format(fontSize)) Tf 0 g "
        let ascent = fontSize * font.ascender
        var y = multiline ? size.height - padding - ascent : (size.height - fontSize * 0.7) / 2
        var first = true
        for line in lines {
            if y < -fontSize { break }
            content += first ? "\(PDFNumber.format(padding)) \(PDFNumber.format(y)) Td " : "0 \(PDFNumber.format(-leading)) Td "
            first = false
            content += "<" + glyphHex(line) + "> Tj "
            y -= leading
        }
        content += "ET Q EMC"
        return stream(size, content: content, fonts: true, &w)
    }

    private func glyphHex(_ line: String) -> String {
        var out: [UInt8] = []
        for scalar in line.unicodeScalars {
            guard let glyph = font.glyph(for: scalar) else { continue }
            PDFFontSubsets.hex16(UInt16(truncatingIfNeeded: glyph), &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func advance(_ scalar: Unicode.Scalar, _ fontSize: Double) -> Double {
        guard let glyph = font.glyph(for: scalar) else { return 0 }
        return Double(font.advance(of: glyph)) / font.unitsPerEm * fontSize
    }

    /// Greedy line filling at spaces (a word longer than the line is broken anywhere).
    private func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0.0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = word.unicodeScalars.reduce(0) { $0 + advance($1, fontSize) }
                let space = line.isEmpty ? 0 : advance(" ", fontSize)
                if !line.isEmpty && lineWidth + space + wordWidth > width {
                    lines.append(line); line = ""; lineWidth = 0
                } else if !line.isEmpty {
                    line += " "; lineWidth += space
                }
                line += word; lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    private mutating func stream(_ size: Size, content: String, fonts: Bool, _ w: inout PDFSerializer) -> PDFRef {
        let ref = w.allocate()
        w.stream(ref, dictionary: { w in
            w.raw("/Type/XObject/Subtype/Form/BBox[0 0 "); w.number(size.width); w.raw(" "); w.number(size.height); w.raw("]")
            if fonts { w.raw("/Resources<</Font<</\(AcroFormWriter.fontName) "); w.ref(fontRef); w.raw(">>>>") }
        }, data: Array(content.utf8))
        return ref
    }
}
