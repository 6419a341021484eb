/// Makes valid, varied sessions from a seed, for benchmarks and fuzzing. The same seed always
/// gives the same session. Names come from several Latin scripts; texts include line breaks,
/// quotes and characters that need escaping in JSON.
package enum SessionGenerator {
    /// A valid session for `seed`. With `longField`, the omschrijving is exactly that many
    /// characters long (to test long texts). Ids come from `vocabulary`, which must have at
    /// least one id of each kind.
    package static func make(seed: UInt64, longField: Int? = nil,
                            vocabulary: SessionVocabulary = .standard) -> Session {
        var random = SplitMix64(seed: seed)
        let people = random.shuffled(GeneratorWords.names)
        let datum = SessionDate(year: 2020 + random.below(8), month: 1 + random.below(12), day: 1 + random.below(28))!

        var session = Session(datum: datum, inbrenger: people[0],
                              omschrijving: longField.map { longText(length: $0, random: &random) }
                                  ?? random.sentences(1 + random.below(4)))
        if random.chance() { session.gespreksleider = people[1] }
        if random.chance() { session.schrijver = people[2] }
        session.deelnemers = Array(people[3..<(3 + random.below(5))])

        if random.chance(outOf: 5, is: 4) {
            let ids = random.shuffled(vocabulary.voorwaarden.keys.sorted())
            session.ronde1 = Session.Ronde1(
                voorwaarden: ids.prefix(random.below(ids.count + 1)).map {
                    Session.Ronde1.Voorwaarde(id: $0, toelichting: random.chance() ? random.sentences(1 + random.below(2)) : nil)
                },
                bereiken: random.chance() ? random.sentences(1) : nil)
        }
        if random.chance(outOf: 5, is: 4) {
            let ids = random.shuffled(vocabulary.factoren.keys.sorted())
            session.ronde2 = Session.Ronde2(
                factoren: ids.prefix(random.below(ids.count + 1)).map {
                    Session.Ronde2.Factor(id: $0,
                                          weging: random.chance() ? random.pick(Session.Weging.allCases) : nil,
                                          toelichting: random.chance() ? random.sentences(1) : nil)
                },
                moreelDilemma: random.chance() ? Session.MoreelDilemma(
                    beschrijving: random.sentences(1),
                    botsendeWaarden: Array(random.shuffled(GeneratorWords.values).prefix(random.below(4))),
                    moreelBeraad: random.chance() ? random.chance() : nil) : nil)
        }
        if random.chance(outOf: 5, is: 4) {
            var interventies: [String: [String]] = [:]
            let levelIDs = vocabulary.levels.keys.sorted()
            for level in levelIDs where random.chance() {
                interventies[level] = (0..<(1 + random.below(3))).map { _ in random.sentences(1) }
            }
            session.ronde3 = Session.Ronde3(
                interventies: interventies,
                // The level by position, not by a draw: the random stream (and so every other
                // part of a generated session) stays what it was before levels were recorded.
                gekozen: (0..<random.below(3)).map { index in
                    Session.Keuze(niveau: levelIDs[index % levelIDs.count], interventie: random.sentences(1))
                },
                hulpvragen: (0..<random.below(3)).map { _ in
                    Session.Hulpvraag(vraag: random.chance() ? random.pick(GeneratorWords.hulpvragen) : nil,
                                      antwoord: random.sentences(1))
                },
                signaal: random.chance() ? Session.Signaal(aanwezig: random.chance(),
                                                           opvolging: random.chance() ? random.sentences(1) : nil) : nil)
        }
        if random.chance(outOf: 3, is: 1) {
            let later = SessionDate(year: datum.year + 1, month: datum.month, day: datum.day)
            session.evaluatie = Session.Evaluatie(datum: random.chance() ? later : nil, verloop: random.sentences(2))
        }
        return session
    }

    /// Exactly `length` characters of text, words from the word list, with line breaks.
    static func longText(length: Int, random: inout SplitMix64) -> String {
        var characters: [Character] = []
        characters.reserveCapacity(length)
        while characters.count < length {
            let word = random.pick(GeneratorWords.words)
            characters.append(contentsOf: word)
            characters.append(random.below(12) == 0 ? "\n" : " ")
        }
        return String(characters.prefix(length))
    }
}

/// A small deterministic random number generator (SplitMix64), the same on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func chance(outOf total: Int = 2, is wanted: Int = 1) -> Bool {
        below(total) < wanted
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
        return items
    }

    /// `count` sentences of four to twelve words.
    mutating func sentences(_ count: Int) -> String {
        (0..<count).map { _ in
            let words = (0..<(4 + below(9))).map { _ in pick(GeneratorWords.words) }
            return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
        }.joined(separator: " ")
    }
}

/// The word lists of the generator: invented names and everyday Dutch words of the domain.
enum GeneratorWords {
    static let names = [
        "Ayşe Yılmaz", "Łukasz Wójcik", "Ștefan Popescu", "Zoë de Vries", "Mehmet Öztürk",
        "Agnieszka Kowalczyk", "Ioana Țurcanu", "Jan-Willem van den Berg", "Fatima El Amrani",
        "Chloë Janssen", "Dragoș Ionescu", "Gülşen Demir", "Małgorzata Dąbrowska", "Noël Peeters",
        "Søren Nielsen", "Björn Åkesson", "Renée Bakker", "José Martínez", "Tomáš Dvořák",
        "Anaïs Dubois", "Sanne 't Hart", "Kees \"Kees\" Smit",
    ]

    static let words = [
        "bewoner", "buurt", "wijk", "gezin", "schulden", "huur", "eenzaamheid", "buurthuis",
        "wijkteam", "jongeren", "ouderen", "mantelzorg", "taal", "uitkering", "gemeente", "beleid",
        "netwerk", "vertrouwen", "contact", "overlast", "geluid", "portiek", "ontmoeting",
        "vrijwilligers", "woningcorporatie", "huisarts", "school", "werk", "inkomen", "zorgen",
        "samen", "afspraak", "gesprek", "signaal", "café", "één", "coördinatie", "geïnformeerd",
        "ruzie", "\"lastig\"", "c:\\map", "€ 450", "50%", "Zoë", "Łódź", "Ștefan", "emoji 🙂",
        "tab\there", "niet-westers", "naïef", "reünie", "ideeën",
    ]

    static let values = ["autonomie", "veiligheid", "privacy", "zorgplicht", "gelijkwaardigheid",
                         "loyaliteit aan het team", "beroepsgeheim"]

    /// Invented questions: the deck's own hulpvragen stay in Templates/.
    static let hulpvragen = (1...9).map { "Vraag \($0): wat weten we al, en wat nog niet?" }
}
