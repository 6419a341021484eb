/// The logical structure of a document, for tagged PDF (PDF/UA, PDF/A "a"): a tree of elements
/// (Document, H1, P, L/LI/Lbl/LBody, Note, …) whose leaves own marked content on the pages.
/// Layout code builds the tree with `StructureBuilder` and wraps the items of each leaf in
/// `PageItem.marked(.content(id), …)`; decorations are `PageItem.marked(.artifact(…), …)`.
/// Exporters that do not tag simply draw what is inside.
import Foundation

/// The standard structure types of ISO 32000-1, 14.8.4, that swan's documents use.
package enum StructureRole: String, Sendable, CaseIterable {
    case document = "Document", part = "Part", section = "Sect", division = "Div"
    case heading1 = "H1", heading2 = "H2", heading3 = "H3", heading4 = "H4"
    case paragraph = "P", list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case note = "Note", reference = "Reference", span = "Span", figure = "Figure", form = "Form"
    case caption = "Caption"
    case table = "Table", tableRow = "TR", tableHeader = "TH", tableData = "TD"

    /// Elements that hold other elements, never content of their own (cairo's leaf rule, and
    /// the reading order stays the order of the children).
    package var isGrouping: Bool {
        switch self {
        case .document, .part, .section, .division, .list, .listItem, .table, .tableRow: true
        default: false
        }
    }
}

/// An element of the structure tree, by index into `StructureTree.elements`.
package struct StructureID: Hashable, Sendable {
    package let index: Int
}

package struct StructureElement: Equatable, Sendable {
    package var role: StructureRole
    package var parent: StructureID?
    package var children: [StructureID] = []
    /// The element's language where it differs from the document's (BCP 47).
    package var language: String?
    /// Alternate description (figures) or expansion.
    package var alternate: String?
    /// A title for the element (a section's name, shown by assistive technology).
    package var title: String?
    /// What a table header cell (TH) heads: its column or its row (the Table attribute /Scope;
    /// PDF/UA-1 7.5 wants every TH to say, Matterhorn 15-003).
    package var scope: HeaderScope?
}

/// The /Scope of a table header cell (ISO 32000-1 14.8.5.7, Table attributes).
package enum HeaderScope: String, Sendable {
    case column = "Column", row = "Row", both = "Both"
}

package struct StructureTree: Equatable, Sendable {
    package private(set) var elements: [StructureElement] = []
    /// The top elements in reading order (usually one Document).
    package private(set) var roots: [StructureID] = []

    package init() {}

    package subscript(id: StructureID) -> StructureElement { elements[id.index] }

    /// A new element under `parent` (at the top when nil), after its existing children.
    package mutating func add(_ role: StructureRole, under parent: StructureID?, language: String? = nil,
                             alternate: String? = nil, title: String? = nil, scope: HeaderScope? = nil) -> StructureID {
        let id = StructureID(index: elements.count)
        elements.append(StructureElement(role: role, parent: parent, language: language, alternate: alternate, title: title,
                                         scope: scope))
        if let parent { elements[parent.index].children.append(id) } else { roots.append(id) }
        return id
    }

    /// Adds all of `other` under `parent` (its roots become `parent`'s last children, in order);
    /// returns, for each of `other`'s elements by index, its id in this tree. A part laid out on
    /// its own (a card face) brings its own small tree; the document grafts it in.
    package mutating func graft(_ other: StructureTree, under parent: StructureID?) -> [StructureID] {
        var map = [StructureID?](repeating: nil, count: other.elements.count)
        for id in other.readingOrder {
            let element = other[id]
            map[id.index] = add(element.role, under: element.parent.map { map[$0.index]! } ?? parent,
                                language: element.language, alternate: element.alternate, title: element.title,
                                scope: element.scope)
        }
        return map.map { $0! }
    }

    /// The depth-first order of the elements: the logical reading order.
    package var readingOrder: [StructureID] {
        var order: [StructureID] = []
        func visit(_ id: StructureID) { order.append(id); elements[id.index].children.forEach(visit) }
        roots.forEach(visit)
        return order
    }
}

/// What marked content on a page is.
package enum Marking: Equatable, Sendable {
    /// Content of a structure element (a leaf: heading, paragraph, label, …).
    case content(StructureID)
    /// Not part of the content: running heads, page numbers, rules, colour bars (ISO 32000-1 14.8.2.2).
    case artifact(ArtifactKind)
}

package enum ArtifactKind: String, Sendable {
    case pagination, layout, page, background

    /// The /Type of the artifact: the PDF name is the case name, capitalised.
    package var pdfName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
