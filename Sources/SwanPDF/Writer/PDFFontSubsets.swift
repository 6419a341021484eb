/// Font work for the native writer, done once per run and reused by every document of it (an
/// archive writes thousands of invulbladen with the same four faces): subsetting with
/// HarfBuzz's hb-subset, deflating the subset, and the /W and /ToUnicode data.
///
/// Each face gets one run-wide subset: the glyphs of a fixed repertoire (Latin, Latin-1,
/// Latin Extended-A, common punctuation, with the ligatures default shaping forms from them).
/// A document whose glyphs all lie in it embeds that subset unchanged, so its bytes depend on
/// the document alone (reproducible, whatever ran before). A document that needs other glyphs
/// gets a subset of the repertoire plus its own glyphs, cached by glyph set in a bounded cache.
/// Glyph ids are kept (HB_SUBSET_FLAGS_RETAIN_GIDS): content streams use the ids HarfBuzz shaped
/// with as CIDs, with /CIDToGIDMap /Identity.
import Foundation
import SwanDiagnostics
import SwanLayout
internal import CHarfBuzz
internal import CHarfBuzzSubset

/// One embeddable subset of a face.
final class PDFFontSubset: Sendable {
    let font: Font
    /// Six capital letters naming this subset (ISO 32000-1 9.6.4), from its glyph set.
    let tag: String
    /// The subset TrueType file, deflated, and its uncompressed length (/Length1).
    let fontFile: [UInt8]
    let fontFileLength: Int
    /// The body of the /W array and the deflated ToUnicode CMap.
    let widths: [UInt8]
    let toUnicode: [UInt8]
    let glyphs: Set<UInt32>

    init(font: Font, tag: String, fontFile: [UInt8], fontFileLength: Int, widths: [UInt8], toUnicode: [UInt8], glyphs: Set<UInt32>) {
        self.font = font; self.tag = tag; self.fontFile = fontFile; self.fontFileLength = fontFileLength
        self.widths = widths; self.toUnicode = toUnicode; self.glyphs = glyphs
    }
}

final class PDFFontSubsets: Sendable {
    /// Subsets for documents with glyphs outside the repertoire, at most this many kept.
    static let extraCacheLimit = 16

    private let faces = LockedBox([Font: FaceWork]())

    /// The run-wide work for one face: its reverse cmap, repertoire glyphs and subsets.
    final class FaceWork: Sendable {
        let font: Font
        /// The text each glyph stands for in the cmap (the lowest code point mapping to it).
        let unicode: [UInt32: Unicode.Scalar]
        /// The same by glyph id, `noScalar` where the cmap names none: the content stream's
        /// per-cluster check reads an array, not a dictionary.
        let unicodeByGlyph: [UInt32]
        static let noScalar = UInt32.max
        /// Each glyph's width as /W writes it (see `PDFFontSubsets.width`), by glyph id.
        let widths: [Double]
        let glyphCount: Int
        let repertoire: Set<UInt32>
        let repertoireSet: PDFGlyphSet
        /// The font descriptor's figures, read from the font's tables once per run.
        let metrics: Font.Metrics
        /// The repertoire's subset, and the others by their glyphs beyond it (oldest first).
        struct Subsets {
            var base: PDFFontSubset?
            var extra: [[UInt32]: PDFFontSubset] = [:]
            var extraOrder: [[UInt32]] = []
        }
        let subsets = LockedBox(Subsets())

        init(font: Font) {
            self.font = font
            unicode = Self.reverseCmap(font)
            glyphCount = font.glyphCount
            var byGlyph = [UInt32](repeating: Self.noScalar, count: glyphCount)
            for (glyph, scalar) in unicode where Int(glyph) < glyphCount { byGlyph[Int(glyph)] = scalar.value }
            unicodeByGlyph = byGlyph
            widths = (0..<UInt32(glyphCount)).map { PDFFontSubsets.width(font, $0) }
            repertoire = Self.repertoireGlyphs(font)
            repertoireSet = PDFGlyphSet(repertoire)
            metrics = font.metrics
        }

        /// A glyph's width as /W writes it.
        @inline(__always)
        func width(_ glyph: UInt32) -> Double {
            Int(glyph) < widths.count ? widths[Int(glyph)] : PDFFontSubsets.width(font, glyph)
        }
    }

    /// The face's run-wide work (made on first use).
    func work(for font: Font) -> FaceWork {
        faces.withLockedValue { faces in
            if let work = faces[font] { return work }
            let work = FaceWork(font: font)
            faces[font] = work
            return work
        }
    }

    /// A subset of `font` holding every glyph in `used`.
    func subset(of font: Font, for used: PDFGlyphSet) throws -> PDFFontSubset {
        let work = work(for: font)
        return try work.subsets.withLockedValue { subsets in
            if used.isSubset(of: work.repertoireSet) {
                if let base = subsets.base { return base }
                let base = try Self.make(work, glyphs: work.repertoire)
                subsets.base = base
                return base
            }
            let key = used.subtracting(work.repertoireSet).sorted
            if let hit = subsets.extra[key] { return hit }
            let made = try Self.make(work, glyphs: work.repertoire.union(key))
            subsets.extra[key] = made
            subsets.extraOrder.append(key)
            if subsets.extraOrder.count > Self.extraCacheLimit { subsets.extra[subsets.extraOrder.removeFirst()] = nil }
            return made
        }
    }

    /// A glyph's width in /W units (1/1000 em), rounded as written: the content stream's
    /// positioning uses the same value, so glyphs land where HarfBuzz put them.
    static func width(_ font: Font, _ glyph: UInt32) -> Double {
        (Double(font.advance(of: glyph)) * 1000 / font.unitsPerEm * 1000).rounded() / 1000
    }

    // MARK: making a subset

    private static func make(_ work: FaceWork, glyphs: Set<UInt32>) throws -> PDFFontSubset {
        let font = work.font
        var all = glyphs; all.insert(0)
        let sorted = all.sorted()
        let file = try subsetFile(font, glyphs: sorted)
        return PDFFontSubset(font: font, tag: tag(font, sorted),
                             fontFile: PDFDeflate.compress(file, level: PDFDeflate.runLevel), fontFileLength: file.count,
                             widths: widthArray(font, sorted),
                             toUnicode: PDFDeflate.compress(toUnicodeCMap(sorted, work.unicode, name: font.postScriptName), level: PDFDeflate.runLevel),
                             glyphs: all)
    }

    /// hb-subset with the glyph ids kept, no hinting, no layout tables (a PDF needs outlines
    /// and metrics only).
    private static func subsetFile(_ font: Font, glyphs: [UInt32]) throws -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else { throw EngineError.coded(.subsetOutOfMemory, [:]) }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }
        hb_set_clear(hb_subset_input_unicode_set(input))
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for name in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "kern", "vhea", "vmtx"] {
            let c = Array(name.utf8).map { CChar(bitPattern: $0) }
            hb_set_add(drop, swan_hb_subset_tag(c[0], c[1], c[2], c[3]))
        }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let subset = hb_subset_or_fail(font.hbFace, input) else {
            throw EngineError.coded(.subsetFailed, ["font": "\(font.url.lastPathComponent)"])
        }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw EngineError.coded(.subsetEmpty, ["font": "\(font.url.lastPathComponent)"])
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// `first [w w …]` for each stretch of consecutive glyph ids.
    static func widthArray(_ font: Font, _ glyphs: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < glyphs.count {
            var j = i
            while j + 1 < glyphs.count && glyphs[j + 1] == glyphs[j] + 1 { j += 1 }
            PDFNumber.appendInteger(Int(glyphs[i]), to: &out); out.append(0x5B)
            for k in i...j {
                if k > i { out.append(0x20) }
                PDFNumber.append(width(font, glyphs[k]), to: &out)
            }
            out.append(0x5D)
            i = j + 1
        }
        return out
    }

    /// A ToUnicode CMap (Adobe technical note 5411) for the glyphs the cmap names.
    static func toUnicodeCMap(_ glyphs: [UInt32], _ unicode: [UInt32: Unicode.Scalar], extra: [UInt32: String] = [:],
                              name: String) -> [UInt8] {
        var out = Array("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """.utf8)
        let mapped = glyphs.compactMap { glyph -> (UInt32, String)? in
            if let scalar = unicode[glyph] { return (glyph, String(scalar)) }
            if let text = extra[glyph], !text.isEmpty { return (glyph, text) }
            return nil
        }
        var start = 0
        while start < mapped.count {
            let chunk = mapped[start..<min(start + 100, mapped.count)]
            PDFNumber.appendInteger(chunk.count, to: &out); out += Array(" beginbfchar\n".utf8)
            for (glyph, text) in chunk {
                out.append(0x3C); hex16(UInt16(glyph), &out); out += [0x3E, 0x20, 0x3C]
                for unit in text.utf16 { hex16(unit, &out) }
                out += [0x3E, 0x0A]
            }
            out += Array("endbfchar\n".utf8)
            start += 100
        }
        out += Array("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n".utf8)
        return out
    }

    static func hex16(_ value: UInt16, _ out: inout [UInt8]) {
        let d = PDFSerializer.hexDigits
        out += [d[Int(value >> 12)], d[Int((value >> 8) & 15)], d[Int((value >> 4) & 15)], d[Int(value & 15)]]
    }

    /// Six letters A–Z from a hash of the font and its glyph set.
    private static func tag(_ font: Font, _ glyphs: [UInt32]) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        font.postScriptName.utf8.forEach(mix)
        for glyph in glyphs { mix(UInt8(glyph & 0xFF)); mix(UInt8(glyph >> 8)) }
        var letters = ""
        for _ in 0..<6 { letters.append(Character(Unicode.Scalar(UInt8(65 + hash % 26)))); hash /= 26 }
        return letters
    }
}

extension PDFFontSubsets.FaceWork {
    /// Glyph -> the lowest code point the cmap maps to it. Hebrew and Arabic presentation forms
    /// (U+FB1D–U+FDFF, U+FE70–U+FEFF) name no glyph: shaping reaches those glyphs (an initial
    /// beh, the lam-alef ligature) from the letters, and the text is the letters (the writer
    /// maps such glyphs to the text of their cluster); mupdf would give the forms back.
    static func reverseCmap(_ font: Font) -> [UInt32: Unicode.Scalar] {
        guard let set = hb_set_create() else { return [:] }
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(font.hbFace, set)
        var result: [UInt32: Unicode.Scalar] = [:]
        var codepoint : hb_codepoint_t = UInt32.max  // HB_SET_VALUE_INVALID
        while hb_set_next(set, &codepoint) != 0 {
            if (0xFB1D...0xFDFF).contains(codepoint) || (0xFE70...0xFEFF).contains(codepoint) { continue }
            guard let scalar = Unicode.Scalar(codepoint), let glyph = font.glyph(for: scalar), result[glyph] == nil else { continue }
            result[glyph] = scalar
        }
        return result
    }

    /// The characters nearly every Dutch (or Western European) document uses, as glyphs, with
    /// the ligatures and contextual forms default shaping makes from them.
    static let repertoire: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x17F, 0x2010...0x2027, 0x2030...0x203A, 0x20AC...0x20AC, 0x2122...0x2122,
    ]

    static func repertoireGlyphs(_ font: Font) -> Set<UInt32> {
        var glyphs = Set<UInt32>()
        for range in repertoire { for value in range { if let s = Unicode.Scalar(value), let g = font.glyph(for: s) { glyphs.insert(g) } } }
        guard let set = hb_set_create(), let lookups = hb_set_create() else { return glyphs }
        defer { hb_set_destroy(set); hb_set_destroy(lookups) }
        for glyph in glyphs { hb_set_add(set, glyph) }
        let gsub = swan_hb_subset_tag(0x47, 0x53, 0x55, 0x42)
        let features = ["liga", "clig", "ccmp", "locl", "calt", "rlig"].map { name -> hb_tag_t in
            let c = Array(name.utf8).map { CChar(bitPattern: $0) }
            return swan_hb_subset_tag(c[0], c[1], c[2], c[3])
        } + [0]
        features.withUnsafeBufferPointer { tags in
            hb_ot_layout_collect_lookups(font.hbFace, gsub, nil, nil, tags.baseAddress, lookups)
        }
        hb_ot_layout_lookups_substitute_closure(font.hbFace, lookups, set)
        var glyph : hb_codepoint_t = UInt32.max  // HB_SET_VALUE_INVALID
        while hb_set_next(set, &glyph) != 0 { glyphs.insert(glyph) }
        return glyphs
    }
}
