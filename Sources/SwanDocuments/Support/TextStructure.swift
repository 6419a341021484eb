/// The logical structure of a set text (tagged PDF): each block of a `TextLayout` gets a role,
/// the blocks become elements in their order (consecutive list items one L, each item
/// LI > Lbl + LBody), and the layout's lines are marked with them.
import SwanLayout

/// What a block of text is in the structure tree.
enum TextRole: Equatable {
    case heading(Int)
    case paragraph
    case listItem
    /// Part of the element of the block before it (a card's lead and question as one heading).
    case continuation
    /// Not content: a running head, a label repeated on every card.
    case artifact(ArtifactKind)
}

extension TextLayout {
    /// The layout's items at `origin`, marked with new elements under `parent` in `tree` (at its
    /// top when nil), one per block by `roles` (indexed like the blocks that were set; a missing
    /// role is a paragraph).
    func markedItems(at origin: Point, roles: [TextRole], in tree: inout StructureTree,
                     under parent: StructureID?) -> [PageItem] {
        var elements: [Int: (element: StructureID, label: StructureID?)] = [:]
        var list: StructureID?
        var last: (element: StructureID, label: StructureID?)?
        for block in Set(lines.map(\.blockIndex)).sorted() {
            let role = roles.indices.contains(block) ? roles[block] : .paragraph
            if role != .listItem && role != .continuation { list = nil }
            switch role {
            case .heading(let level):
                last = (tree.add(level <= 1 ? .heading1 : level == 2 ? .heading2 : level == 3 ? .heading3 : .heading4, under: parent), nil)
            case .paragraph:
                last = (tree.add(.paragraph, under: parent), nil)
            case .listItem:
                let items = list ?? tree.add(.list, under: parent)
                list = items
                let entry = tree.add(.listItem, under: items)
                let label = tree.add(.label, under: entry)
                last = (tree.add(.listBody, under: entry), label)
            case .continuation:
                if last == nil { last = (tree.add(.paragraph, under: parent), nil) }
            case .artifact:
                continue
            }
            elements[block] = last
        }
        return zip(lines, tops).flatMap { line, top -> [PageItem] in
            let dy = origin.y + top
            if let marked = elements[line.blockIndex] {
                return line.markedItems(dx: origin.x, dy: dy, element: marked.element, label: marked.label)
            }
            // Only artifacts have no element.
            guard case .artifact(let kind) = roles[line.blockIndex] else { return [] }
            return [.marked(.artifact(kind), line.runs.map { .text($0.offsetBy(dx: origin.x, dy: dy)) })]
        }
    }
}
