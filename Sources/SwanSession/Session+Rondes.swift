extension Session {
    /// Ronde 1: which voorwaarden van sociale kwaliteit play a role, and what to achieve.
    public struct Ronde1: Sendable, Equatable {
        /// Most important first. Each voorwaarde at most once.
        public var voorwaarden: [Voorwaarde]
        /// "Formuleer wat we vanuit deze voorwaarden willen bereiken."
        public var bereiken: String?

        public init(voorwaarden: [Voorwaarde] = [], bereiken: String? = nil) {
            self.voorwaarden = voorwaarden
            self.bereiken = bereiken
        }

        public struct Voorwaarde: Sendable, Equatable {
            /// A voorwaarde id of the deck, e.g. `sociale-cohesie`.
            public var id: String
            public var toelichting: String?

            public init(id: String, toelichting: String? = nil) {
                self.id = id
                self.toelichting = toelichting
            }
        }
    }

    /// Ronde 2: which factoren play a role and how; a moreel dilemma if there is one.
    public struct Ronde2: Sendable, Equatable {
        /// In the order the team noted them. Each factor at most once.
        public var factoren: [Factor]
        public var moreelDilemma: MoreelDilemma?

        public init(factoren: [Factor] = [], moreelDilemma: MoreelDilemma? = nil) {
            self.factoren = factoren
            self.moreelDilemma = moreelDilemma
        }

        public struct Factor: Sendable, Equatable {
            /// A factor id of the deck, e.g. `professional`.
            public var id: String
            /// How heavily the factor weighs in this situation.
            public var weging: Weging?
            /// How the factor influences the praktijksituatie.
            public var toelichting: String?

            public init(id: String, weging: Weging? = nil, toelichting: String? = nil) {
                self.id = id
                self.weging = weging
                self.toelichting = toelichting
            }
        }
    }

    /// How heavily a factor weighs: a fixed scale of three, so that it can be printed and
    /// compared; the why belongs in the factor's toelichting.
    public enum Weging: String, Sendable, Equatable, CaseIterable {
        case groot
        case middel
        case klein
    }

    /// "Stuiten we op een moreel dilemma? Welke normen, waarden, rechten botsen?
    /// Beleg zo nodig een moreel beraad."
    public struct MoreelDilemma: Sendable, Equatable {
        public var beschrijving: String
        /// The norms, values or rights that clash.
        public var botsendeWaarden: [String]
        /// Whether a moreel beraad is (to be) held; nil when not decided.
        public var moreelBeraad: Bool?

        public init(beschrijving: String, botsendeWaarden: [String] = [], moreelBeraad: Bool? = nil) {
            self.beschrijving = beschrijving
            self.botsendeWaarden = botsendeWaarden
            self.moreelBeraad = moreelBeraad
        }
    }

    /// Ronde 3: possible interventions per level, the choice, the hulpvragen and the signaal.
    public struct Ronde3: Sendable, Equatable {
        /// Level id of the deck (`individu`, `groep`, `organisatie-beleid`) -> the interventions
        /// suggested at that level, in order. Print in the deck's level order.
        public var interventies: [String: [String]]
        /// "Noteer de gekozen interventie(s) van de inbrenger.", each with its level.
        public var gekozen: [Keuze]
        /// "Noteer relevante antwoorden op de hulpvragen."
        public var hulpvragen: [Hulpvraag]
        /// "Is hier sprake van een signaal? Zo ja, noteer hoe dit signaal verder wordt opgepakt."
        public var signaal: Signaal?

        public init(interventies: [String: [String]] = [:], gekozen: [Keuze] = [],
                    hulpvragen: [Hulpvraag] = [], signaal: Signaal? = nil) {
            self.interventies = interventies
            self.gekozen = gekozen
            self.hulpvragen = hulpvragen
            self.signaal = signaal
        }
    }

    /// A chosen intervention and the level it acts on. Version 2 of the format always has the
    /// level; a version 1 file has only the text, so its level is unknown (nil).
    public struct Keuze: Sendable, Equatable {
        /// A level id of the deck (`individu`, `groep`, `organisatie-beleid`), nil when unknown.
        public var niveau: String?
        public var interventie: String

        public init(niveau: String?, interventie: String) {
            self.niveau = niveau
            self.interventie = interventie
        }
    }

    /// An answer to a hulpvraag; `vraag` may be left out when the note answers none in particular.
    public struct Hulpvraag: Sendable, Equatable {
        public var vraag: String?
        public var antwoord: String

        public init(vraag: String? = nil, antwoord: String) {
            self.vraag = vraag
            self.antwoord = antwoord
        }
    }

    public struct Signaal: Sendable, Equatable {
        public var aanwezig: Bool
        /// How the signal is followed up.
        public var opvolging: String?

        public init(aanwezig: Bool, opvolging: String? = nil) {
            self.aanwezig = aanwezig
            self.opvolging = opvolging
        }
    }

    /// The short evaluation at the next meeting.
    public struct Evaluatie: Sendable, Equatable {
        public var datum: SessionDate?
        public var verloop: String

        public init(datum: SessionDate? = nil, verloop: String) {
            self.datum = datum
            self.verloop = verloop
        }
    }
}
