import SwanDiagnostics

public enum CardKind: String, CaseIterable, Equatable, Sendable {
    case hoofdvraag, support, hulpvragen, role, check
}

public struct Card: Equatable, Sendable {
    /// Stable id used in session files, e.g. "sociale-cohesie".
    public var id: String
    public var kind: CardKind
    public var round: Int?
    /// Short human name for messages, e.g. "Sociale cohesie".
    public var name: String
    public var front: CardSide
    /// nil means the deck's common back.
    public var back: CardSide?
    public var source: SourceLocation
}

public struct CardSide: Equatable, Sendable {
    public var lead: String?
    public var title: String?
    public var question: String?
    public var note: String?
    public var sections: [CardSection]
    public var footer: String?

    public init(lead: String? = nil, title: String? = nil, question: String? = nil, note: String? = nil,
                sections: [CardSection] = [], footer: String? = nil) {
        self.lead = lead
        self.title = title
        self.question = question
        self.note = note
        self.sections = sections
        self.footer = footer
    }
}

public struct CardSection: Equatable, Sendable {
    public var heading: String?
    public var items: [String]

    public init(heading: String? = nil, items: [String]) {
        self.heading = heading
        self.items = items
    }
}
