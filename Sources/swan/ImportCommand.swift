import ArgumentParser
import Foundation
import SwanApp
import SwanDocuments
import SwanIO
import SwanSession

/// `swan import FILLED.pdf [-o SESSION.json]`: a filled-in fillable invulblad back into a session
/// file, or an archived invulblad's attached session file byte for byte. Standard output without
/// -o (or with `-o -`); on any problem every error, exit 1 and no output.
struct ImportCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: HelpCode.importAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Argument(help: ArgumentHelp(HelpCode.importForm.text, valueName: "FILLED.pdf"), completion: .file(extensions: ["pdf"]))
    var form: String

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.importOutput.text, valueName: "SESSION.json"), completion: .file())
    var output: String = "-"

    func run(in workplace: Workplace) throws {
        try Reporting.run {
            let context = try deck.context(in: workplace)
            let url = URL(fileURLWithPath: form)
            let target = try OutputPath.prepare(output, inputs: [url])
            let pdf = try InputFile.read(url, limit: InvulbladImport.maximumFileSize)
            let found = try ArchivedSession.read(pdf, source: InputFile.name(of: url),
                                                 fileName: InputFile.isStandardInput(url) ? nil : url.lastPathComponent, context: context)
            try target.write(found.data, permissions: SessionFile.permissions)
        }
    }
}
