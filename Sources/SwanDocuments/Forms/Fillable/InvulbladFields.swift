/// The fields of the fillable invulblad, derived from the deck: the form's sections
/// (forms/invulblad.yaml), its cards (voorwaarden, factoren, levels) and its labels. The same
/// model pre-fills the form from a session and reads a filled form back (InvulbladImport).
///
/// Names mirror the session file, one partial name per level and never a period inside one:
/// `datum`, `ronde1.sociale-cohesie.toelichting`, `ronde3.hulpvragen.2.antwoord`. The order is
/// the form's reading order, which is the tab order.
import Foundation
import SwanDeck
import SwanDiagnostics
package import SwanLayout
package import SwanSession

package struct InvulbladFields {
    /// The session format this form reads and writes, part of the form's version.
    static let formatVersion = 2
    /// The checkbox on-state every reader knows (ASCII; forms-archive.md).
    package static let checkedState = "Yes"
    /// The options of a yes/no question (the signal, the moreel beraad): two radio buttons, so
    /// that "no" is an answer and neither ticked stays unanswered. ASCII state names; the words
    /// shown come from the labels (form.answer.yes, form.answer.no).
    package static let yes = "ja", no = "nee"
    static let yesNo = [yes, no]

    let deck: Deck
    let map: FormsLayout.Filled
    /// Every field of the form, in reading (tab) order, with its value.
    package private(set) var fields: [FillableField] = []
    /// The options of the last order field made, and for how many cards (see `order`).
    private var orderOptions: (count: Int, options: [FillableField.ChoiceOption])?

    /// The voorwaarden, factoren and levels in deck order.
    var voorwaarden: [Card] { deck.voorwaardeCards }
    var factoren: [Card] { deck.factorCards }
    var levels: [Card] { deck.levelCards }
    /// The hulpvragen of the form's hulpvragen section, in the deck card's own words (its front,
    /// then its back): each has an answer field. A session's question the card does not have
    /// gets a slot of its own after them (question and answer), on a form pre-filled with it.
    private(set) var hulpvraagQuestions: [String] = []
    private(set) var hulpvraagSlots = 0
    /// The suggestion lines of each level (its checkbox and text per line): the form's lines
    /// of that level's section, or more when a session brings more suggestions.
    private(set) var interventionSlots: [String: Int] = [:]
    /// The lines of a level's section on the blank form: the lines every form has.
    func interventionLines(_ level: String) -> Int {
        map.levels[level].flatMap { deck.invulblad.section(id: $0)?.lines } ?? 0
    }
    /// Every hulpvragen card's questions in round order: each card's front (the hulpvragen), and
    /// its back (ronde 3's "Signaleren"), but for the moreel dilemma's, which has a block of its own.
    static func hulpvraagQuestions(_ deck: Deck, dilemmaRound: Int) -> [String] {
        deck.rounds.map(\.number).flatMap { round -> [String] in
            let card = deck.hulpvragenQuestions(round: round)
            return card.front + (round == dilemmaRound ? [] : card.back)
        }
    }

    /// The dilemma card's questions (ronde 2).
    var dilemmaQuestions: HulpvragenQuestions { deck.hulpvragenQuestions(round: deck.invulblad.section(id: map.factors)?.round ?? 2) }
    /// The words shown beside a yes/no question's two buttons, in the order of `yesNo`.
    func yesNoWords() throws -> [String] { [try label(.formAnswerYes), try label(.formAnswerNo)] }
    /// A yes/no answer as a radio state: nil (unanswered) stays nil.
    static func yesNo(_ answer: Bool?) -> String? { answer.map { $0 ? yes : no } }

    /// The session file a pre-filled form comes from, named in its errors.
    let source: String?

    /// The fields of a blank form, or of one pre-filled from `session` (read from `source`).
    package init(_ context: DocumentContext, session: Session? = nil, source: String? = nil) throws {
        deck = context.deck
        self.source = source
        map = try FormsLayout.load(context).filled
        try build(session)
        try checkNames()
    }

    // MARK: Names

    func label(_ key: LabelKey, _ values: [String: String] = [:]) throws -> String { try deck.labels.text(key.name, values) }

    func prompt(_ sectionID: String) -> String {
        guard let section = deck.invulblad.section(id: sectionID) else { return sectionID }
        return [section.label, section.prompt, section.hint].compactMap { $0 }.joined(separator: " ")
    }

    /// The deck and form this PDF was made from, checked on import.
    var deckIdentity: String { "\(deck.meta.shortName) (\(deck.meta.language))" }

    /// Changes whenever a field is added, removed, renamed or gets other options: a PDF made
    /// from another version of the form cannot be read back field by field. The slots of a
    /// session's own hulpvragen (after the cards' questions) are not part of it: a form
    /// pre-filled with them is the same form, and import reads them while they are there.
    var formVersion: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a: a fingerprint, not a security check
        func add(_ text: String) { for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        func add(_ bytes: [UInt8]) { for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        // The order fields of a round share one list of options (`order`): its signature's bytes
        // ("Ch ,1,2,…") are made once and fed to the hash for each of the round's n cards.
        var choice: (options: [FillableField.ChoiceOption], signature: [UInt8])?
        for field in fields where field.name.first != "swan" && !isOwnHulpvraag(field) && !isExtraSuggestion(field) {
            add(field.qualifiedName); add("|")
            if case .choice(let options) = field.kind {
                if choice?.options != options {
                    var signature = Array("Ch ".utf8)
                    for (index, option) in options.enumerated() {
                        if index > 0 { signature.append(UInt8(ascii: ",")) }
                        signature += option.value.utf8
                    }
                    choice = (options, signature)
                }
                add(choice!.signature)
            } else {
                add(Self.signature(field.kind))
            }
            add("\n")
        }
        let hex = String(hash, radix: 16)
        return "\(deck.invulblad.id)-\(Self.formatVersion)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private func isOwnHulpvraag(_ field: FillableField) -> Bool {
        field.name.count == 4 && field.name[0] == "ronde3" && field.name[1] == "hulpvragen"
            && (Int(field.name[2]).map { $0 > hulpvraagQuestions.count } ?? false)
    }

    /// A suggestion line beyond its section's lines, there only for a session's suggestions.
    private func isExtraSuggestion(_ field: FillableField) -> Bool {
        field.name.count == 5 && field.name[0] == "ronde3" && field.name[1] == "interventies"
            && (Int(field.name[3]).map { $0 > interventionLines(field.name[2]) } ?? false)
    }

    static func signature(_ kind: FillableField.Kind) -> String {
        switch kind {
        case .text(let multiline, let maxLength): "Tx \(multiline) \(maxLength ?? 0)"
        case .checkbox: "Btn"
        case .radio(let options): "Radio " + options.joined(separator: ",")
        case .choice(let options): "Ch " + options.map(\.value).joined(separator: ",")
        }
    }

    // MARK: Building

    private mutating func text(_ name: [String], _ tooltip: String, _ value: String?, multiline: Bool, maxLength: Int? = nil) {
        fields.append(FillableField(name: name, tooltip: tooltip, kind: .text(multiline: multiline, maxLength: maxLength),
                                    value: .text(value ?? "")))
    }

    private mutating func checkbox(_ name: [String], _ tooltip: String, _ on: Bool) {
        fields.append(FillableField(name: name, tooltip: tooltip, kind: .checkbox, value: .state(on ? Self.checkedState : nil)))
    }

    private mutating func radio(_ name: [String], _ tooltip: String, _ options: [String], _ value: String?) {
        fields.append(FillableField(name: name, tooltip: tooltip, kind: .radio(options: options), value: .state(value)))
    }


    private mutating func order(_ name: [String], _ tooltip: String, count: Int, _ value: Int?) {
        // One list of options for every card of a round, shared, not made again per card.
        if orderOptions?.count != count {
            orderOptions = (count, [FillableField.ChoiceOption(value: "", shown: "")]
                + (1...max(1, count)).map { FillableField.ChoiceOption(value: String($0), shown: String($0)) })
        }
        let options = orderOptions!.options
        fields.append(FillableField(name: name, tooltip: tooltip, kind: .choice(options: options),
                                    value: .text(value.map(String.init) ?? "")))
    }

    func date(_ date: SessionDate?) throws -> String? {
        guard let date else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return try label(.formDate, ["day": pad(date.day), "month": pad(date.month), "year": String(date.year)])
    }

    /// A list as one line per item (lists are names and short notes). An item with a line break
    /// would come back as two: refused, naming the field, rather than changed in silence.
    func lines(_ items: [String], _ field: String) throws -> String? {
        if items.contains(where: { $0.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }) {
            throw Diagnostic.error(LayoutCode.fillableListLineBreak, ["field": "\(field)"], at: source.map { SourceLocation(file: $0) })
        }
        return items.isEmpty ? nil : items.joined(separator: "\n")
    }

    private mutating func build(_ session: Session?) throws {
        let format = try label(.formFillableDateFormat)
        text(["datum"], try label(.formFillableDate, ["prompt": prompt(map.date), "format": format]),
             try date(session?.datum), multiline: false, maxLength: 10)
        text(["inbrenger"], prompt(map.presenter), session?.inbrenger, multiline: false)
        text(["omschrijving"], prompt(map.description), session?.omschrijving, multiline: true)

        // The deck's cards and the session's choices each looked at once (a deck of thousands of
        // cards was a search of the deck per card): ids to their first place in the session.
        func firstPlaces(_ ids: [String]) -> [String: Int] {
            Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let chosenVoorwaarden = session?.ronde1?.voorwaarden ?? []
        let voorwaardePlaces = firstPlaces(chosenVoorwaarden.map(\.id))
        let voorwaardeCards = voorwaarden
        for card in voorwaardeCards {
            let index = voorwaardePlaces[card.id]
            try cardFields(["ronde1", card.id], card, chosen: index != nil, order: index.map { $0 + 1 },
                           count: voorwaardeCards.count, explanation: index.flatMap { chosenVoorwaarden[$0].toelichting })
        }
        text(["ronde1", "bereiken"], prompt(map.goal), session?.ronde1?.bereiken, multiline: true)

        let chosenFactoren = session?.ronde2?.factoren ?? []
        let factorPlaces = firstPlaces(chosenFactoren.map(\.id))
        let factorCards = factoren
        for card in factorCards {
            let index = factorPlaces[card.id]
            try cardFields(["ronde2", card.id], card, chosen: index != nil, order: index.map { $0 + 1 },
                           count: factorCards.count, explanation: index.flatMap { chosenFactoren[$0].toelichting },
                           weighted: true, weight: index.flatMap { chosenFactoren[$0].weging })
        }
        let ronde3 = session?.ronde3
        // The chosen interventions keep their level: a suggestion the inbrenger chose is ticked
        // on its own line; a choice that is no suggestion of its level goes in the free field.
        let chosen = ronde3?.gekozen ?? []
        if chosen.contains(where: { $0.niveau == nil }) {
            throw Diagnostic.error(LayoutCode.fillableChosenWithoutLevel, ["levels": "\(levels.map(\.id).joined(separator: ", "))"],
                                   at: source.map { SourceLocation(file: $0) })
        }
        var ticked: Set<String> = []
        for level in levels {
            let suggestions = ronde3?.interventies[level.id] ?? []
            let chosenHere = Set(chosen.filter { $0.niveau == level.id }.map(\.interventie))
            let lineCount = max(interventionLines(level.id), suggestions.count)
            interventionSlots[level.id] = lineCount
            let prompt = map.levels[level.id].map(prompt) ?? level.name
            for line in 0..<lineCount {
                let number = String(line + 1)
                let suggestion = line < suggestions.count ? suggestions[line] : nil
                let isChosen = suggestion.map(chosenHere.contains) ?? false
                if isChosen, let suggestion { ticked.insert(level.id + "\n" + suggestion) }
                checkbox(["ronde3", "interventies", level.id, number, "gekozen"],
                         try label(.formFillableInterventionChosen, ["level": level.name, "number": number]), isChosen)
                text(["ronde3", "interventies", level.id, number, "interventie"], prompt + " " + number, suggestion, multiline: true)
            }
        }
        for level in levels {
            let free = chosen.filter { $0.niveau == level.id && !ticked.contains(level.id + "\n" + $0.interventie) }
            text(["ronde3", "gekozen", level.id], try label(.formFillableChosen, ["level": level.name, "prompt": prompt(map.chosen)]),
                 try lines(free.map(\.interventie), "ronde3.gekozen." + level.id), multiline: true)
        }
        // The card's questions get the session's answers to them (the first answer to each, in
        // the card's order); the others keep their own question, in their order, after them.
        hulpvraagQuestions = Self.hulpvraagQuestions(deck, dilemmaRound: deck.invulblad.section(id: map.factors)?.round ?? 2)
        var byQuestion: [String: String] = [:]
        var others: [Session.Hulpvraag] = []
        for answer in ronde3?.hulpvragen ?? [] {
            if let question = answer.vraag, hulpvraagQuestions.contains(question), byQuestion[question] == nil {
                byQuestion[question] = answer.antwoord
            } else {
                others.append(answer)
            }
        }
        for (slot, question) in hulpvraagQuestions.enumerated() {
            text(["ronde3", "hulpvragen", String(slot + 1), "antwoord"], prompt(map.answers) + " " + question,
                 byQuestion[question], multiline: true)
        }
        for (index, other) in others.enumerated() {
            let number = String(hulpvraagQuestions.count + index + 1)
            text(["ronde3", "hulpvragen", number, "vraag"], prompt(map.answers), other.vraag, multiline: false)
            text(["ronde3", "hulpvragen", number, "antwoord"], prompt(map.answers), other.antwoord, multiline: true)
        }
        hulpvraagSlots = hulpvraagQuestions.count + others.count
        radio(["ronde3", "signaal", "aanwezig"], prompt(map.signal), Self.yesNo, Self.yesNo(ronde3?.signaal?.aanwezig))
        text(["ronde3", "signaal", "opvolging"], prompt(map.signal), ronde3?.signaal?.opvolging, multiline: true)

        // What the paper form has no place for, in the block after ronde 3.
        text(["gespreksleider"], try label(.formFilledLeader), session?.gespreksleider, multiline: false)
        text(["schrijver"], try label(.formFilledWriter), session?.schrijver, multiline: false)
        text(["deelnemers"], try label(.formFillableList, ["prompt": try label(.formFilledParticipants)]),
             try lines(session?.deelnemers ?? [], "deelnemers"), multiline: true)
        let dilemma = session?.ronde2?.moreelDilemma
        let questions = dilemmaQuestions
        let dilemmaHead = try label(.formFilledDilemma)
        checkbox(["ronde2", "dilemma", "aanwezig"], questions.dilemma ?? dilemmaHead, dilemma != nil)
        text(["ronde2", "dilemma", "beschrijving"], questions.dilemma ?? dilemmaHead, dilemma?.beschrijving, multiline: true)
        text(["ronde2", "dilemma", "botsendeWaarden"], try label(.formFillableList, ["prompt": questions.values ?? dilemmaHead]),
             try lines(dilemma?.botsendeWaarden ?? [], "ronde2.dilemma.botsendeWaarden"), multiline: true)
        radio(["ronde2", "dilemma", "moreelBeraad"], questions.council ?? dilemmaHead, Self.yesNo, Self.yesNo(dilemma?.moreelBeraad))

        text(["evaluatie", "datum"], try label(.formFillableDate, ["prompt": prompt(map.date), "format": format]),
             try date(session?.evaluatie?.datum), multiline: false, maxLength: 10)
        text(["evaluatie", "verloop"], try label(.formFilledEvaluation) + " " + (try label(.formFilledEvaluationHint)),
             session?.evaluatie?.verloop, multiline: true)

        // The form's identity, hidden and read-only, so that import can tell another deck or version.
        let version = formVersion
        for (name, value) in [("deck", deckIdentity), ("formulier", version)] {
            fields.append(FillableField(name: ["swan", name], tooltip: name, kind: .text(multiline: false, maxLength: nil),
                                        value: .text(value), readOnly: true, hidden: true))
        }
    }

    private mutating func cardFields(_ name: [String], _ card: Card, chosen: Bool, order: Int?, count: Int,
                                     explanation: String?, weighted: Bool = false, weight: Session.Weging? = nil) throws {
        // In the order of the form's rows: tick, order, explanation, then the weight under the name.
        checkbox(name + ["gekozen"], try label(.formFillableCardChosen, ["card": card.name]), chosen)
        self.order(name + ["volgnr"], try label(.formFillableCardOrder, ["card": card.name]), count: count, order)
        text(name + ["toelichting"], try label(.formFillableCardExplanation, ["card": card.name]), explanation, multiline: true)
        if weighted {
            radio(name + ["weging"], try label(.formFillableCardWeight, ["card": card.name]),
                  Session.Weging.allCases.map(\.rawValue), weight?.rawValue)
        }
    }

    /// A card id with a period would split into two partial names: refuse such a deck here.
    private func checkNames() throws {
        for field in fields {
            // A Character, not a String, searched: Foundation's substring search for each
            // part of each of a large deck's fields cost more than building the fields.
            if let bad = field.name.first(where: { $0.isEmpty || $0.contains(Character(".")) }) {
                throw Diagnostic.error(LayoutCode.fillableFieldName, ["part": "\(bad)", "field": "\(field.qualifiedName)"])
            }
        }
    }
}
