public struct Manual: Equatable, Sendable {
    public var title: String
    public var blocks: [ManualBlock]
    public var footnotes: [Footnote]
    /// The Markdown file, for layout problems.
    public var file: String? = nil

    /// The text of every heading block, in order.
    public var headings: [String] {
        blocks.compactMap { if case .heading(_, let text) = $0 { return text } else { return nil } }
    }
}

public enum ManualBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph([InlineRun])
    case bulletList([[InlineRun]])
    case orderedList([[InlineRun]])
}

public struct InlineRun: Equatable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    /// Id of the footnote this run references; the run's text is then empty.
    public var footnote: String?

    public init(text: String, bold: Bool = false, italic: Bool = false, footnote: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.footnote = footnote
    }
}

public struct Footnote: Equatable, Sendable {
    public var id: String
    /// The printed mark, "1" for the first footnote referenced.
    public var mark: String
    public var text: [InlineRun]
}
