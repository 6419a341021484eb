/// The ids a session may use, each with its display name. The deck is the authority: the
/// caller builds this from the deck's voorwaarden, factoren and levels. `standard` holds the
/// ids of the printed SWAN set, for tests, examples and the generator.
package struct SessionVocabulary: Sendable, Equatable {
    /// Voorwaarden van sociale kwaliteit (ronde 1): id -> name.
    package var voorwaarden: [String: String]
    /// Factoren (ronde 2): id -> name.
    package var factoren: [String: String]
    /// Levels of intervention (ronde 3): id -> name.
    package var levels: [String: String]

    package init(voorwaarden: [String: String], factoren: [String: String], levels: [String: String]) {
        self.voorwaarden = voorwaarden
        self.factoren = factoren
        self.levels = levels
    }

    /// The ids of the printed SWAN card set, each named by its id: the real names come from the
    /// deck (`SessionVocabulary(deck:)`); this one serves tests and the generator.
    package static let standard = SessionVocabulary(
        voorwaarden: named(["sociale-cohesie", "sociaal-economische-zekerheid", "sociale-empowerment", "sociale-inclusie"]),
        factoren: named(["inwoners", "kennis", "professional", "organisatie", "maatschappelijke-opdracht"]),
        levels: named(["individu", "groep", "organisatie-beleid"]))

    private static func named(_ ids: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ids.map { ($0, $0) })
    }
}
