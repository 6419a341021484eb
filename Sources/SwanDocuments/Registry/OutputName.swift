/// The file a document writes is named by the deck, not by the program: a key in labels.yaml
/// ("output.sheets: kaarten-thuis-printen.pdf"), so a translated deck writes files in its own
/// language. A name is checked where it is read: one plain file (or folder) name in the output
/// folder, with the extension the document needs, every problem at its line in labels.yaml.
import Foundation
package import SwanDeck
import SwanDiagnostics

package struct OutputName: Sendable {
    package enum Kind: Sendable {
        case pdf, png, folder

        /// The extension a name of this kind ends in (a folder has none of its own).
        var requiredExtension: String? {
            switch self {
            case .pdf: ".pdf"
            case .png: ".png"
            case .folder: nil
            }
        }
    }

    /// The key in labels.yaml that holds the name.
    package let key: String
    package let kind: Kind

    static func pdf(_ key: String) -> OutputName { OutputName(key: key, kind: .pdf) }
    static func png(_ key: String) -> OutputName { OutputName(key: key, kind: .png) }
    static func folder(_ key: String) -> OutputName { OutputName(key: key, kind: .folder) }

    /// The previews' contact sheet, a file inside their folder.
    static let contactSheet = png("output.previews.contactsheet")

    /// File systems refuse longer names (ext4, APFS, NTFS: 255 bytes or UTF-16 units).
    static let maximumBytes = 255

    /// The name `deck` gives, or the reasons it cannot be used.
    package func name(in deck: Deck) throws -> String {
        let (name, problems) = check(in: deck)
        guard let name, problems.isEmpty else { throw DiagnosticError(problems) }
        return name
    }

    /// The name as written, and every reason it is not a safe file name of this kind.
    func check(in deck: Deck) -> (name: String?, problems: [Diagnostic]) {
        let labels = deck.labels
        guard let name = labels[key] else {
            return (nil, [Diagnostic.error(OutputNameCode.missing, ["key": "\(key)", "file": "\(labels.file)"],
                                           at: SourceLocation(file: labels.file))])
        }
        let location = labels.locations[key] ?? SourceLocation(file: labels.file)
        let arguments: [String: MessageArgument] = ["key": "\(key)", "name": "\(name)"]
        func problem(_ code: OutputNameCode, _ extra: [String: MessageArgument] = [:]) -> Diagnostic {
            .error(code, arguments.merging(extra) { $1 }, at: location)
        }
        if name.allSatisfy(\.isWhitespace) { return (name, [problem(.empty)]) }
        var problems: [Diagnostic] = []
        if name.contains("/") || name.contains("\\") { problems.append(problem(.folderSeparator)) }
        if name.contains("..") { problems.append(problem(.dots)) }
        if let control = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            problems.append(problem(.controlCharacter, ["code": "\(String(format: "U+%04X", control.value))"]))
        }
        if name.utf8.count > Self.maximumBytes { problems.append(problem(.tooLong, ["maximum": "\(Self.maximumBytes)"])) }
        if let wanted = kind.requiredExtension,
           !(name.lowercased().hasSuffix(wanted) && name.count > wanted.count) {
            problems.append(problem(.wrongExtension, ["extension": "\(wanted)"]))
        }
        return (name, problems)
    }
}

/// The codes of the problems with an output name. Their wording is in Messages/en.txt and nl.txt.
package enum OutputNameCode: String, DiagnosticCode {
    case missing = "output.missing"
    case empty = "output.empty"
    case folderSeparator = "output.folder-separator"
    case dots = "output.dots"
    case controlCharacter = "output.control-character"
    case tooLong = "output.too-long"
    case wrongExtension = "output.wrong-extension"
    case sameName = "output.same-name"
    case sameImageFolder = "output.same-image-folder"
}

extension OutputName {
    /// A picture's number in its folder's names, two digits at least ("07-…png"), as
    /// `String(format: "%02d")` writes it, without Foundation's formatter for each of a large
    /// deck's thousands of pictures.
    static func number(_ value: Int) -> String {
        value >= 0 && value < 10 ? "0\(value)" : "\(value)"
    }
}
