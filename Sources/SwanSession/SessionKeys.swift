/// The keys each object of the format may hold, and which of them are required. The decoder,
/// the encoder and the tests that keep docs/session.schema.json in step all use these tables.
enum SessionKeys {
    struct Table: Sendable {
        /// Every allowed key, in the order the documentation lists them.
        let known: [String]
        let required: Set<String>
    }

    static let session = Table(
        known: ["$schema", "version", "datum", "inbrenger", "gespreksleider", "schrijver", "deelnemers",
                "omschrijving", "ronde1", "ronde2", "ronde3", "evaluatie"],
        required: ["version", "datum", "inbrenger", "omschrijving"])
    static let ronde1 = Table(known: ["voorwaarden", "bereiken"], required: [])
    static let voorwaarde = Table(known: ["id", "toelichting"], required: ["id"])
    static let ronde2 = Table(known: ["factoren", "moreelDilemma"], required: [])
    static let factor = Table(known: ["id", "weging", "toelichting"], required: ["id"])
    static let moreelDilemma = Table(known: ["beschrijving", "botsendeWaarden", "moreelBeraad"],
                                     required: ["beschrijving"])
    static let ronde3 = Table(known: ["interventies", "gekozen", "hulpvragen", "signaal"], required: [])
    /// A chosen intervention in version 2.
    static let keuze = Table(known: ["niveau", "interventie"], required: ["niveau", "interventie"])
    static let hulpvraag = Table(known: ["vraag", "antwoord"], required: ["antwoord"])
    static let signaal = Table(known: ["aanwezig", "opvolging"], required: ["aanwezig"])
    static let evaluatie = Table(known: ["datum", "verloop"], required: ["verloop"])

    /// Each table under the schema location of its object (for the schema drift test):
    /// "" is the root; nested objects by their property names; list items with "[]".
    static let all: [(path: String, table: Table)] = [
        ("", session),
        ("ronde1", ronde1),
        ("ronde1.voorwaarden[]", voorwaarde),
        ("ronde2", ronde2),
        ("ronde2.factoren[]", factor),
        ("ronde2.moreelDilemma", moreelDilemma),
        ("ronde3", ronde3),
        ("ronde3.gekozen[]", keuze),
        ("ronde3.hulpvragen[]", hulpvraag),
        ("ronde3.signaal", signaal),
        ("evaluatie", evaluatie),
    ]
}
