/// Reads a filled-in fillable invulblad back into a session (swan import): field by field (read
/// from the PDF by SwanApp's `InvulbladImport.session(fromPDF:)`), by
/// the same model that made the form (InvulbladFields), then validated like any session file.
/// Text comes back exactly as typed (only line ends are unified to LF); a problem names the field.
import Foundation
import SwanDeck
import SwanDiagnostics
package import SwanLayout
package import SwanSession

package enum InvulbladImport {
    /// The largest filled-in form read: the blank form is about 0.5 MB, and a reader may embed
    /// whole system fonts when it saves (poppler does).
    package static let maximumFileSize = 64 << 20

    package static func session(from fields: [FilledField], source: String, context: DocumentContext) throws -> Session {
        var reader = try FieldValues(fields, source: source, model: InvulbladFields(context))
        try reader.checkIdentity()
        let session = reader.session()
        if !reader.diagnostics.isEmpty { throw DiagnosticError(reader.diagnostics) }
        // Validated like any session file: the encoded session goes through the one decoder.
        do {
            return try SessionDecoder.decode(session.encodeJSON(), source: source, vocabulary: SessionVocabulary(deck: context.deck))
        } catch let error as DiagnosticError {
            // Located by the field, not by the line of a JSON text the user never saw.
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.location = SourceLocation(file: source, jsonPath: diagnostic.location?.jsonPath.map(reader.fieldName(forPath:)))
                return diagnostic
            })
        }
    }
}

/// The values of one filled form, read by the model's field names.
private struct FieldValues {
    let source: String
    let model: InvulbladFields
    var values: [String: FilledField] = [:]
    var diagnostics: [Diagnostic] = []
    /// JSON path of a session value -> the field it came from, to name fields in validation errors.
    var paths: [String: String] = [:]

    init(_ fields: [FilledField], source: String, model: InvulbladFields) throws {
        self.source = source
        self.model = model
        guard !fields.isEmpty else { throw DiagnosticError([.error(FormCode.noFields, at: SourceLocation(file: source))]) }
        for field in fields where values[field.name] == nil { values[field.name] = field }
    }

    var location: SourceLocation { SourceLocation(file: source) }

    mutating func checkIdentity() throws {
        guard case .text(let deck)? = values["swan.deck"]?.value else {
            throw DiagnosticError([.error(FormCode.notSwan, at: location)])
        }
        guard deck == model.deckIdentity else {
            throw DiagnosticError([.error(FormCode.otherDeck, ["found": EchoedValue.argument(deck), "expected": .text(model.deckIdentity)], at: location)])
        }
        let version: String
        if case .text(let text)? = values["swan.formulier"]?.value { version = text } else { version = "?" }
        guard version == model.formVersion else {
            throw DiagnosticError([.error(FormCode.otherVersion, ["found": EchoedValue.argument(version), "expected": .text(model.formVersion)], at: location)])
        }
    }

    func fieldName(forPath path: String) -> String {
        var candidate = path
        while !candidate.isEmpty {
            if let name = paths[candidate] { return name }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = String(candidate[..<cut])
        }
        return path
    }

    // MARK: Reading values

    /// A text field's text, exactly; "" when empty or absent.
    func text(_ name: String) -> String {
        switch values[name]?.value {
        case .text(let text)?: text
        case .texts(let texts)?: texts.joined(separator: "\n")
        default: ""
        }
    }

    /// Optional text: nil when the field is empty (an empty answer is no answer).
    mutating func optional(_ name: String, path: String) -> String? {
        let value = text(name)
        if value.isEmpty { return nil }
        paths[path] = name
        return value
    }

    /// One item per line; empty lines are the spaces between items, not items.
    mutating func list(_ name: String, path: String) -> [String] {
        paths[path] = name
        return text(name).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// A checkbox: ticked only in its widget's own on-state (the name in its /AP /N other than
    /// /Off), which is what every reader shows ticked; unticked when Off, empty or absent. Any
    /// other state (`/No`, `/Nee`, a text "nee") is shown unticked by readers, so it is an error
    /// rather than a guess.
    mutating func checked(_ name: String) -> Bool {
        guard let field = values[name] else { return false }
        let state: String
        switch field.value {
        case .name(let value): state = value
        case .text(let value): state = value
        default: return false
        }
        if state == "Off" || state.isEmpty { return false }
        let onStates = field.onStates.isEmpty ? [InvulbladFields.checkedState] : field.onStates
        if onStates.contains(state) { return true }
        diagnostics.append(.error(FormCode.badCheckbox, ["field": .text(name), "state": EchoedValue.argument(state),
                                                         "on": .text(onStates.joined(separator: "', '"))], at: location))
        return false
    }

    /// A radio group's chosen option, nil when none; an unknown option is an error.
    mutating func option(_ name: String, _ options: [String]) -> String? {
        let state: String
        switch values[name]?.value {
        case .name(let value)?: state = value
        case .text(let value)?: state = value
        default: return nil
        }
        if state == "Off" || state.isEmpty { return nil }
        guard options.contains(state) else {
            diagnostics.append(.error(FormCode.badState, ["field": .text(name), "options": .text(options.joined(separator: ", "))], at: location))
            return nil
        }
        return state
    }

    mutating func order(_ name: String, count: Int) -> Int? {
        let value = text(name)
        if value.isEmpty { return nil }
        guard let number = Int(value), (1...count).contains(number) else {
            diagnostics.append(.error(FormCode.badOrder, ["field": .text(name), "count": .text(String(count))], at: location))
            return nil
        }
        return number
    }

    /// A date as the deck's labels write it (form.date): day, month and year in that label's
    /// order, separated by '-', '/' or '.', spaces around it allowed.
    mutating func date(_ name: String) -> SessionDate? {
        let written = text(name)
        if written.isEmpty { return nil }
        let format = (try? model.label(.formFillableDateFormat)) ?? "dd-mm-jjjj"
        let order = ((try? model.label(.formDate, ["day": "d", "month": "m", "year": "y"])) ?? "d-m-y").filter { "dmy".contains($0) }
        let groups = written.trimmingCharacters(in: .whitespaces).split(omittingEmptySubsequences: false, whereSeparator: { "-/.".contains($0) })
        var parts: [Character: Int] = [:]
        if groups.count == 3, order.count == 3 {
            for (key, group) in zip(order, groups) where group.allSatisfy(\.isASCII) && group.allSatisfy(\.isNumber) {
                let limit = key == "y" ? 4...4 : 1...2
                if limit.contains(group.count) { parts[key] = Int(group) }
            }
        }
        guard let day = parts["d"], let month = parts["m"], let year = parts["y"] else {
            diagnostics.append(.error(FormCode.badDate, ["field": .text(name), "format": .text(format)], at: location))
            return nil
        }
        guard let date = SessionDate(year: year, month: month, day: day) else {
            diagnostics.append(.error(FormCode.impossibleDate, ["field": .text(name), "format": .text(format)], at: location))
            return nil
        }
        return date
    }

    // MARK: The session

    /// The JSON path of the session's root object.
    static let root = "$."

    /// An object key as a JSON path writes it: `.individu`, or `['organisatie-beleid']`.
    static func key(_ key: String) -> String {
        let plain = key.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && key.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return plain ? "." + key : "['" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "']"
    }

    mutating func session() -> Session {
        for key in ["datum", "inbrenger", "omschrijving"] { paths[Self.root + key] = key }
        // A missing date is reported by the validator (a required key); a placeholder keeps the rest going.
        let datum = date("datum")
        let placeholder = SessionDate(year: 1, month: 1, day: 1)!
        var session = Session(datum: datum ?? placeholder, inbrenger: text("inbrenger"),
                              gespreksleider: optional("gespreksleider", path: Self.root + "gespreksleider"),
                              schrijver: optional("schrijver", path: Self.root + "schrijver"),
                              deelnemers: list("deelnemers", path: "$.deelnemers"),
                              omschrijving: text("omschrijving"))
        if datum == nil, text("datum").isEmpty {
            diagnostics.append(.error(FormCode.badDate, ["field": "datum", "format": .text((try? model.label(.formFillableDateFormat)) ?? "")], at: location))
        }
        session.ronde1 = ronde1()
        session.ronde2 = ronde2()
        session.ronde3 = ronde3()
        session.evaluatie = evaluatie(after: datum)
        return session
    }

    /// The ticked cards (or cards with an explanation: text is never dropped), by their order
    /// number first, then in deck order.
    mutating func chosenCards(_ round: String, _ cards: [Card]) -> [(card: Card, explanation: String?)] {
        var chosen: [(rank: Int, index: Int, card: Card, explanation: String?)] = []
        for (index, card) in cards.enumerated() {
            let base = "\(round).\(card.id)"
            let explanation = text(base + ".toelichting")
            guard checked(base + ".gekozen") || !explanation.isEmpty else { continue }
            let rank = order(base + ".volgnr", count: cards.count) ?? Int.max
            chosen.append((rank, index, card, explanation.isEmpty ? nil : explanation))
        }
        return chosen.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map { ($0.card, $0.explanation) }
    }

    mutating func ronde1() -> Session.Ronde1? {
        let chosen = chosenCards("ronde1", model.voorwaarden)
        for (index, entry) in chosen.enumerated() {
            paths["$.ronde1.voorwaarden[\(index)]"] = "ronde1.\(entry.card.id).gekozen"
            paths["$.ronde1.voorwaarden[\(index)].toelichting"] = "ronde1.\(entry.card.id).toelichting"
        }
        let bereiken = optional("ronde1.bereiken", path: "$.ronde1.bereiken")
        if chosen.isEmpty && bereiken == nil { return nil }
        return Session.Ronde1(voorwaarden: chosen.map { .init(id: $0.card.id, toelichting: $0.explanation) }, bereiken: bereiken)
    }

    mutating func ronde2() -> Session.Ronde2? {
        let chosen = chosenCards("ronde2", model.factoren)
        let weights = Session.Weging.allCases.map(\.rawValue)
        var factoren: [Session.Ronde2.Factor] = []
        for (index, entry) in chosen.enumerated() {
            let base = "ronde2.\(entry.card.id)"
            paths["$.ronde2.factoren[\(index)]"] = base + ".gekozen"
            paths["$.ronde2.factoren[\(index)].toelichting"] = base + ".toelichting"
            let weging = option(base + ".weging", weights).flatMap(Session.Weging.init(rawValue:))
            factoren.append(.init(id: entry.card.id, weging: weging, toelichting: entry.explanation))
        }
        let present = checked("ronde2.dilemma.aanwezig")
        let beschrijving = text("ronde2.dilemma.beschrijving")
        let waarden = list("ronde2.dilemma.botsendeWaarden", path: "$.ronde2.moreelDilemma.botsendeWaarden")
        // Two buttons: "nee" is an answer, neither chosen is no decision (nil), as in the session.
        let beraad = option("ronde2.dilemma.moreelBeraad", InvulbladFields.yesNo).map { $0 == InvulbladFields.yes }
        paths["$.ronde2.moreelDilemma"] = "ronde2.dilemma.aanwezig"
        paths["$.ronde2.moreelDilemma.beschrijving"] = "ronde2.dilemma.beschrijving"
        paths["$.ronde2.moreelDilemma.moreelBeraad"] = "ronde2.dilemma.moreelBeraad"
        var dilemma: Session.MoreelDilemma?
        if present || !beschrijving.isEmpty || !waarden.isEmpty || beraad != nil {
            dilemma = Session.MoreelDilemma(beschrijving: beschrijving, botsendeWaarden: waarden, moreelBeraad: beraad)
        }
        if factoren.isEmpty && dilemma == nil { return nil }
        return Session.Ronde2(factoren: factoren, moreelDilemma: dilemma)
    }

    mutating func ronde3() -> Session.Ronde3? {
        // Per level: its suggestion lines in order (the ticked ones chosen), then the free
        // choices of that level; a choice written twice is one choice.
        var interventies: [String: [String]] = [:]
        var gekozen: [Session.Keuze] = []
        var seen: Set<String> = []
        func choose(_ level: String, _ text: String, field: String) {
            guard seen.insert(level + "\n" + text).inserted else { return }
            paths["$.ronde3.gekozen[\(gekozen.count)]"] = field
            gekozen.append(Session.Keuze(niveau: level, interventie: text))
        }
        for level in model.levels {
            let key = Self.key(level.id)
            var items: [String] = []
            var line = 1
            // The lines the form has: a form pre-filled with more suggestions has more.
            while values["ronde3.interventies.\(level.id).\(line).interventie"] != nil || line <= model.interventionLines(level.id) {
                let base = "ronde3.interventies.\(level.id).\(line)"
                line += 1
                let item = text(base + ".interventie")
                let isChosen = checked(base + ".gekozen")
                guard !item.isEmpty else { continue }
                paths["$.ronde3.interventies" + key + "[\(items.count)]"] = base + ".interventie"
                items.append(item)
                if isChosen { choose(level.id, item, field: base + ".gekozen") }
            }
            if !items.isEmpty { interventies[level.id] = items }
            let name = "ronde3.gekozen.\(level.id)"
            for text in list(name, path: "$.ronde3.gekozen") { choose(level.id, text, field: name) }
        }
        var hulpvragen: [Session.Hulpvraag] = []
        var slot = 1
        let answers = "ronde3.hulpvragen"
        let questions = model.hulpvraagQuestions
        while values[answers + "." + String(slot) + ".antwoord"] != nil || values[answers + "." + String(slot) + ".vraag"] != nil {
            let base = answers + "." + String(slot)
            // The card's questions are the form's words, not a field; a session's other question is one.
            let vraag = slot <= questions.count ? (text(base + ".antwoord").isEmpty ? "" : questions[slot - 1]) : text(base + ".vraag")
            let antwoord = text(base + ".antwoord")
            if !vraag.isEmpty || !antwoord.isEmpty {
                let index = hulpvragen.count
                paths[Self.root + answers + "[" + String(index) + "]"] = base + ".antwoord"
                paths[Self.root + answers + "[" + String(index) + "].vraag"] = base + ".vraag"
                hulpvragen.append(Session.Hulpvraag(vraag: vraag.isEmpty ? nil : vraag, antwoord: antwoord))
            }
            slot += 1
        }
        // "Is hier sprake van een signaal?" answered ja or nee, the follow-up kept with either;
        // unanswered is no signal object, and a follow-up without an answer asks for one.
        let aanwezig = option("ronde3.signaal.aanwezig", InvulbladFields.yesNo)
        let opvolging = optional("ronde3.signaal.opvolging", path: "$.ronde3.signaal.opvolging")
        var signaal: Session.Signaal?
        if let aanwezig {
            signaal = Session.Signaal(aanwezig: aanwezig == InvulbladFields.yes, opvolging: opvolging)
        } else if opvolging != nil {
            let words = (try? model.yesNoWords()) ?? InvulbladFields.yesNo
            diagnostics.append(.error(FormCode.unanswered, ["field": "ronde3.signaal.aanwezig", "other": "ronde3.signaal.opvolging",
                                                            "options": .text(words.joined(separator: ", "))], at: location))
        }
        if interventies.isEmpty && gekozen.isEmpty && hulpvragen.isEmpty && signaal == nil { return nil }
        return Session.Ronde3(interventies: interventies, gekozen: gekozen, hulpvragen: hulpvragen, signaal: signaal)
    }

    mutating func evaluatie(after datum: SessionDate?) -> Session.Evaluatie? {
        let day = date("evaluatie.datum")
        paths["$.evaluatie"] = "evaluatie.verloop"
        paths["$.evaluatie.datum"] = "evaluatie.datum"
        paths["$.evaluatie.verloop"] = "evaluatie.verloop"
        let verloop = text("evaluatie.verloop")
        if day == nil && verloop.isEmpty { return nil }
        return Session.Evaluatie(datum: day, verloop: verloop)
    }
}
