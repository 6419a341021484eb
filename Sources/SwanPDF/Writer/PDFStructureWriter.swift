/// The structure tree of a tagged PDF (ISO 32000-1 14.7): StructTreeRoot, one StructElem per
/// element that has content, marked-content references to the MCIDs on the pages, the
/// ParentTree that maps each page's MCIDs back to their elements, and an IDTree for notes
/// (PDF/UA-1 7.9 wants every Note to carry an /ID).
import Foundation
import SwanLayout

struct PDFStructureWriter {
    let tree: StructureTree
    /// For each page, the element of each MCID on it (MCID = index).
    let marked: [[StructureID]]
    let pages: [PDFRef]

    /// The tree's dictionaries go into an object stream (smaller; PDF 1.5), except for files
    /// held to PDF/A, whose validator here (PDF/A-1) refuses object streams.
    let packed: Bool

    /// Writes the tree; returns the StructTreeRoot's reference.
    func write(into w: inout PDFSerializer) -> PDFRef {
        func object(_ ref: PDFRef, _ body: (inout PDFSerializer) -> Void) {
            if packed { w.packedObject(ref, body) } else { w.object(ref, body) }
        }
        defer { w.writeObjectStream() }
        // Where each element's own content is: (page, MCID) in page order.
        var content = [[(page: Int, mcid: Int)]](repeating: [], count: tree.elements.count)
        for (page, ids) in marked.enumerated() {
            for (mcid, id) in ids.enumerated() { content[id.index].append((page, mcid)) }
        }
        // An element is written when it or one of its descendants has content.
        var used = [Bool](repeating: false, count: tree.elements.count)
        for id in tree.readingOrder.reversed() {
            used[id.index] = !content[id.index].isEmpty || tree[id].children.contains { used[$0.index] }
        }
        let root = w.allocate(), parentTree = w.allocate()
        var refs = [PDFRef?](repeating: nil, count: tree.elements.count)
        for id in tree.readingOrder where used[id.index] { refs[id.index] = w.allocate() }

        var noteIDs: [(String, PDFRef)] = []
        for id in tree.readingOrder {
            guard let ref = refs[id.index] else { continue }
            let element = tree[id]
            object(ref) { w in
                w.raw("<</Type/StructElem/S/"); w.raw(element.role.rawValue)
                w.raw("/P "); w.ref(element.parent.flatMap { refs[$0.index] } ?? root)
                if let first = content[id.index].first { w.raw("/Pg "); w.ref(pages[first.page]) }
                if let language = element.language { w.raw("/Lang "); w.textString(language) }
                if let alternate = element.alternate { w.raw("/Alt "); w.textString(alternate) }
                if let title = element.title { w.raw("/T "); w.textString(title) }
                if let scope = element.scope { w.raw("/A<</O/Table/Scope/"); w.raw(scope.rawValue); w.raw(">>") }
                if element.role == .note {
                    let name = "note-" + String(noteIDs.count + 1)
                    noteIDs.append((name, ref))
                    w.raw("/ID "); w.textString(name)
                }
                w.raw("/K[")
                var first = true
                for item in content[id.index] {
                    if !first { w.raw(" ") }; first = false
                    // On the element's own page (/Pg) an MCID is enough (ISO 32000-1 14.7.4.2).
                    if item.page == content[id.index].first?.page { w.int(item.mcid); continue }
                    w.raw("<</Type/MCR/Pg "); w.ref(pages[item.page]); w.raw("/MCID "); w.int(item.mcid); w.raw(">>")
                }
                for child in element.children {
                    guard let childRef = refs[child.index] else { continue }
                    if !first { w.raw(" ") }; first = false
                    w.ref(childRef)
                }
                w.raw("]>>")
            }
        }
        object(parentTree) { w in
            w.raw("<</Nums[")
            for (page, ids) in marked.enumerated() {
                if page > 0 { w.raw(" ") }
                w.int(page); w.raw("[")
                for (i, id) in ids.enumerated() { if i > 0 { w.raw(" ") }; w.ref(refs[id.index]!) }
                w.raw("]")
            }
            w.raw("]>>")
        }
        object(root) { w in
            w.raw("<</Type/StructTreeRoot/K[")
            for (i, id) in tree.roots.enumerated() where refs[id.index] != nil {
                if i > 0 { w.raw(" ") }
                w.ref(refs[id.index]!)
            }
            w.raw("]/ParentTree "); w.ref(parentTree); w.raw("/ParentTreeNextKey "); w.int(marked.count)
            if !noteIDs.isEmpty {
                // A name tree's keys are sorted as byte strings.
                w.raw("/IDTree<</Names[")
                for (i, entry) in noteIDs.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }).enumerated() {
                    if i > 0 { w.raw(" ") }
                    w.textString(entry.0); w.raw(" "); w.ref(entry.1)
                }
                w.raw("]>>")
            }
            w.raw(">>")
        }
        return root
    }
}
