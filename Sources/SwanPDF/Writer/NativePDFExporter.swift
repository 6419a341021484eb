/// swan's own PDF writer: the page model straight to PDF 1.7, with the font work done once
/// per run (see PDFFontSubsets). Writes what cairo 1.16 cannot: Type0/CIDFontType2 fonts with
/// /CIDToGIDMap /Identity, TrimBox and BleedBox, viewer preferences (duplex, print scaling),
/// dates with the `D:` prefix, and a deterministic /ID; the same document gives the same bytes.
///
/// What a document adds beyond its pages is written by its own part, each with the same
/// `PDFSerializer` in the same single pass (docs/architecture.md): the form (`AcroFormWriter`:
/// its catalog and page entries), the structure tree (`PDFStructureWriter`, MCIDs opened by
/// `PDFPageContent.beginMarked`), and the archive's metadata, output intents and attachments
/// (`PDFArchival`, through `writeArchival`).
package import Foundation
package import SwanLayout
internal import CDeflate

package final class NativePDFExporter: DocumentExporter, Sendable {
    /// Run-wide caches: one exporter serves every document of a run (an archive, the default
    /// set), so fonts are subset and deflated once; each cache is bounded.
    let subsets = PDFFontSubsets()
    let outlines = PDFGlyphOutlines()
    /// Fixed at creation: one exporter is shared by every thread of a run.
    package let producer: String
    /// An sRGB profile for the PDF/A output intent, tried before the installed ones.
    package let iccProfile: String?

    package init(producer: String = "swan", iccProfile: String? = nil) {
        self.producer = producer; self.iccProfile = iccProfile
    }

    package func export(_ document: Document) throws -> Data {
        Data(try bytes(document))
    }

    package func exported(_ document: Document) throws -> ExportedFile {
        let written = try write(document)
        return ExportedFile(data: Data(written.bytes), claimed: written.checked.conformance, dropped: written.checked.dropped)
    }

    func bytes(_ document: Document) throws -> [UInt8] { try write(document).bytes }

    /// The file's bytes and what the conformance check let it claim.
    private func write(_ document: Document) throws -> (bytes: [UInt8], checked: PDFConformanceCheck.Checked) {
        // Content first: it decides the fonts and glyphs the document needs.
        var contents: [PDFPageContent] = []
        contents.reserveCapacity(document.pages.count)
        var fonts: [Font] = []
        var glyphs: [Font: PDFGlyphSet] = [:]
        var alphas: [PDFAlpha] = []
        let roles = document.structure.map { $0.elements.map(\.role.rawValue) }
        let inks = try document.printCondition.map { try CMYKConversion.conversion(for: $0) }
        var rightToLeftText: [Font: [UInt32: String]] = [:]
        for page in document.pages {
            var content = PDFPageContent(pageHeight: page.size.height, subsets: subsets, outlines: outlines)
            content.inks = inks
            content.rightToLeftText = rightToLeftText
            if let roles {
                content.structureRoles = roles
                content.drawTagged(page.items)
            } else {
                content.draw(page.items)
            }
            for font in content.fonts where !fonts.contains(font) { fonts.append(font) }
            for (index, font) in content.fonts.enumerated() { glyphs[font, default: PDFGlyphSet()].formUnion(content.glyphsUsed[index]) }
            for alpha in content.alphas where !alphas.contains(alpha) { alphas.append(alpha) }
            rightToLeftText = content.rightToLeftText
            contents.append(content)
        }

        // Pre-filled values as the layout set them: drawn like page text (each face they need,
        // subset with the pages' glyphs), each the content of its widget's appearance stream.
        var appearances: [String: PDFPageContent] = [:]
        for page in document.pages {
            for field in page.fields where !field.appearance.isEmpty {
                guard let rect = field.widgets.first?.rect else { continue }
                var content = PDFPageContent(pageHeight: rect.height, subsets: subsets, outlines: outlines)
                content.rightToLeftText = rightToLeftText
                content.draw(field.appearance)
                for font in content.fonts where !fonts.contains(font) { fonts.append(font) }
                for (index, font) in content.fonts.enumerated() { glyphs[font, default: PDFGlyphSet()].formUnion(content.glyphsUsed[index]) }
                rightToLeftText = content.rightToLeftText
                appearances[field.qualifiedName] = content
            }
        }

        let checked = try PDFConformanceCheck(document: document, contents: contents, rightToLeftText: rightToLeftText).check()
        let extraUnicode = checked.extraUnicode

        var w = PDFSerializer(capacity: 64 * 1024 + fonts.count * 48 * 1024, version: inks != nil ? "1.6" : "1.7")
        let catalog = w.allocate(), pageTree = w.allocate(), info = w.allocate()
        let pageRefs = document.pages.map { _ in w.allocate() }
        let fontRefs = try fonts.map { font in
            try writeFont(font, glyphs: glyphs[font] ?? PDFGlyphSet(), extraUnicode: extraUnicode[font] ?? [:], into: &w)
        }
        let form = try AcroFormWriter(document, &w)
        let alphaRefs = alphas.map { alpha -> PDFRef in
            let ref = w.allocate()
            w.object(ref) { w in w.raw(alpha.stroke ? "<</Type/ExtGState/CA " : "<</Type/ExtGState/ca "); w.number(alpha.value); w.raw(">>") }
            return ref
        }

        for (index, page) in document.pages.enumerated() {
            let content = contents[index]
            let stream = w.allocate()
            w.stream(stream, dictionary: { $0.raw("/Filter/FlateDecode") },
                     data: PDFDeflate.compress(content.bytes, level: PDFDeflate.documentLevel))
            w.object(pageRefs[index]) { w in
                w.raw("<</Type/Page/Parent "); w.ref(pageTree)
                w.raw("/MediaBox"); box(Rect(x: 0, y: 0, width: page.size.width, height: page.size.height), page, &w)
                if let bleed = page.bleedBox { w.raw("/BleedBox"); box(bleed, page, &w) }
                if let trim = page.trimBox { w.raw("/TrimBox"); box(trim, page, &w) }
                w.raw("/Contents "); w.ref(stream)
                w.raw("/Resources<<")
                if !content.fonts.isEmpty {
                    w.raw("/Font<<")
                    for (i, font) in content.fonts.enumerated() { w.raw("/F"); w.int(i); w.raw(" "); w.ref(fontRefs[fonts.firstIndex(of: font)!]) }
                    w.raw(">>")
                }
                if !content.alphas.isEmpty {
                    w.raw("/ExtGState<<")
                    for (i, alpha) in content.alphas.enumerated() { w.raw("/GS"); w.int(i); w.raw(" "); w.ref(alphaRefs[alphas.firstIndex(of: alpha)!]) }
                    w.raw(">>")
                }
                w.raw(">>")
                if document.structure != nil { w.raw("/StructParents "); w.int(index); w.raw("/Tabs/S") }
                form.pageEntries(index, &w)
                w.raw(">>")
            }
        }
        w.object(pageTree) { w in
            w.raw("<</Type/Pages/Count "); w.int(pageRefs.count); w.raw("/Kids[")
            for (i, ref) in pageRefs.enumerated() { if i > 0 { w.raw(" ") }; w.ref(ref) }
            w.raw("]>>")
        }
        try form.write(pages: pageRefs, subsets: subsets, appearances: appearances,
                       fontRefs: Dictionary(zip(fonts, fontRefs), uniquingKeysWith: { first, _ in first }), &w)
        let outlineRoot = writeOutline(document.outline, pages: pageRefs, sizes: document.pages.map(\.size), into: &w)
        let archive = try writeArchival(document, claiming: checked.conformance, pages: pageRefs, marked: contents.map(\.markedContent), into: &w)
        w.object(catalog) { w in
            w.raw("<</Type/Catalog/Pages "); w.ref(pageTree)
            if let outlineRoot { w.raw("/Outlines "); w.ref(outlineRoot); w.raw("/PageMode/UseOutlines") }
            var preferences: [String] = []
            if let duplex = document.info.duplex { preferences.append("/Duplex/" + duplex.rawValue) }
            if document.info.printAtActualSize { preferences.append("/PrintScaling/None") }
            if let range = document.info.printPageRange { preferences.append("/PrintPageRange[\(range.lowerBound) \(range.upperBound)]") }
            // PDF/UA-1 7.1: the title bar shows the document's title, not its file name.
            if document.structure != nil || !document.conformance.isEmpty { preferences.append("/DisplayDocTitle true") }
            if !preferences.isEmpty { w.raw("/ViewerPreferences<<" + preferences.joined() + ">>") }
            w.raw(archive)
            form.catalogEntries(&w)
            w.raw(">>")
        }
        let infoStart = w.bytes.count
        writeInfo(document.info, info, printed: document.printCondition != nil, into: &w)
        let id = Self.identifier(w.bytes, infoStart: infoStart)
        return (w.finish(root: catalog, info: info, id: id), checked)
    }


    // MARK: objects

    /// A page-model rectangle as a PDF box: PDF's y axis grows upwards from the page's bottom.
    private func box(_ rect: Rect, _ page: Page, _ w: inout PDFSerializer) {
        w.raw("["); w.number(rect.minX); w.raw(" "); w.number(page.size.height - rect.maxY); w.raw(" ")
        w.number(rect.maxX); w.raw(" "); w.number(page.size.height - rect.minY); w.raw("]")
    }

    /// The catalog entries of tagged and archive-grade documents, their objects written: the
    /// structure tree, /MarkInfo, /Lang, the XMP /Metadata, the output intent, embedded files.
    /// `conformance` is what the file claims (the document's, less what the check let go).
    private func writeArchival(_ document: Document, claiming conformance: Conformance, pages: [PDFRef], marked: [[StructureID]],
                               into w: inout PDFSerializer) throws -> String {
        var entries = ""
        if let language = document.language, !language.isEmpty {
            var probe = PDFSerializer.fragment(); probe.textString(language)
            entries += "/Lang " + probe.fragmentText
        }
        if let tree = document.structure {
            // Object streams are PDF 1.5, which PDF/UA allows; only PDF/A (Preflight, PDF/A-1)
            // needs the classic cross-reference table.
            let packed = !conformance.contains(.pdfA3a)
            let root = PDFStructureWriter(tree: tree, marked: marked, pages: pages, packed: packed).write(into: &w)
            entries += "/MarkInfo<</Marked true>>/StructTreeRoot \(root.number) 0 R"
        }
        if !conformance.isEmpty || document.structure != nil || document.printCondition != nil {
            let metadata = w.allocate()
            let packet = PDFArchival.xmp(document.info, language: document.language, producer: producer, conformance: conformance,
                                         printed: document.printCondition != nil)
            // Uncompressed, so that archive tools can read the metadata without a PDF parser.
            w.stream(metadata, dictionary: { $0.raw("/Type/Metadata/Subtype/XML") }, data: packet)
            entries += "/Metadata \(metadata.number) 0 R"
        }
        if conformance.contains(.pdfA3a) {
            let intent = try PDFArchival.writeOutputIntent(profilePath: iccProfile, into: &w)
            entries += "/OutputIntents[\(intent.number) 0 R]"
        } else if let condition = document.printCondition {
            let intent = PDFArchival.writePrintIntent(condition, into: &w)
            entries += "/OutputIntents[\(intent.number) 0 R]"
        }
        if !document.attachments.isEmpty {
            let specs = PDFArchival.writeAttachments(document.attachments, into: &w)
            var names = PDFSerializer.fragment()
            names.raw("/Names<</EmbeddedFiles<</Names[")
            for (i, spec) in specs.sorted(by: { Array($0.name.utf16).lexicographicallyPrecedes(Array($1.name.utf16)) }).enumerated() {
                if i > 0 { names.raw(" ") }
                names.textString(spec.name); names.raw(" "); names.ref(spec.spec)
            }
            names.raw("]>>>>/AF[")
            for (i, spec) in specs.enumerated() { if i > 0 { names.raw(" ") }; names.ref(spec.spec) }
            names.raw("]")
            entries += names.fragmentText
        }
        return entries
    }

    /// Type0 font over a CIDFontType2 with Identity-H, /CIDToGIDMap /Identity, /W, ToUnicode.
    /// `extraUnicode` names glyphs the cmap does not (ligatures) for a document that must map
    /// every glyph (PDF/A level A): such a document gets a ToUnicode map of its own.
    private func writeFont(_ font: Font, glyphs: PDFGlyphSet, extraUnicode: [UInt32: String],
                           into w: inout PDFSerializer) throws -> PDFRef {
        let subset = try subsets.subset(of: font, for: glyphs)
        let type0 = w.allocate()
        let work = subsets.work(for: font)
        let map = extraUnicode.isEmpty ? subset.toUnicode
            : PDFDeflate.compress(PDFFontSubsets.toUnicodeCMap(subset.glyphs.sorted(), work.unicode,
                                                               extra: extraUnicode, name: font.postScriptName),
                                  level: PDFDeflate.documentLevel)
        PDFCIDFont.write(font, as: type0, name: subset.tag + "+" + font.postScriptName, widths: subset.widths,
                         fontFile: subset.fontFile, fontFileLength: subset.fontFileLength, toUnicode: map,
                         metrics: work.metrics, into: &w)
        return type0
    }

    /// Bookmarks, nested as cairo nests them: a level-n entry under the last entry of level
    /// n-1, at the top when there is none. Entries start closed.
    private func writeOutline(_ entries: [OutlineEntry], pages: [PDFRef], sizes: [Size], into w: inout PDFSerializer) -> PDFRef? {
        let usable = entries.filter { $0.pageIndex >= 0 && $0.pageIndex < pages.count }
        guard !usable.isEmpty else { return nil }
        let root = w.allocate()
        let refs = usable.map { _ in w.allocate() }
        var parent = [Int?](repeating: nil, count: usable.count)
        var lastAtLevel: [Int: Int] = [:]
        for (i, entry) in usable.enumerated() {
            parent[i] = (1..<max(1, entry.level)).reversed().compactMap { lastAtLevel[$0] }.first
            lastAtLevel[entry.level] = i
            for deeper in lastAtLevel.keys where deeper > entry.level { lastAtLevel[deeper] = nil }
        }
        func children(of p: Int?) -> [Int] { usable.indices.filter { parent[$0] == p } }
        for (i, entry) in usable.enumerated() {
            let siblings = children(of: parent[i])
            let position = siblings.firstIndex(of: i)!
            let kids = children(of: i)
            w.object(refs[i]) { w in
                w.raw("<</Title "); w.textString(entry.title)
                w.raw("/Parent "); w.ref(parent[i].map { refs[$0] } ?? root)
                if position > 0 { w.raw("/Prev "); w.ref(refs[siblings[position - 1]]) }
                if position + 1 < siblings.count { w.raw("/Next "); w.ref(refs[siblings[position + 1]]) }
                if let first = kids.first, let last = kids.last {
                    w.raw("/First "); w.ref(refs[first]); w.raw("/Last "); w.ref(refs[last])
                    w.raw("/Count "); w.int(-kids.count)
                }
                w.raw("/Dest["); w.ref(pages[entry.pageIndex]); w.raw("/XYZ 0 ")
                w.number(sizes[entry.pageIndex].height - max(0, entry.y)); w.raw(" 0]>>")
            }
        }
        let top = children(of: nil)
        w.object(root) { w in
            w.raw("<</Type/Outlines/First "); w.ref(refs[top.first!]); w.raw("/Last "); w.ref(refs[top.last!])
            w.raw("/Count "); w.int(top.count); w.raw(">>")
        }
        return root
    }

    /// `printed`: a PDF/X-4 file, which names its version and says it is not trapped.
    private func writeInfo(_ info: DocumentInfo, _ ref: PDFRef, printed: Bool, into w: inout PDFSerializer) {
        w.object(ref) { w in
            w.raw("<</Title "); w.textString(info.title)
            if let author = info.author { w.raw("/Author "); w.textString(author) }
            if let subject = info.subject { w.raw("/Subject "); w.textString(subject) }
            if let keywords = info.keywords { w.raw("/Keywords "); w.textString(keywords) }
            w.raw("/Creator "); w.textString(info.creator)
            w.raw("/Producer "); w.textString(producer)
            let date = PDFDate.pdf(info.creationDate)
            w.raw("/CreationDate "); w.textString(date); w.raw("/ModDate "); w.textString(date)
            if printed { w.raw("/GTS_PDFXVersion(PDF/X-4)/Trapped/False") }
            w.raw(">>")
        }
    }

    /// A file identifier computed from the file's own bytes: the same document always gets the
    /// same /ID, two different documents practically never (not a security feature).
    static func identifier(_ bytes: [UInt8], infoStart: Int) -> [UInt8] {
        bytes.withUnsafeBytes { all -> [UInt8] in
            let crc = libdeflate_crc32(0, all.baseAddress, all.count)
            let adler = libdeflate_adler32(1, all.baseAddress, all.count)
            let infoCRC = libdeflate_crc32(0, all.baseAddress! + infoStart, all.count - infoStart)
            let length = UInt32(truncatingIfNeeded: all.count)
            var id: [UInt8] = []
            for value in [UInt32(crc), UInt32(adler), UInt32(infoCRC), length] {
                withUnsafeBytes(of: value.bigEndian) { id.append(contentsOf: $0) }
            }
            return id
        }
    }
}
