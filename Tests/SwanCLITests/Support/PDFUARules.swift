import Foundation
import XCTest

/// The PDF/UA-1 rules (ISO 14289-1, as veraPDF's PDFUA-1 profile words them) that no validator
/// here checks, read back with qpdf and poppler, never with swan's own model: what every file
/// that claims PDF/UA-1 is tested against (the archive, the handleiding, the forms, the checklist).
enum PDFUARules {
    /// The rules `pdf` breaks, as text (empty when it keeps every rule checked here).
    static func problems(_ pdf: URL, language: String = "nl") throws -> [String] {
        let objects = try PDFObjects(pdf)
        let catalog = objects.catalog
        var problems: [String] = []
        // 5: the identification, in the XMP metadata.
        guard let xmp = xmp(objects) else { return ["no XMP /Metadata"] }
        if !xmp.contains("<pdfuaid:part>1</pdfuaid:part>") { problems.append("5: no pdfuaid:part 1 in the XMP") }
        // 7.1: a title (dc:title, the info's /Title), shown in the title bar.
        let title = PDFObjects.text(objects.info["/Title"]) ?? ""
        if title.isEmpty { problems.append("7.1: no /Title") }
        if !xmp.contains("<dc:title>") || !xmp.contains(">\(escaped(title))</rdf:li>") {
            problems.append("7.1: dc:title is not the info title '\(title)'")
        }
        if objects.dictionary(catalog["/ViewerPreferences"])?["/DisplayDocTitle"] as? Bool != true {
            problems.append("7.1: no /DisplayDocTitle true")
        }
        // 7.2: the natural language.
        if PDFObjects.text(catalog["/Lang"]) != language { problems.append("7.2: /Lang is not \(language)") }
        // 7.1: tagged; every painting operator inside tagged content or an artifact.
        if objects.dictionary(catalog["/MarkInfo"])?["/Marked"] as? Bool != true { problems.append("7.1: not /Marked") }
        for (index, page) in objects.pages.enumerated() {
            if page["/StructParents"] as? Int == nil { problems.append("7.1: page \(index + 1) has no /StructParents") }
            if page["/Tabs"] as? String != "/S" { problems.append("7.18.3: page \(index + 1) has no /Tabs /S") }
            for ref in objects.array(page["/Contents"]) ?? [page["/Contents"] as Any] {
                guard let data = objects.streamData(ref) else { problems.append("page \(index + 1): no content stream"); continue }
                problems += MarkedContentCheck.problems(data).map { "7.1: page \(index + 1): \($0)" }
                if !String(decoding: data, as: UTF8.self).contains("/MCID") { problems.append("7.1: page \(index + 1) has no tagged content") }
            }
        }
        let elements = structureElements(objects)
        if elements.isEmpty { problems.append("7.1: no structure tree") }
        if elements.first?["/S"] as? String != "/Document" { problems.append("the structure does not start with Document") }
        // 7.4.2: headings do not skip a level going down; 7.9: every Note has an /ID.
        var level = 0
        for element in elements {
            let role = element["/S"] as? String ?? ""
            if let heading = ["/H1": 1, "/H2": 2, "/H3": 3, "/H4": 4, "/H5": 5, "/H6": 6][role] {
                if heading > level + 1 { problems.append("7.4.2: H\(heading) follows H\(level)") }
                level = heading
            }
            if role == "/Note" && element["/ID"] == nil {
                problems.append("7.9: a Note without /ID")
            }
        }
        problems += tableProblems(objects)
        // 7.21.4.1 and 7.21.7: every font embedded, with a Unicode map (pdffonts: emb, sub, uni).
        let fonts = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/pdffonts"), [pdf.path]).stdout
        for line in fonts.split(separator: "\n").dropFirst(2) where !line.split(separator: " ").suffix(5).prefix(3).allSatisfy({ $0 == "yes" }) {
            problems.append("7.21: not embedded, subset and mapped: \(line)")
        }
        return problems
    }

    /// 7.5: tables are Table > TR > TH/TD, every row with as many cells, every header cell with
    /// a /Scope (Matterhorn 15-003; these tables have no /Headers ids).
    static func tableProblems(_ objects: PDFObjects) -> [String] {
        var problems: [String] = []
        func children(_ element: [String: Any]) -> [[String: Any]] {
            (objects.array(element["/K"]) ?? [element["/K"] as Any]).compactMap { objects.dictionary($0) }.filter { $0["/S"] != nil }
        }
        for table in structureElements(objects) where table["/S"] as? String == "/Table" {
            let rows = children(table)
            if rows.isEmpty || rows.contains(where: { $0["/S"] as? String != "/TR" }) { problems.append("7.5: a Table whose children are not all TR") }
            let cells = rows.map(children)
            if Set(cells.map(\.count)).count > 1 { problems.append("7.5: rows of \(cells.map(\.count)) cells") }
            for cell in cells.joined() {
                let role = cell["/S"] as? String ?? ""
                if role != "/TH" && role != "/TD" { problems.append("7.5: a TR holds \(role)") }
                let scope = objects.dictionary(cell["/A"])?["/Scope"] as? String
                if role == "/TH" && !["/Row", "/Column", "/Both"].contains(scope ?? "") { problems.append("7.5: a TH without /Scope") }
            }
            if !cells.joined().contains(where: { $0["/S"] as? String == "/TH" }) { problems.append("7.5: a Table without TH") }
        }
        return problems
    }

    /// The XMP packet of the catalog's /Metadata, when there is one.
    static func xmp(_ objects: PDFObjects) -> String? {
        objects.streamData(objects.catalog["/Metadata"]).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the file claims PDF/UA (any part) in its XMP.
    static func claimsPDFUA(_ pdf: URL) throws -> Bool {
        try xmp(PDFObjects(pdf))?.contains("pdfuaid:part") ?? false
    }

    /// The structure elements' dictionaries, depth first (the logical reading order).
    static func structureElements(_ objects: PDFObjects) -> [[String: Any]] {
        guard let root = objects.dictionary(objects.catalog["/StructTreeRoot"]) else { return [] }
        var result: [[String: Any]] = []
        func walk(_ node: Any) {
            guard let element = objects.dictionary(node), element["/S"] != nil else { return }
            result.append(element)
            (objects.array(element["/K"]) ?? [element["/K"] as Any]).forEach(walk)
        }
        (objects.array(root["/K"]) ?? [root["/K"] as Any]).forEach(walk)
        return result
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
