import SwanDiagnostics

public struct FormDefinition: Equatable, Sendable {
    public var id: String
    public var title: String
    public var parts: [FormPart]
    /// Where the form is defined (forms/invulblad.yaml), for layout problems.
    public var source: SourceLocation? = nil

    /// All sections of all parts, in print order.
    public var sections: [FormSection] { parts.flatMap(\.sections) }
    public func section(id: String) -> FormSection? { sections.first { $0.id == id } }
}

public struct FormPart: Equatable, Sendable {
    /// The heading of the part's page; nil where the source has none (the invulblad's second page).
    public var title: String?
    public var sections: [FormSection]
}

public struct FormSection: Equatable, Sendable {
    /// Stable id used in session files, e.g. "ronde1.voorwaarden".
    public var id: String
    public var round: Int?
    public var label: String?
    public var prompt: String
    public var hint: String?
    /// Writing lines; 0 for a heading-only section.
    public var lines: Int
    /// 0 or 1 (the three levels of ronde 3 are indented).
    public var indent: Int
    /// Short answer on the same line as the prompt.
    public var inline: Bool
}

public struct Checklist: Equatable, Sendable {
    public var title: String
    public var moments: [CardSection]
    public var roles: [ChecklistRole]
    /// Where the checklist and its moments are defined, for layout problems.
    public var source: SourceLocation? = nil
    public var momentsSource: SourceLocation? = nil
}

public struct ChecklistRole: Equatable, Sendable {
    /// The role card id, so sessions can refer to it.
    public var id: String
    public var name: String
    public var tasks: [String]
    /// The role card, for layout problems.
    public var source: SourceLocation? = nil
}
