/// A Type0 font over a CIDFontType2 with Identity-H, /CIDToGIDMap /Identity, /W and a
/// ToUnicode map: how every font is written, the pages' subsets and the form's whole face alike.
import SwanLayout
enum PDFCIDFont {
    /// Writes the font objects with `type0` as the font's reference; `fontFile` and `toUnicode`
    /// are Flate-compressed, `fontFileLength` is the font file's size before compression.
    /// `metrics`: the font's, when the caller has them at hand (read once per run).
    static func write(_ font: Font, as type0: PDFRef, name: String, widths: [UInt8], fontFile: [UInt8],
                      fontFileLength: Int, toUnicode: [UInt8], metrics: Font.Metrics? = nil, into w: inout PDFSerializer) {
        let cidFont = w.allocate(), descriptor = w.allocate(), file = w.allocate(), toUnicodeRef = w.allocate()
        let metrics = metrics ?? font.metrics
        let unit = 1000 / font.unitsPerEm
        w.object(type0) { w in
            w.raw("<</Type/Font/Subtype/Type0/BaseFont/"); w.raw(name); w.raw("/Encoding/Identity-H/DescendantFonts[")
            w.ref(cidFont); w.raw("]/ToUnicode "); w.ref(toUnicodeRef); w.raw(">>")
        }
        w.object(cidFont) { w in
            w.raw("<</Type/Font/Subtype/CIDFontType2/BaseFont/"); w.raw(name)
            w.raw("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor "); w.ref(descriptor)
            w.raw("/CIDToGIDMap/Identity/DW 0/W["); w.raw(widths); w.raw("]>>")
        }
        w.object(descriptor) { w in
            w.raw("<</Type/FontDescriptor/FontName/"); w.raw(name)
            // Flags: 32 nonsymbolic (Latin text), plus 64 italic.
            w.raw("/Flags "); w.int(font.style.isItalic ? 96 : 32)
            w.raw("/FontBBox[")
            for (i, v) in metrics.boundingBox.enumerated() { if i > 0 { w.raw(" ") }; w.number(Double(v) * unit) }
            w.raw("]/ItalicAngle "); w.number(metrics.italicAngle)
            w.raw("/Ascent "); w.number(Double(metrics.ascender) * unit); w.raw("/Descent "); w.number(Double(metrics.descender) * unit)
            w.raw("/CapHeight "); w.number(Double(metrics.capHeight) * unit)
            w.raw("/StemV "); w.int(font.style.isBold ? 140 : 80)
            w.raw("/FontFile2 "); w.ref(file); w.raw(">>")
        }
        w.stream(file, dictionary: { w in w.raw("/Filter/FlateDecode/Length1 "); w.int(fontFileLength) }, data: fontFile)
        w.stream(toUnicodeRef, dictionary: { $0.raw("/Filter/FlateDecode") }, data: toUnicode)
    }
}
