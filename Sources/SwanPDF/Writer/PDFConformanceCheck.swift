/// Refuses, while writing, what the document's standards forbid (as krilla's validators do):
/// a file that claims PDF/A or PDF/UA and is not is worse than one that claims nothing.
import Foundation
import SwanDiagnostics
import SwanLayout

struct PDFConformanceCheck {
    let document: Document
    let contents: [PDFPageContent]
    /// Right-to-left glyphs the cmap does not name, with their text: in every document's ToUnicode.
    let rightToLeftText: [Font: [UInt32: String]]

    /// What the writer writes after the check: the standards the file claims, the extra
    /// ToUnicode entries they need (glyphs the cmap does not name, with the text they stand for),
    /// and why a standard the document asked for is not claimed (warnings for the run to tell).
    struct Checked {
        var conformance: Conformance
        var extraUnicode: [Font: [UInt32: String]]
        var dropped: [Diagnostic] = []
    }

    /// Throws every rule the pages break, each by its code with its page where it has one (as
    /// krilla's ValidationError), but one: a character no font can show in a document held to
    /// PDF/UA alone (the handleiding, the forms) is the user's located warning, not a failed
    /// write; that file is written without the PDF/UA claim, since it is not PDF/UA then, and
    /// `dropped` says so. Only the archive (PDF/A) refuses it.
    func check() throws -> Checked {
        let conformance = document.conformance
        guard !conformance.isEmpty else { return Checked(conformance: [], extraUnicode: rightToLeftText) }
        let notdef = contents.reduce(0) { $0 + $1.notdefGlyphs }
        if notdef > 0 && !conformance.contains(.pdfA3a) {
            let pages = contents.indices.filter { contents[$0].notdefGlyphs > 0 }.map { String($0 + 1) }
            let dropped = Diagnostic.warning(EngineCode.claimDropped, ["standard": "\(name(.pdfUA1))", "count": "\(notdef)",
                                                                       "pages": "\(pages.joined(separator: ", "))"])
            return Checked(conformance: conformance.subtracting(.pdfUA1), extraUnicode: rightToLeftText, dropped: [dropped])
        }
        let standard = name(conformance)
        var problems: [Diagnostic] = []
        func problem(_ code: EngineCode, _ arguments: [String: MessageArgument] = [:]) {
            problems.append(.error(code, arguments.merging(["standard": "\(standard)"]) { given, _ in given }))
        }
        if document.info.title.trimmingCharacters(in: .whitespaces).isEmpty { problem(.conformanceNoTitle) }
        if document.language?.isEmpty ?? true { problem(.conformanceNoLanguage) }
        if document.structure == nil { problem(.conformanceNotTagged) }
        for (index, content) in contents.enumerated() where content.untaggedText > 0 {
            problem(.conformanceUntaggedText, ["page": "\(index + 1)", "count": "\(content.untaggedText)"])
        }
        for (index, content) in contents.enumerated() where content.notdefGlyphs > 0 {
            problem(.conformanceNotdef, ["page": "\(index + 1)", "count": "\(content.notdefGlyphs)"])
        }
        var extra: [Font: [UInt32: String]] = [:]
        for content in contents {
            for (font, glyphs) in content.unmappedGlyphs {
                for (glyph, text) in glyphs where extra[font]?[glyph]?.isEmpty != false { extra[font, default: [:]][glyph] = text }
            }
        }
        // The text the pages relied on (no ActualText) wins over any other cluster's.
        for (font, glyphs) in rightToLeftText { extra[font, default: [:]].merge(glyphs) { _, assigned in assigned } }
        if conformance.contains(.pdfA3a) {
            for (font, glyphs) in extra.sorted(by: { $0.key.url.path < $1.key.url.path }) {
                let unnamed = glyphs.values.filter(\.isEmpty).count
                if unnamed > 0 { problem(.conformanceNoUnicode, ["count": "\(unnamed)", "font": "\(font.postScriptName)"]) }
            }
        }
        if let tree = document.structure, let skip = headingSkip(tree) {
            problem(.conformanceHeadingSkip, ["level": "\(skip.level)", "previous": "\(skip.previous)"])
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return Checked(conformance: conformance, extraUnicode: extra)
    }

    /// PDF/UA-1 7.4.2: headings do not skip a level going down; the first that does.
    private func headingSkip(_ tree: StructureTree) -> (level: Int, previous: Int)? {
        let levels: [StructureRole: Int] = [.heading1: 1, .heading2: 2, .heading3: 3, .heading4: 4]
        var last = 0
        for id in tree.readingOrder {
            guard let level = levels[tree[id].role] else { continue }
            if level > last + 1 { return (level, last) }
            last = level
        }
        return nil
    }

    /// The standards' own names (the same in every language), joined without a word.
    private func name(_ conformance: Conformance) -> String {
        var names: [String] = []
        if conformance.contains(.pdfA3a) { names.append("PDF/A-3a") }
        if conformance.contains(.pdfUA1) { names.append("PDF/UA-1") }
        return names.joined(separator: ", ")
    }
}
