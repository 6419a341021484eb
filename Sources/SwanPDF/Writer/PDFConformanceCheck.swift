/// Refuses, while writing, what the document's standards forbid (as krilla's validators do):
/// a file that claims PDF/A or PDF/UA and is not is worse than one that claims nothing.
import Foundation
import SwanLayout

struct PDFConformanceCheck {
    let document: Document
    let contents: [PDFPageContent]
    /// Right-to-left glyphs the cmap does not name, with their text: in every document's ToUnicode.
    let rightToLeftText: [Font: [UInt32: String]]

    /// What the writer writes after the check: the standards the file claims, and the extra
    /// ToUnicode entries they need (glyphs the cmap does not name, with the text they stand for).
    struct Checked {
        var conformance: Conformance
        var extraUnicode: [Font: [UInt32: String]]
    }

    /// Throws for every rule the pages break, but one: a character no font can show in a
    /// document held to PDF/UA alone (the handleiding, the forms) is the user's located
    /// warning, not a failed write; that file is written without the PDF/UA claim, since it
    /// is not PDF/UA then. Only the archive (PDF/A) refuses it.
    func check() throws -> Checked {
        let conformance = document.conformance
        guard !conformance.isEmpty else { return Checked(conformance: [], extraUnicode: rightToLeftText) }
        let notdef = contents.reduce(0) { $0 + $1.notdefGlyphs }
        if notdef > 0 && !conformance.contains(.pdfA3a) {
            return Checked(conformance: conformance.subtracting(.pdfUA1), extraUnicode: rightToLeftText)
        }
        var problems: [String] = []
        if document.info.title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("the document has no title (PDF/UA-1 7.1, PDF/A dc:title)")
        }
        if document.language?.isEmpty ?? true { problems.append("the document has no language (/Lang)") }
        if document.structure == nil { problems.append("the document is not tagged (PDF/A-3a 6.8, PDF/UA-1 7.1)") }
        let untagged = contents.reduce(0) { $0 + $1.untaggedText }
        if untagged > 0 { problems.append("\(untagged) text run(s) belong to no structure element and are no artifact (PDF/UA-1 7.1)") }
        if notdef > 0 { problems.append("\(notdef) character(s) no font can show would print as .notdef (PDF/A-3 6.2.11.8)") }
        var extra: [Font: [UInt32: String]] = [:]
        for content in contents {
            for (font, glyphs) in content.unmappedGlyphs {
                for (glyph, text) in glyphs where extra[font]?[glyph]?.isEmpty != false { extra[font, default: [:]][glyph] = text }
            }
        }
        // The text the pages relied on (no ActualText) wins over any other cluster's.
        for (font, glyphs) in rightToLeftText { extra[font, default: [:]].merge(glyphs) { _, assigned in assigned } }
        let unnamed = extra.values.reduce(0) { $0 + $1.values.filter(\.isEmpty).count }
        if conformance.contains(.pdfA3a) && unnamed > 0 {
            problems.append("\(unnamed) glyph(s) have no Unicode value (PDF/A-3a 6.2.11.7.2)")
        }
        if let tree = document.structure { problems += headingProblems(tree) }
        if !problems.isEmpty { throw EngineError.pdfWriter("not written as " + name(conformance) + ": " + problems.joined(separator: "; ")) }
        return Checked(conformance: conformance, extraUnicode: extra)
    }

    /// PDF/UA-1 7.4.2: headings do not skip a level going down.
    private func headingProblems(_ tree: StructureTree) -> [String] {
        let levels: [StructureRole: Int] = [.heading1: 1, .heading2: 2, .heading3: 3, .heading4: 4]
        var last = 0
        for id in tree.readingOrder {
            guard let level = levels[tree[id].role] else { continue }
            if level > last + 1 { return ["a heading of level \(level) follows one of level \(last) (PDF/UA-1 7.4.2)"] }
            last = level
        }
        return []
    }

    private func name(_ conformance: Conformance) -> String {
        var names: [String] = []
        if conformance.contains(.pdfA3a) { names.append("PDF/A-3a") }
        if conformance.contains(.pdfUA1) { names.append("PDF/UA-1") }
        return names.joined(separator: " and ")
    }
}
