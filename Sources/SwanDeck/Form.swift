package import SwanDiagnostics

package struct FormDefinition: Equatable, Sendable {
    package var id: String
    package var title: String
    package var parts: [FormPart]
    /// Where the form is defined (forms/invulblad.yaml), for layout problems.
    package var source: SourceLocation? = nil

    /// All sections of all parts, in print order.
    package var sections: [FormSection] { parts.flatMap(\.sections) }
    package func section(id: String) -> FormSection? { sections.first { $0.id == id } }
}

package struct FormPart: Equatable, Sendable {
    /// The heading of the part's page; nil where the source has none (the invulblad's second page).
    package var title: String?
    package var sections: [FormSection]
}

package struct FormSection: Equatable, Sendable {
    /// Stable id used in session files, e.g. "ronde1.voorwaarden".
    package var id: String
    package var round: Int?
    package var label: String?
    package var prompt: String
    package var hint: String?
    /// Writing lines; 0 for a heading-only section.
    package var lines: Int
    /// 0 or 1 (the three levels of ronde 3 are indented).
    package var indent: Int
    /// Short answer on the same line as the prompt.
    package var inline: Bool
}

package struct Checklist: Equatable, Sendable {
    package var title: String
    package var moments: [CardSection]
    package var roles: [ChecklistRole]
    /// Where the checklist and its moments are defined, for layout problems.
    package var source: SourceLocation? = nil
    package var momentsSource: SourceLocation? = nil
}

package struct ChecklistRole: Equatable, Sendable {
    /// The role card id, so sessions can refer to it.
    package var id: String
    package var name: String
    package var tasks: [String]
    /// The role card, for layout problems.
    package var source: SourceLocation? = nil
}
