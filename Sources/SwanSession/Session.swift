/// The record of one case discussion: everything the invulblad holds.
///
/// Required: `version`, `datum`, `inbrenger`, `omschrijving`. Everything else may be left
/// out; lists then are empty and optionals nil. Text is kept exactly as written.
/// Names of residents and colleagues make this personal data: see docs/session.md.
package struct Session: Sendable, Equatable {
    /// The format version this library writes.
    package static let currentVersion = 2
    /// The format versions this library reads: version 1 lists the chosen interventions as
    /// texts without their level; version 2 gives each its level.
    package static let readableVersions = 1...2

    package var version: Int
    /// DATUM BESPREKING.
    package var datum: SessionDate
    /// INBRENGER: who brings in the praktijksituatie.
    package var inbrenger: String
    package var gespreksleider: String?
    package var schrijver: String?
    /// The other participants (the three roles need not be repeated here).
    package var deelnemers: [String]
    /// OMSCHRIJVING PRAKTIJKSITUATIE.
    package var omschrijving: String
    package var ronde1: Ronde1?
    package var ronde2: Ronde2?
    package var ronde3: Ronde3?
    /// How it went in practice, told at the next meeting.
    package var evaluatie: Evaluatie?
    /// The "$schema" key: where an editor finds the JSON Schema to check the file against.
    package var schema: String?

    package init(version: Int = Session.currentVersion, datum: SessionDate, inbrenger: String,
                gespreksleider: String? = nil, schrijver: String? = nil, deelnemers: [String] = [],
                omschrijving: String, ronde1: Ronde1? = nil, ronde2: Ronde2? = nil,
                ronde3: Ronde3? = nil, evaluatie: Evaluatie? = nil, schema: String? = nil) {
        self.version = version
        self.datum = datum
        self.inbrenger = inbrenger
        self.gespreksleider = gespreksleider
        self.schrijver = schrijver
        self.deelnemers = deelnemers
        self.omschrijving = omschrijving
        self.ronde1 = ronde1
        self.ronde2 = ronde2
        self.ronde3 = ronde3
        self.evaluatie = evaluatie
        self.schema = schema
    }
}
