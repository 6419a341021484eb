/// The answers of a session as text blocks, keyed by the invulblad section they go in
/// (layout/forms.yaml, `filled`), and the extra sections only a filled form has.
import SwanDeck
import SwanLayout
import SwanSession

struct FilledAnswers {
    let context: DocumentContext
    let layout: FormsLayout
    let session: Session
    /// Section id -> the blocks set in its writing space.
    private(set) var blocks: [String: [TextBlock]] = [:]

    init(session: Session, context: DocumentContext, map: FormsLayout.Filled) throws {
        self.context = context
        self.session = session
        layout = try FormsLayout.load(context)
        let deck = context.deck
        // Each chosen card's name found in a table, not by a search of the deck per card.
        var names: [Int: [String: String]] = [:]
        for card in deck.cards where card.kind == .support {
            if let round = card.round, names[round]?[card.id] == nil { names[round, default: [:]][card.id] = card.name }
        }
        func name(_ id: String, round: Int) -> String { names[round]?[id] ?? id }

        blocks[map.date] = [plain(try date(session.datum))]
        blocks[map.presenter] = [plain(session.inbrenger)]
        blocks[map.description] = [plain(session.omschrijving)]

        if let ronde1 = session.ronde1 {
            blocks[map.conditions] = ronde1.voorwaarden.enumerated().map { index, voorwaarde in
                var runs = [TextRun(name(voorwaarde.id, round: 1), bold: true)]
                if let text = voorwaarde.toelichting, !text.isEmpty { runs.append(TextRun(": " + text)) }
                return item(runs, marker: "\(index + 1).")
            }
            if let goal = ronde1.bereiken { blocks[map.goal] = [plain(goal)] }
        }

        if let ronde2 = session.ronde2 {
            blocks[map.factors] = try ronde2.factoren.map { factor in
                var runs = [TextRun(name(factor.id, round: 2), bold: true)]
                if let weging = factor.weging {
                    let weight = try context.label("form.filled.weight." + weging.rawValue)
                    runs.append(TextRun(" (" + (try context.label("form.filled.weighting", ["weight": weight])) + ")", italic: true))
                }
                if let text = factor.toelichting, !text.isEmpty { runs.append(TextRun(": " + text)) }
                return item(runs, marker: "•")
            }
        }

        if let ronde3 = session.ronde3 {
            let levels = deck.levelCards.map(\.id)
            // The deck's level order first; a level the map does not place is ignored by the
            // validator already (the vocabulary is the deck's).
            for level in levels {
                guard let section = map.levels[level], let items = ronde3.interventies[level], !items.isEmpty else { continue }
                blocks[section] = items.map { item([TextRun($0)], marker: "•") }
            }
            // The intervention, then its level in italics, as a factor's weging follows its name;
            // a version 1 session has no level to name.
            blocks[map.chosen] = ronde3.gekozen.map { keuze in
                var runs = [TextRun(keuze.interventie)]
                if let level = keuze.niveau {
                    runs.append(TextRun(" (" + (deck.levelCards.first { $0.id == level }?.name ?? level) + ")", italic: true))
                }
                return item(runs, marker: "•")
            }
            blocks[map.answers] = ronde3.hulpvragen.map { answer in
                var runs: [TextRun] = []
                if let question = answer.vraag, !question.isEmpty { runs.append(TextRun(question + "\n", italic: true)) }
                runs.append(TextRun(answer.antwoord))
                return item(runs, marker: "•")
            }
            if let signal = ronde3.signaal {
                var list = [plain(try context.label(signal.aanwezig ? "form.filled.signal.yes" : "form.filled.signal.no"), bold: true)]
                if let text = signal.opvolging, !text.isEmpty { list.append(plain(text)) }
                blocks[map.signal] = list
            }
        }
    }

    /// A date as the labels write it (day-month-year by default).
    func date(_ date: SessionDate) throws -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return try context.label("form.date", ["day": pad(date.day), "month": pad(date.month), "year": String(date.year)])
    }

    var answerStyle: TextStyle {
        var style = layout.styles.answer.textStyle()
        // Every line on its own writing line: no space between blocks.
        style.spaceBefore = 0; style.spaceAfter = 0
        return style
    }

    func plain(_ text: String, bold: Bool = false) -> TextBlock {
        TextBlock([TextRun(text, bold: bold)], style: answerStyle)
    }

    func item(_ runs: [TextRun], marker: String) -> TextBlock {
        var style = answerStyle
        style.leftIndent = style.size * 1.6
        return TextBlock(runs, style: style, marker: marker)
    }

    // MARK: Extra sections of the filled form

    /// Gespreksleider, schrijver and the other deelnemers, as short fields under the inbrenger.
    func participantFields(_ context: DocumentContext) throws -> [(field: FormField, blocks: [TextBlock])] {
        func field(_ id: String, _ key: String, _ value: String?) throws -> (FormField, [TextBlock]) {
            let blocks = value.map { $0.isEmpty ? [] : [plain($0)] } ?? []
            return (FormField(id: id, prompt: try context.label(key), lines: 1, inline: true), blocks)
        }
        return [
            try field("leader", "form.filled.leader", session.gespreksleider),
            try field("writer", "form.filled.writer", session.schrijver),
            try field("participants", "form.filled.participants",
                      session.deelnemers.isEmpty ? nil : session.deelnemers.joined(separator: ", ")),
        ]
    }

    /// The moreel dilemma of ronde 2, after the factoren.
    func dilemmaField(_ context: DocumentContext, round: Int?) throws -> (field: FormField, blocks: [TextBlock]) {
        let field = FormField(id: "dilemma", round: round, prompt: try context.label("form.filled.dilemma"),
                              hint: try context.label("form.filled.dilemma.hint"), lines: 2)
        guard let dilemma = session.ronde2?.moreelDilemma else { return (field, []) }
        var list = [plain(dilemma.beschrijving)]
        if !dilemma.botsendeWaarden.isEmpty {
            list.append(plain(try context.label("form.filled.dilemma.values",
                                                ["values": dilemma.botsendeWaarden.joined(separator: ", ")])))
        }
        if let council = dilemma.moreelBeraad {
            list.append(plain(try context.label(council ? "form.filled.dilemma.council.yes" : "form.filled.dilemma.council.no")))
        }
        return (field, list)
    }

    /// The evaluation at the next meeting, at the end of the form.
    func evaluationField(_ context: DocumentContext) throws -> (field: FormField, blocks: [TextBlock]) {
        let field = FormField(id: "evaluation", prompt: try context.label("form.filled.evaluation"),
                              hint: try context.label("form.filled.evaluation.hint"), lines: 4)
        guard let evaluation = session.evaluatie else { return (field, []) }
        var list: [TextBlock] = []
        if let day = evaluation.datum {
            list.append(plain(try context.label("form.filled.evaluation.date", ["date": try date(day)]), bold: true))
        }
        list.append(plain(evaluation.verloop))
        return (field, list)
    }
}
