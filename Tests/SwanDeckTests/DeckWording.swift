/// The deck's wording, read from the text files under Templates/ (every YAML value and the
/// Markdown text), as the scan for wording in Swift sources uses it: the words and the pairs of
/// neighbouring words it prints, and the keys and ids of the file formats, which Swift code may
/// name.
import Foundation
import Yams

struct DeckWording {
    /// Every word of the printed texts, lower-cased.
    var words: Set<String> = []
    /// Every pair of neighbouring words in one printed text ("denk aan"), lower-cased.
    var pairs: Set<String> = []
    /// Keys, ids, file names and other names of the formats, exactly as written ("inbrenger",
    /// "card.examples", "sociale-cohesie", "ronde-1.yaml").
    var names: Set<String> = []

    /// The wording of every deck and session example under `templates`, and the keys of
    /// docs/session.schema.json.
    init(templates: URL, schema: URL?) throws {
        let files = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.sorted { $0.path < $1.path }
        for file in files {
            names.insert(file.lastPathComponent)
            names.insert(file.deletingPathExtension().lastPathComponent)
            names.insert(file.pathExtension)
            let relative = file.path.replacingOccurrences(of: templates.path + "/", with: "")
            names.insert(relative)
            // Inside a deck folder too: "forms/invulblad.yaml".
            names.insert(relative.split(separator: "/").dropFirst().joined(separator: "/"))
            switch file.pathExtension {
            case "yaml", "yml":
                guard let node = try Yams.compose(yaml: try String(contentsOf: file, encoding: .utf8)) else { continue }
                collect(node)
            case "md" where file.lastPathComponent != "README.md":
                addText(try String(contentsOf: file, encoding: .utf8))
            case "json":
                // Example sessions: their keys are the format's, their values personal examples.
                collectKeys(try JSONSerialization.jsonObject(with: Data(contentsOf: file)))
            default: continue
            }
        }
        if let schema { collectKeys(try JSONSerialization.jsonObject(with: Data(contentsOf: schema))) }
        names.remove("")
    }

    /// The words of `text`, lower-cased, in order; a {placeholder}, a number or a sign that is
    /// no letter ends a run of neighbours (nil marks the gap).
    static func words(in text: String) -> [String?] {
        var result: [String?] = []
        var current = ""
        var inPlaceholder = false
        func flush(gap: Bool) {
            if !current.isEmpty { result.append(current.lowercased()); current = "" }
            if gap && result.last != .some(nil) { result.append(nil) }
        }
        for character in text {
            if character == "{" { flush(gap: true); inPlaceholder = true; continue }
            if character == "}" { inPlaceholder = false; continue }
            if inPlaceholder { continue }
            if character.isLetter || (character == "'" || character == "’") && !current.isEmpty {
                current.append(character)
            } else if character == " " || character == "\n" || character == "\t" || character == "-" && !current.isEmpty {
                flush(gap: false)
            } else if character == "," || character == ":" || character == "?" || character == "." || character == "…"
                        || character == "(" || character == ")" || character == "/" || character == "!" || character == ";" {
                // Punctuation inside a sentence keeps the words neighbours ("Hoe speelt…").
                flush(gap: false)
            } else {
                flush(gap: true)
            }
        }
        flush(gap: false)
        return result
    }

    private mutating func addText(_ text: String) {
        let sequence = Self.words(in: text)
        for case let word? in sequence { words.insert(word) }
        for (first, second) in zip(sequence, sequence.dropFirst()) {
            if let first, let second { pairs.insert(first + " " + second) }
        }
    }

    private mutating func collect(_ node: Node, key: String? = nil) {
        switch node {
        case .scalar(let scalar):
            let value = scalar.string
            // YAML's booleans and nulls are no wording.
            if scalar.style == .plain, ["true", "false", "yes", "no", "null", "~", ""].contains(value.lowercased()) { return }
            // Ids, paths, colours and file names ("sociale-cohesie", "../../Fonts", "#2E8B57"); a
            // plain word only as the value of an id (a label "groot" or a title is printed).
            if value.range(of: #"^[A-Za-z0-9_./#-]+$"#, options: .regularExpression) != nil,
               value.range(of: #"[0-9_./#-]"#, options: .regularExpression) != nil || key?.lowercased().hasSuffix("id") == true {
                names.insert(value)
                names.formUnion(value.split(separator: "/").map(String.init))
            }
            addText(value)
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let name = key.string {
                    names.insert(name)
                    names.formUnion(name.split(separator: ".").map(String.init))
                }
                collect(value, key: key.string)
            }
        case .sequence(let sequence):
            for item in sequence { collect(item, key: key) }
        case .alias:
            break
        }
    }

    private mutating func collectKeys(_ object: Any) {
        if let dictionary = object as? [String: Any] {
            for (key, value) in dictionary { names.insert(key); collectKeys(value) }
        } else if let array = object as? [Any] {
            for item in array { collectKeys(item) }
        }
    }
}
