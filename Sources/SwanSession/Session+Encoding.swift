package import Foundation

extension Session {
    /// The session as a session file: UTF-8 JSON, keys sorted, pretty printed. Absent
    /// optionals and empty lists are left out, so decoding gives back an equal session.
    package func encodeJSON() -> Data {
        Data(JSONWriter.write(jsonValue))
    }

    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object["$schema"] = schema.map(JSONValue.string)
        object["version"] = .number(String(version))
        object["datum"] = .string(datum.description)
        object["inbrenger"] = .string(inbrenger)
        object["gespreksleider"] = gespreksleider.map(JSONValue.string)
        object["schrijver"] = schrijver.map(JSONValue.string)
        object["deelnemers"] = JSONObjectBuilder.texts(deelnemers)
        object["omschrijving"] = .string(omschrijving)
        object["ronde1"] = ronde1.map(\.jsonValue)
        object["ronde2"] = ronde2.map(\.jsonValue)
        object["ronde3"] = ronde3.map { $0.jsonValue(version: version) }
        object["evaluatie"] = evaluatie.map(\.jsonValue)
        return object.value
    }
}

extension Session.Ronde1 {
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object["voorwaarden"] = JSONObjectBuilder.list(voorwaarden.map { voorwaarde in
            var entry = JSONObjectBuilder()
            entry["id"] = .string(voorwaarde.id)
            entry["toelichting"] = voorwaarde.toelichting.map(JSONValue.string)
            return entry.value
        })
        object["bereiken"] = bereiken.map(JSONValue.string)
        return object.value
    }
}

extension Session.Ronde2 {
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object["factoren"] = JSONObjectBuilder.list(factoren.map { factor in
            var entry = JSONObjectBuilder()
            entry["id"] = .string(factor.id)
            entry["weging"] = factor.weging.map { .string($0.rawValue) }
            entry["toelichting"] = factor.toelichting.map(JSONValue.string)
            return entry.value
        })
        object["moreelDilemma"] = moreelDilemma.map { dilemma in
            var entry = JSONObjectBuilder()
            entry["beschrijving"] = .string(dilemma.beschrijving)
            entry["botsendeWaarden"] = JSONObjectBuilder.texts(dilemma.botsendeWaarden)
            entry["moreelBeraad"] = dilemma.moreelBeraad.map(JSONValue.bool)
            return entry.value
        }
        return object.value
    }
}

extension Session.Ronde3 {
    /// Version 1 writes the chosen interventions as texts; later versions with their level.
    func jsonValue(version: Int) -> JSONValue {
        var object = JSONObjectBuilder()
        if !interventies.isEmpty {
            var levels = JSONObjectBuilder()
            for (level, texts) in interventies {
                levels[level] = .array(texts.map { JSONNode(value: .string($0), offset: 0) })
            }
            object["interventies"] = levels.value
        }
        if version == 1 {
            object["gekozen"] = JSONObjectBuilder.texts(gekozen.map(\.interventie))
        } else {
            object["gekozen"] = JSONObjectBuilder.list(gekozen.map { keuze in
                var entry = JSONObjectBuilder()
                entry["niveau"] = keuze.niveau.map(JSONValue.string)
                entry["interventie"] = .string(keuze.interventie)
                return entry.value
            })
        }
        object["hulpvragen"] = JSONObjectBuilder.list(hulpvragen.map { hulpvraag in
            var entry = JSONObjectBuilder()
            entry["vraag"] = hulpvraag.vraag.map(JSONValue.string)
            entry["antwoord"] = .string(hulpvraag.antwoord)
            return entry.value
        })
        object["signaal"] = signaal.map { signaal in
            var entry = JSONObjectBuilder()
            entry["aanwezig"] = .bool(signaal.aanwezig)
            entry["opvolging"] = signaal.opvolging.map(JSONValue.string)
            return entry.value
        }
        return object.value
    }
}

extension Session.Evaluatie {
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object["datum"] = datum.map { .string($0.description) }
        object["verloop"] = .string(verloop)
        return object.value
    }
}

/// Collects object members for the writer; assigning nil leaves the key out.
struct JSONObjectBuilder {
    private var members: [JSONMember] = []

    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append(JSONMember(key: key, keyOffset: 0, value: JSONNode(value: newValue, offset: 0))) }
        }
    }

    var value: JSONValue { .object(members) }

    /// A list of strings, or nil (left out) when empty.
    static func texts(_ texts: [String]) -> JSONValue? {
        list(texts.map(JSONValue.string))
    }

    /// A list, or nil (left out) when empty.
    static func list(_ values: [JSONValue]) -> JSONValue? {
        values.isEmpty ? nil : .array(values.map { JSONNode(value: $0, offset: 0) })
    }
}
