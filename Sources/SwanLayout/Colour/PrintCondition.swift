/// The press a PDF/X file is made for: its ICC output profile (embedded as the output intent),
/// the registered condition it characterises, and the total ink the press allows.
package struct PrintCondition: Hashable, Sendable {
    /// The ICC output profile (CMYK, device class "prtr").
    package var profile: [UInt8]
    /// The registered characterisation, written as /OutputConditionIdentifier ("FOGRA39").
    package var identifier: String
    /// The condition in words, written as /OutputCondition and /Info.
    package var description: String
    /// Where `identifier` is registered.
    package var registry: String
    /// The most ink at any point, as a fraction (3.0 = 300 %).
    package var inkLimit: Double

    package init(profile: [UInt8], identifier: String, description: String,
                registry: String = "http://www.color.org", inkLimit: Double) {
        self.profile = profile; self.identifier = identifier; self.description = description
        self.registry = registry; self.inkLimit = inkLimit
    }
}

/// A process colour: cyan, magenta, yellow and black ink, each 0 to 1.
package struct CMYK: Hashable, Sendable {
    package var cyan: Double, magenta: Double, yellow: Double, black: Double

    package init(cyan: Double, magenta: Double, yellow: Double, black: Double) {
        self.cyan = cyan; self.magenta = magenta; self.yellow = yellow; self.black = black
    }

    /// All four inks together (0 to 4).
    package var total: Double { cyan + magenta + yellow + black }

    /// This ink mix lightened by `amount` (0 keeps it, 1 gives paper), as a tint screen does.
    package func tint(_ amount: Double) -> CMYK {
        let keep = 1 - amount
        return CMYK(cyan: cyan * keep, magenta: magenta * keep, yellow: yellow * keep, black: black * keep)
    }
}
