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

    /// The blank form's line pitch: every line of an answer on one of its writing lines.
    let pitch: Double

    init(session: Session, context: DocumentContext, map: FormsLayout.Filled, pitch: Double) throws {
        self.context = context
        self.session = session
        self.pitch = pitch
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
                var runs = [TextRun(name(voorwaarde.id, round: 1))]
                if let text = voorwaarde.toelichting, !text.isEmpty { runs.append(TextRun(": " + text)) }
                return item(runs, marker: "\(index + 1).")
            }
            if let goal = ronde1.bereiken { blocks[map.goal] = [plain(goal)] }
        }

        if let ronde2 = session.ronde2 {
            blocks[map.factors] = try ronde2.factoren.map { factor in
                var runs = [TextRun(name(factor.id, round: 2))]
                if let weging = factor.weging {
                    let weight = try context.label(.formFilledWeight(weging))
                    runs.append(TextRun(" (" + (try context.label(.formFilledWeighting, ["weight": weight])) + ")", italic: true))
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
            // The form's prompt asks "Is hier sprake van een signaal?": its answer, ja or nee (an
            // unanswered question stays empty); then "Zo ja, noteer hoe …": the follow-up after the
            // signal card's own question, whichever the answer (the session's text is never left out).
            if let signal = ronde3.signaal {
                var answer = [plain(try yesOrNo(signal.aanwezig))]
                if let text = signal.opvolging, !text.isEmpty {
                    answer += questionAndAnswer(deck.hulpvragenQuestions(round: 3).followUp, text)
                }
                blocks[map.signal] = answer
            }
        }
    }

    /// The answer to a yes/no question of the form, in the deck's words.
    func yesOrNo(_ answer: Bool) throws -> String {
        try context.label(.formAnswer(answer))
    }

    /// A date as the labels write it (day-month-year by default).
    func date(_ date: SessionDate) throws -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return try context.label(.formDate, ["day": pad(date.day), "month": pad(date.month), "year": String(date.year)])
    }

    var answerStyle: TextStyle {
        var style = layout.styles.answer.textStyle()
        // Every line on its own writing line of the blank form: its pitch, no space between blocks.
        style.leading = pitch
        style.spaceBefore = 0; style.spaceAfter = 0
        return style
    }

    func plain(_ text: String) -> TextBlock {
        TextBlock([TextRun(text)], style: answerStyle)
    }

    /// A card's question in italics (when the deck has it), then the answer, as one list item.
    func questionAndAnswer(_ question: String?, _ answer: String) -> [TextBlock] {
        var runs: [TextRun] = []
        if let question { runs.append(TextRun(question + "\n", italic: true)) }
        runs.append(TextRun(answer))
        return [item(runs, marker: "•")]
    }

    func item(_ runs: [TextRun], marker: String) -> TextBlock {
        var style = answerStyle
        style.leftIndent = style.size * 1.6
        return TextBlock(runs, style: style, marker: marker)
    }

    // MARK: Extra sections of the filled form

    /// Gespreksleider, schrijver and the other deelnemers, as short fields: those the session names.
    func participantFields(_ context: DocumentContext) throws -> [(field: FormField, blocks: [TextBlock])] {
        func field(_ id: String, _ key: LabelKey, _ value: String?) throws -> (FormField, [TextBlock])? {
            guard let value, !value.isEmpty else { return nil }
            return (FormField(id: id, prompt: try context.label(key), lines: 1, inline: true), [plain(value)])
        }
        return [
            try field("leader", .formFilledLeader, session.gespreksleider),
            try field("writer", .formFilledWriter, session.schrijver),
            try field("participants", .formFilledParticipants,
                      session.deelnemers.isEmpty ? nil : session.deelnemers.joined(separator: ", ")),
        ].compactMap { $0 }
    }

    /// The moreel dilemma of ronde 2: each question of the card's "Moreel dilemma" side, then
    /// the session's answer to it; "Beleg zo nodig een moreel beraad." then ja or nee when the
    /// session decided it. Nil when the session has no dilemma.
    func dilemmaField(_ context: DocumentContext, round: Int?) throws -> (field: FormField, blocks: [TextBlock])? {
        guard let dilemma = session.ronde2?.moreelDilemma else { return nil }
        let questions = context.deck.hulpvragenQuestions(round: round ?? 2)
        var list: [TextBlock] = []
        if !dilemma.beschrijving.isEmpty { list += questionAndAnswer(questions.dilemma, dilemma.beschrijving) }
        if !dilemma.botsendeWaarden.isEmpty {
            list += questionAndAnswer(questions.values, dilemma.botsendeWaarden.joined(separator: ", "))
        }
        if let beraad = dilemma.moreelBeraad { list += questionAndAnswer(questions.council, try yesOrNo(beraad)) }
        guard !list.isEmpty else { return nil }
        let field = FormField(id: "dilemma", round: round, prompt: try context.label(.formFilledDilemma), lines: 2)
        return (field, list)
    }

    /// The evaluation at the next meeting, at the end of the form: its date, then how it went.
    /// Nil when the session has none.
    func evaluationField(_ context: DocumentContext) throws -> (field: FormField, blocks: [TextBlock])? {
        guard let evaluation = session.evaluatie, evaluation.datum != nil || !evaluation.verloop.isEmpty else { return nil }
        let field = FormField(id: "evaluation", prompt: try context.label(.formFilledEvaluation),
                              hint: try context.label(.formFilledEvaluationHint), lines: 2)
        var list: [TextBlock] = []
        if let day = evaluation.datum { list.append(plain(try date(day))) }
        if !evaluation.verloop.isEmpty { list.append(plain(evaluation.verloop)) }
        return (field, list)
    }
}
