extension Session {
    /// Ronde 1: which voorwaarden van sociale kwaliteit play a role, and what to achieve.
    package struct Ronde1: Sendable, Equatable {
        /// Most important first. Each voorwaarde at most once.
        package var voorwaarden: [Voorwaarde]
        /// "Formuleer wat we vanuit deze voorwaarden willen bereiken."
        package var bereiken: String?

        package init(voorwaarden: [Voorwaarde] = [], bereiken: String? = nil) {
            self.voorwaarden = voorwaarden
            self.bereiken = bereiken
        }

        package struct Voorwaarde: Sendable, Equatable {
            /// A voorwaarde id of the deck, e.g. `sociale-cohesie`.
            package var id: String
            package var toelichting: String?

            package init(id: String, toelichting: String? = nil) {
                self.id = id
                self.toelichting = toelichting
            }
        }
    }

    /// Ronde 2: which factoren play a role and how; a moreel dilemma if there is one.
    package struct Ronde2: Sendable, Equatable {
        /// In the order the team noted them. Each factor at most once.
        package var factoren: [Factor]
        package var moreelDilemma: MoreelDilemma?

        package init(factoren: [Factor] = [], moreelDilemma: MoreelDilemma? = nil) {
            self.factoren = factoren
            self.moreelDilemma = moreelDilemma
        }

        package struct Factor: Sendable, Equatable {
            /// A factor id of the deck, e.g. `professional`.
            package var id: String
            /// How heavily the factor weighs in this situation.
            package var weging: Weging?
            /// How the factor influences the praktijksituatie.
            package var toelichting: String?

            package init(id: String, weging: Weging? = nil, toelichting: String? = nil) {
                self.id = id
                self.weging = weging
                self.toelichting = toelichting
            }
        }
    }

    /// How heavily a factor weighs: a fixed scale of three, so that it can be printed and
    /// compared; the why belongs in the factor's toelichting.
    package enum Weging: String, Sendable, Equatable, CaseIterable {
        case groot
        case middel
        case klein
    }

    /// "Stuiten we op een moreel dilemma? Welke normen, waarden, rechten botsen?
    /// Beleg zo nodig een moreel beraad."
    package struct MoreelDilemma: Sendable, Equatable {
        package var beschrijving: String
        /// The norms, values or rights that clash.
        package var botsendeWaarden: [String]
        /// Whether a moreel beraad is (to be) held; nil when not decided.
        package var moreelBeraad: Bool?

        package init(beschrijving: String, botsendeWaarden: [String] = [], moreelBeraad: Bool? = nil) {
            self.beschrijving = beschrijving
            self.botsendeWaarden = botsendeWaarden
            self.moreelBeraad = moreelBeraad
        }
    }

    /// Ronde 3: possible interventions per level, the choice, the hulpvragen and the signaal.
    package struct Ronde3: Sendable, Equatable {
        /// Level id of the deck (`individu`, `groep`, `organisatie-beleid`) -> the interventions
        /// suggested at that level, in order. Print in the deck's level order.
        package var interventies: [String: [String]]
        /// "Noteer de gekozen interventie(s) van de inbrenger.", each with its level.
        package var gekozen: [Keuze]
        /// "Noteer relevante antwoorden op de hulpvragen."
        package var hulpvragen: [Hulpvraag]
        /// "Is hier sprake van een signaal? Zo ja, noteer hoe dit signaal verder wordt opgepakt."
        package var signaal: Signaal?

        package init(interventies: [String: [String]] = [:], gekozen: [Keuze] = [],
                    hulpvragen: [Hulpvraag] = [], signaal: Signaal? = nil) {
            self.interventies = interventies
            self.gekozen = gekozen
            self.hulpvragen = hulpvragen
            self.signaal = signaal
        }
    }

    /// A chosen intervention and the level it acts on. Version 2 of the format always has the
    /// level; a version 1 file has only the text, so its level is unknown (nil).
    package struct Keuze: Sendable, Equatable {
        /// A level id of the deck (`individu`, `groep`, `organisatie-beleid`), nil when unknown.
        package var niveau: String?
        package var interventie: String

        package init(niveau: String?, interventie: String) {
            self.niveau = niveau
            self.interventie = interventie
        }
    }

    /// An answer to a hulpvraag; `vraag` may be left out when the note answers none in particular.
    package struct Hulpvraag: Sendable, Equatable {
        package var vraag: String?
        package var antwoord: String

        package init(vraag: String? = nil, antwoord: String) {
            self.vraag = vraag
            self.antwoord = antwoord
        }
    }

    package struct Signaal: Sendable, Equatable {
        package var aanwezig: Bool
        /// How the signal is followed up.
        package var opvolging: String?

        package init(aanwezig: Bool, opvolging: String? = nil) {
            self.aanwezig = aanwezig
            self.opvolging = opvolging
        }
    }

    /// The short evaluation at the next meeting.
    package struct Evaluatie: Sendable, Equatable {
        package var datum: SessionDate?
        package var verloop: String

        package init(datum: SessionDate? = nil, verloop: String) {
            self.datum = datum
            self.verloop = verloop
        }
    }
}
