/// The overview for the gespreksleider (overzicht.yaml): the method on one sheet, front and back,
/// as sections of blocks. A section may belong to a round (it then takes that round's colour,
/// name and label from deck.yaml) or carry a heading of its own.
package struct Overview: Equatable, Sendable {
    package var file: String
    package var title: String
    package var subtitle: String?
    package var intro: String?
    /// The front first, then the back (if any).
    package var sides: [[OverviewSection]]
}

package struct OverviewSection: Equatable, Sendable {
    package var round: Int?
    package var heading: String?
    package var blocks: [OverviewBlock]
}

package enum OverviewBlock: Equatable, Sendable {
    /// A hoofdvraag: set large and bold.
    case question(String)
    /// An aside, such as "leg in volgorde van …": set in italics.
    case note(String)
    case text(String)
    case list(heading: String?, items: [String])
    /// A table with a header row; every row has one cell per column.
    case table(heading: String?, columns: [String], rows: [[String]])

    /// Every text of the block, in reading order (for checks against the source material).
    package var texts: [String] {
        switch self {
        case .question(let text), .note(let text), .text(let text): [text]
        case .list(let heading, let items): (heading.map { [$0] } ?? []) + items
        case .table(let heading, let columns, let rows): (heading.map { [$0] } ?? []) + columns + rows.flatMap { $0 }
        }
    }
}

extension Overview {
    /// Every text printed on the overview, in reading order.
    package var texts: [String] {
        [title] + [subtitle, intro].compactMap { $0 }
            + sides.flatMap { $0 }.flatMap { section in (section.heading.map { [$0] } ?? []) + section.blocks.flatMap(\.texts) }
    }
}
