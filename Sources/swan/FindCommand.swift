import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanIO

/// `swan find ARCHIVE TEXT…`: the records whose session mentions every TEXT (case and accents
/// ignored), for a resident's request to see or erase their records. Prints ids and dates only.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: HelpCode.findAbstract.text,
        discussion: HelpCode.findDiscussion.text)

    @Argument(help: ArgumentHelp(HelpCode.archiveFolder.text, valueName: "ARCHIVE"), completion: .directory)
    var archive: String

    @Argument(help: ArgumentHelp(HelpCode.findText.text, valueName: "TEXT"))
    var texts: [String]

    @Flag(help: ArgumentHelp(HelpCode.findJSON.text))
    var json = false

    func validate() throws {
        if texts.allSatisfy({ SearchText($0).folded.isEmpty }) {
            throw ValidationError(Catalogue.current.text(Message(ArchiveCode.findNeedsText)))
        }
    }

    func run() throws {
        try Reporting.run {
            let folder = ArchiveFolder(URL(fileURLWithPath: archive))
            try folder.checkExists()
            let lock = try folder.lock()
            defer { withExtendedLifetime(lock) {} }
            let found = try ArchiveSearch.find(texts.filter { !SearchText($0).folded.isEmpty }, in: folder)
            DiagnosticPrinter.print(found.problems)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                // Written as is (Reporting.say would escape the line breaks).
                try StandardOutput.write(try encoder.encode(found.matches) + Data("\n".utf8))
            } else {
                for match in found.matches {
                    Reporting.say(([match.id, match.datum] + (match.evaluatie.map { [$0] } ?? [])).joined(separator: "\t"))
                }
            }
            Reporting.printError(Catalogue.current.text(Message(ArchiveCode.findSummary, ["count": "\(found.matches.count)", "folder": "\(archive)"])))
            if !found.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
