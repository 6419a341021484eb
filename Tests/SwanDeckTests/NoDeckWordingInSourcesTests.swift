import Foundation
import XCTest

/// The deck's wording lives in Templates/, never in Swift string literals.
final class NoDeckWordingInSourcesTests: XCTestCase {
    /// Distinctive phrases from the seeds (lower-cased).
    static let phrases = [
        "denk aan", "hoe speelt", "gebaseerd op", "gespreksleider", "inbrenger", "schrijver", "sociale cohesie",
        "sociale inclusie", "sociale empowerment", "sociaal-economische", "moreel dilemma", "signaleren", "hulpvragen",
        "welke interventies", "welke factoren", "welke voorwaarden", "sociaal werk op alle niveaus", "invulblad deel",
        "datum bespreking", "praktijksituatie", "achtergrondinformatie", "voorbereiding", "verloop van de bespreking",
        "pagina", "vervolg van", "ronde 1", "maatschappelijke opdracht", "tijdig voor de bespreking",
    ]

    func testNoSwiftSourceContainsDeckWording() throws {
        let sources = TestDeck.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 5, "the scan must see the sources")
        var hits: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                // A lone lowercase identifier, id or JSON path ("inbrenger", "sociale-cohesie",
                // "ronde3.hulpvragen[]") names a key of a file format, not printed wording.
                for literal in Self.stringLiterals(in: line) where literal.range(of: #"^[a-z][A-Za-z0-9.\[\]-]*$"#, options: .regularExpression) == nil {
                    let lower = literal.lowercased()
                    for phrase in Self.phrases where lower.contains(phrase) {
                        hits.append("Sources/\(file):\(number + 1): \"\(phrase)\"")
                    }
                }
            }
        }
        XCTAssertEqual(hits, [], "move these texts to Templates/ (labels.yaml or the deck files)")
    }

    func testLiteralScannerFindsPlantedWording() {
        let line = #"let a = "Denk aan:" + "x\"y" // Hoe speelt"#
        XCTAssertEqual(Self.stringLiterals(in: line), ["Denk aan:", #"x\"y"#])
    }

    /// The contents of "..." literals on one line (comments after // are skipped).
    static func stringLiterals(in line: String) -> [String] {
        var literals: [String] = []
        var current: String?
        var escaped = false
        var previous: Character = " "
        for character in line {
            if var text = current {
                if escaped { escaped = false; text.append(character); current = text; continue }
                if character == "\\" { escaped = true; text.append(character); current = text; continue }
                if character == "\"" { literals.append(text); current = nil; continue }
                text.append(character)
                current = text
            } else if character == "\"" {
                current = ""
            } else if character == "/" && previous == "/" {
                break
            }
            previous = character
        }
        return literals
    }
}
