/// The ids a session may use, each with its display name. The deck is the authority: the
/// caller builds this from the deck's voorwaarden, factoren and levels. `standard` holds the
/// ids of the printed SWAN set, for tests, examples and the generator.
public struct SessionVocabulary: Sendable, Equatable {
    /// Voorwaarden van sociale kwaliteit (ronde 1): id -> name.
    public var voorwaarden: [String: String]
    /// Factoren (ronde 2): id -> name.
    public var factoren: [String: String]
    /// Levels of intervention (ronde 3): id -> name.
    public var levels: [String: String]

    public init(voorwaarden: [String: String], factoren: [String: String], levels: [String: String]) {
        self.voorwaarden = voorwaarden
        self.factoren = factoren
        self.levels = levels
    }

    /// The ids of the printed SWAN card set (names as on the cards).
    public static let standard = SessionVocabulary(
        voorwaarden: [
            "sociale-cohesie": "Sociale cohesie",
            "sociaal-economische-zekerheid": "Sociaal-economische zekerheid",
            "sociale-empowerment": "Sociale empowerment",
            "sociale-inclusie": "Sociale inclusie",
        ],
        factoren: [
            "inwoners": "De (groep) inwoners",
            "kennis": "Kennis",
            "professional": "De professional(s)",
            "organisatie": "De organisatie",
            "maatschappelijke-opdracht": "De maatschappelijke opdracht",
        ],
        levels: [
            "individu": "Individuele inwoner/huishouden/gezin",
            "groep": "Groep/buurt/wijk/gemeenschap",
            "organisatie-beleid": "Organisatie/beleid/samenleving",
        ])
}
