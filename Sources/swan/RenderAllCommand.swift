import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanIO

/// `swan` (or `swan all`): the full default set into Output/. Each document is made on its own
/// (side by side on all cores) with its own diagnostics; the run reports every document's
/// errors once, and writes the whole set or nothing (see FileSet).
struct RenderAllCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: HelpCode.allAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.allOutput.text), completion: .directory)
    var output: String = OutputNames.folder

    func run(in workplace: Workplace) throws {
        try Reporting.run {
            let context = try deck.context(in: workplace)
            let folder = URL(fileURLWithPath: output)
            // The default set's home sheets are A4, long edge: the back offset saved for them applies.
            let offset = try BackOffsetSettings.applied(paper: .a4, flip: .long, in: workplace, quiet: deck.quiet)
            let merged = try DefaultSet.make(context, exporters: deck.exporters(in: workplace), backOffset: offset)
            Reporting.warn(merged.warnings)
            guard merged.failed.isEmpty else {
                let names = merged.failed.joined(separator: ", ")
                DiagnosticPrinter.print(merged.errors + [.error(CommandCode.nothingWritten, [
                    "folder": "\(folder.relativePath)", "failed": "\(merged.failed.count)", "documents": "\(merged.count)", "names": "\(names)",
                ])])
                throw ExitCode(1)
            }
            try FileSet.write(merged.files, into: folder)
            Reporting.wroteSet(merged.files.map(\.path), into: folder, quiet: deck.quiet)
            if !deck.quiet { Reporting.say(.renderedAll, ["cards": "\(context.deck.cards.count)", "files": "\(merged.count)", "folder": "\(folder.relativePath)"]) }
        }
    }
}
