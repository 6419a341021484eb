package struct Manual: Equatable, Sendable {
    package var title: String
    package var blocks: [ManualBlock]
    package var footnotes: [Footnote]
    /// The Markdown file, for layout problems.
    package var file: String? = nil

    /// The text of every heading block, in order.
    package var headings: [String] {
        blocks.compactMap { if case .heading(_, let text) = $0 { return text } else { return nil } }
    }
}

package enum ManualBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph([InlineRun])
    case bulletList([[InlineRun]])
    case orderedList([[InlineRun]])
}

package struct InlineRun: Equatable, Sendable {
    package var text: String
    package var bold: Bool
    package var italic: Bool
    /// Id of the footnote this run references; the run's text is then empty.
    package var footnote: String?

    package init(text: String, bold: Bool = false, italic: Bool = false, footnote: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.footnote = footnote
    }
}

package struct Footnote: Equatable, Sendable {
    package var id: String
    /// The printed mark, "1" for the first footnote referenced.
    package var mark: String
    package var text: [InlineRun]
}
