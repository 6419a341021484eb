package import SwanDiagnostics

package enum CardKind: String, CaseIterable, Equatable, Sendable {
    case hoofdvraag, support, hulpvragen, role, check
}

package struct Card: Equatable, Sendable {
    /// Stable id used in session files, e.g. "sociale-cohesie".
    package var id: String
    package var kind: CardKind
    package var round: Int?
    /// Short human name for messages, e.g. "Sociale cohesie".
    package var name: String
    package var front: CardSide
    /// nil means the deck's common back.
    package var back: CardSide?
    package var source: SourceLocation
}

package struct CardSide: Equatable, Sendable {
    package var lead: String?
    package var title: String?
    package var question: String?
    package var note: String?
    package var sections: [CardSection]
    package var footer: String?

    package init(lead: String? = nil, title: String? = nil, question: String? = nil, note: String? = nil,
                sections: [CardSection] = [], footer: String? = nil) {
        self.lead = lead
        self.title = title
        self.question = question
        self.note = note
        self.sections = sections
        self.footer = footer
    }
}

package struct CardSection: Equatable, Sendable {
    package var heading: String?
    package var items: [String]

    package init(heading: String? = nil, items: [String]) {
        self.heading = heading
        self.items = items
    }
}
