import SwanDiagnostics

/// Walks a parsed session document, collecting every problem instead of stopping at the
/// first, and builds the `Session` when there are none.
final class SessionValidator {
    let source: String
    let bytes: [UInt8]
    let vocabulary: SessionVocabulary
    /// Problems as found: where (byte offsets, turned into lines and columns at the end) and what.
    private var errors: [Report] = []

    struct Report {
        var offset: Int
        var path: JSONPath
        var code: SessionCode
        var arguments: [String: MessageArgument]
        var hints: [Message]
        /// A second place the message names ("first at line 3, column 5"), as a byte offset.
        var firstOffset: Int?
    }

    init(source: String, bytes: [UInt8], vocabulary: SessionVocabulary) {
        self.source = source
        self.bytes = bytes
        self.vocabulary = vocabulary
    }

    /// The errors in the order their positions occur in the file, each with its line and
    /// column (computed here, in one pass, so that many errors in a big file stay cheap).
    /// Every offset (the errors' and the places they name) is located in a single pass over the
    /// bytes, so a file with thousands of duplicate keys stays linear.
    func sortedErrors() -> [Diagnostic] {
        let sorted = errors.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element)
        let offsets = Array(Set(sorted.map(\.offset) + sorted.compactMap(\.firstOffset))).sorted()
        let positions = Dictionary(uniqueKeysWithValues: zip(offsets, TextPosition.of(sortedOffsets: offsets, in: bytes)))
        return sorted.map { report in
            var arguments = report.arguments
            if let first = report.firstOffset, let position = positions[first] {
                arguments["line"] = "\(position.line)"
                arguments["column"] = "\(position.column)"
            }
            return Diagnostic(.error, Message(report.code, arguments),
                              at: positions[report.offset]!.location(in: source, path: report.path.description), hints: report.hints)
        }
    }

    func report(_ code: SessionCode, _ path: JSONPath, at offset: Int, _ arguments: [String: MessageArgument] = [:],
                hints: [Message] = [], firstAt firstOffset: Int? = nil) {
        errors.append(Report(offset: offset, path: path, code: code, arguments: arguments, hints: hints, firstOffset: firstOffset))
    }

    /// "did you mean 'x'?" for a near miss, else "expected one of: a, b, c" in the given order;
    /// "the deck has none" when there is nothing to choose. For keys and values, never for cards.
    func suggestion(for word: String, among candidates: [String]) -> [Message] {
        if candidates.isEmpty { return [Message(SessionCode.noneInDeck)] }
        if let near = Suggestion.closest(to: word, among: candidates) { return [Suggestion.didYouMean(near)] }
        return [Message(CommonCode.expectedOneOf, ["candidates": "\(candidates.joined(separator: ", "))"])]
    }

    // MARK: - Session

    func session(from root: JSONNode) -> Session? {
        guard let object = object(root, .root, SessionKeys.session) else { return nil }
        // The version decides how the rest reads; a missing one is reported, the rest read as current.
        var version = Session.currentVersion
        if let node = object.members["version"] { // null is an error here, not "absent"
            switch checkVersion(node, JSONPath.root.appending("version")) {
            case .readable(let found): version = found
            case .malformed: break
            case .unsupported:
                // Another version: its other rules are unknown, so its other errors would mislead.
                errors.removeAll { $0.path.description != "$.version" }
                return nil
            }
        }
        let datum = requiredDate(object, "datum")
        let inbrenger = requiredText(object, "inbrenger")
        let gespreksleider = optionalText(object, "gespreksleider")
        let schrijver = optionalText(object, "schrijver")
        let deelnemers = textList(object, "deelnemers")
        let omschrijving = requiredText(object, "omschrijving")
        let ronde1 = object.value("ronde1").flatMap { self.ronde1($0, object.path.appending("ronde1")) }
        let ronde2 = object.value("ronde2").flatMap { self.ronde2($0, object.path.appending("ronde2")) }
        let ronde3 = object.value("ronde3").flatMap { self.ronde3($0, object.path.appending("ronde3"), version: version) }
        let evaluatie = object.value("evaluatie").flatMap { self.evaluatie($0, object.path.appending("evaluatie"), after: datum) }
        let schema = optionalText(object, "$schema")
        guard let datum, let inbrenger, let omschrijving else { return nil }
        return Session(version: version, datum: datum, inbrenger: inbrenger,
                       gespreksleider: gespreksleider, schrijver: schrijver, deelnemers: deelnemers,
                       omschrijving: omschrijving, ronde1: ronde1, ronde2: ronde2, ronde3: ronde3,
                       evaluatie: evaluatie, schema: schema)
    }

    private enum VersionCheck { case readable(Int), malformed, unsupported }

    private func checkVersion(_ node: JSONNode, _ path: JSONPath) -> VersionCheck {
        let versions: MessageArgument = "\(Session.readableVersions.map(String.init).joined(separator: ", "))"
        guard case .number(let text) = node.value else {
            report(.expectedVersion, path, at: node.offset, ["versions": versions, "found": node.value.kindDescription])
            return .malformed
        }
        guard let version = Int(text) else {
            report(.expectedVersion, path, at: node.offset, ["versions": versions, "found": "\(text)"])
            return .malformed
        }
        guard Session.readableVersions.contains(version) else {
            report(.unsupportedVersion, path, at: node.offset, ["found": "\(version)", "versions": versions])
            return .unsupported
        }
        return .readable(version)
    }

    // MARK: - Rondes

    private func ronde1(_ node: JSONNode, _ path: JSONPath) -> Session.Ronde1? {
        guard let object = object(node, path, SessionKeys.ronde1) else { return nil }
        var seen: [String: JSONPath] = [:]
        let voorwaarden = list(object, "voorwaarden") { item, itemPath -> Session.Ronde1.Voorwaarde? in
            guard let entry = self.object(item, itemPath, SessionKeys.voorwaarde) else { return nil }
            let id = self.vocabularyID(entry, "id", in: self.vocabulary.voorwaarden, noun: .nounVoorwaarde, seen: &seen)
            let toelichting = self.optionalText(entry, "toelichting")
            return id.map { Session.Ronde1.Voorwaarde(id: $0, toelichting: toelichting) }
        }
        return Session.Ronde1(voorwaarden: voorwaarden, bereiken: optionalText(object, "bereiken"))
    }

    private func ronde2(_ node: JSONNode, _ path: JSONPath) -> Session.Ronde2? {
        guard let object = object(node, path, SessionKeys.ronde2) else { return nil }
        var seen: [String: JSONPath] = [:]
        let factoren = list(object, "factoren") { item, itemPath -> Session.Ronde2.Factor? in
            guard let entry = self.object(item, itemPath, SessionKeys.factor) else { return nil }
            let id = self.vocabularyID(entry, "id", in: self.vocabulary.factoren, noun: .nounFactor, seen: &seen)
            let weging = self.weging(entry)
            let toelichting = self.optionalText(entry, "toelichting")
            return id.map { Session.Ronde2.Factor(id: $0, weging: weging, toelichting: toelichting) }
        }
        let dilemma = object.value("moreelDilemma").flatMap { node -> Session.MoreelDilemma? in
            let dilemmaPath = object.path.appending("moreelDilemma")
            guard let entry = self.object(node, dilemmaPath, SessionKeys.moreelDilemma) else { return nil }
            let beschrijving = self.requiredText(entry, "beschrijving")
            let waarden = self.textList(entry, "botsendeWaarden")
            let beraad = self.optionalBool(entry, "moreelBeraad")
            return beschrijving.map { Session.MoreelDilemma(beschrijving: $0, botsendeWaarden: waarden, moreelBeraad: beraad) }
        }
        return Session.Ronde2(factoren: factoren, moreelDilemma: dilemma)
    }

    private func weging(_ entry: ObjectView) -> Session.Weging? {
        guard let node = entry.value("weging") else { return nil }
        let path = entry.path.appending("weging")
        guard case .string(let text) = node.value else {
            report(.expectedWeging, path, at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        if let weging = Session.Weging(rawValue: text) { return weging }
        let allowed = Session.Weging.allCases.map(\.rawValue)
        report(.unknownWeging, path, at: node.offset, ["weging": "\(text)"], hints: suggestion(for: text, among: allowed))
        return nil
    }

    private func ronde3(_ node: JSONNode, _ path: JSONPath, version: Int) -> Session.Ronde3? {
        guard let object = object(node, path, SessionKeys.ronde3) else { return nil }
        let interventies = object.value("interventies").map { self.interventies($0, object.path.appending("interventies")) } ?? [:]
        let gekozen = version == 1
            ? textList(object, "gekozen").map { Session.Keuze(niveau: nil, interventie: $0) }
            : list(object, "gekozen") { item, itemPath in self.keuze(item, itemPath) }
        let hulpvragen = list(object, "hulpvragen") { item, itemPath -> Session.Hulpvraag? in
            guard let entry = self.object(item, itemPath, SessionKeys.hulpvraag) else { return nil }
            let vraag = self.optionalText(entry, "vraag")
            return self.requiredText(entry, "antwoord").map { Session.Hulpvraag(vraag: vraag, antwoord: $0) }
        }
        let signaal = object.value("signaal").flatMap { node -> Session.Signaal? in
            guard let entry = self.object(node, object.path.appending("signaal"), SessionKeys.signaal) else { return nil }
            let aanwezig = self.requiredBool(entry, "aanwezig")
            let opvolging = self.optionalText(entry, "opvolging")
            return aanwezig.map { Session.Signaal(aanwezig: $0, opvolging: opvolging) }
        }
        return Session.Ronde3(interventies: interventies, gekozen: gekozen, hulpvragen: hulpvragen, signaal: signaal)
    }

    /// A chosen intervention of version 2: its level (an id of the deck) and its text. A bare
    /// text is what version 1 wrote: the message says so, rather than only "expected an object".
    private func keuze(_ node: JSONNode, _ path: JSONPath) -> Session.Keuze? {
        if case .string = node.value {
            report(.expectedKeuze, path, at: node.offset, ["levels": "\(sortedIDs(vocabulary.levels))"])
            return nil
        }
        guard let entry = object(node, path, SessionKeys.keuze) else { return nil }
        var niveau: String?
        if let levelNode = entry.members["niveau"] {
            let levelPath = path.appending("niveau")
            if case .string(let id) = levelNode.value {
                if vocabulary.levels[id] != nil {
                    niveau = id
                } else {
                    reportUnknownID(id, noun: .nounLevel, ids: vocabulary.levels, path: levelPath, offset: levelNode.offset)
                }
            } else {
                report(.expectedId, levelPath, at: levelNode.offset, ["noun": .message(SessionCode.nounLevel), "found": levelNode.value.kindDescription])
            }
        }
        let interventie = requiredText(entry, "interventie")
        guard let niveau, let interventie else { return nil }
        return Session.Keuze(niveau: niveau, interventie: interventie)
    }

    /// `interventies` is keyed by level id rather than by fixed keys.
    private func interventies(_ node: JSONNode, _ path: JSONPath) -> [String: [String]] {
        guard case .object(let members) = node.value else {
            report(.expectedLevels, path, at: node.offset, ["levels": "\(sortedIDs(vocabulary.levels))", "found": node.value.kindDescription])
            return [:]
        }
        var result: [String: [String]] = [:]
        var firstOffset: [String: Int] = [:]
        for member in members {
            let memberPath = path.appending(member.key)
            if let first = firstOffset[member.key] {
                report(.duplicateKey, memberPath, at: member.keyOffset, ["key": "\(member.key)"], firstAt: first)
                continue
            }
            firstOffset[member.key] = member.keyOffset
            guard vocabulary.levels[member.key] != nil else {
                reportUnknownID(member.key, noun: .nounLevel, ids: vocabulary.levels, path: memberPath, offset: member.keyOffset)
                continue
            }
            if case .null = member.value.value { continue }
            result[member.key] = texts(member.value, memberPath)
        }
        return result
    }

    private func evaluatie(_ node: JSONNode, _ path: JSONPath, after datum: SessionDate?) -> Session.Evaluatie? {
        guard let object = object(node, path, SessionKeys.evaluatie) else { return nil }
        let date = object.value("datum").flatMap { self.date($0, object.path.appending("datum")) }
        if let date, let datum, date < datum, let node = object.value("datum") {
            report(.evaluatieBeforeDatum, object.path.appending("datum"), at: node.offset, ["evaluatie": "\(date)", "datum": "\(datum)"])
        }
        let verloop = requiredText(object, "verloop")
        return verloop.map { Session.Evaluatie(datum: date, verloop: $0) }
    }

    // MARK: - Ids

    private func vocabularyID(_ entry: ObjectView, _ key: String, in ids: [String: String], noun: SessionCode,
                              seen: inout [String: JSONPath]) -> String? {
        guard let node = entry.members[key] else { return nil } // reported as missing
        let path = entry.path.appending(key)
        guard case .string(let id) = node.value else {
            report(.expectedId, path, at: node.offset, ["noun": .message(noun), "found": node.value.kindDescription])
            return nil
        }
        guard ids[id] != nil else {
            reportUnknownID(id, noun: noun, ids: ids, path: path, offset: node.offset)
            return nil
        }
        if let first = seen[id] {
            report(.duplicateId, path, at: node.offset, ["noun": .message(noun), "id": "\(id)", "first": "\(first)"])
            return nil
        }
        seen[id] = path
        return id
    }

    /// A card the deck does not have. No other card is proposed: a session is a record of what was
    /// said, and the card may have left the deck since; the way to keep it is its own deck.
    private func reportUnknownID(_ id: String, noun: SessionCode, ids: [String: String], path: JSONPath, offset: Int) {
        let none = ids.isEmpty ? [Message(SessionCode.noneInDeck)] : []
        report(.unknownId, path, at: offset, ["noun": .message(noun), "id": "\(id)"], hints: none + [Message(SessionCode.keepWithItsDeck)])
    }

    private func sortedIDs(_ ids: [String: String]) -> String {
        ids.keys.sorted().joined(separator: ", ")
    }
}
