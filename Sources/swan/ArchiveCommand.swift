import ArgumentParser
import Foundation
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanIO

/// `swan archive`: renders many session files to filled invulbladen in one process, on all cores.
/// One bad file does not stop the others; existing archives are kept unless --force.
struct ArchiveCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: HelpCode.archiveAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Argument(help: ArgumentHelp(HelpCode.archiveInputs.text, valueName: "DIR|FILE"), completion: .file(extensions: ["json", "pdf"]))
    var inputs: [String]

    @Option(name: [.customShort("o"), .customLong("output"), .customLong("out")],
            help: ArgumentHelp(HelpCode.archiveOutput.text, valueName: "DIR"), completion: .directory)
    var out: String

    @Flag(help: ArgumentHelp(HelpCode.archiveForce.text))
    var force = false

    @Flag(help: ArgumentHelp(HelpCode.archivePersonalMetadata.text))
    var personalMetadata = false

    @Option(help: ArgumentHelp(HelpCode.archiveJobs.text))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: ArgumentHelp(HelpCode.archiveVerbose.text))
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw Reporting.invalid(.archiveNeedsInput) }
        if let jobs, jobs < 1 { throw Reporting.invalid(.jobsAtLeastOne) }
        // An archive is a folder of files: standard output cannot be one (and a folder named '-' is a trap).
        if out == "-" { throw Reporting.invalid(.archiveOutputNotStandardOutput) }
    }

    func run(in workplace: Workplace) throws {
        try Reporting.run {
            // Every archived document is a filled invulblad: only what it uses of the deck is read.
            let context = try deck.context(in: workplace, parts: DocumentRegistry.entry(.invulblad).deckParts)
            let folder = URL(fileURLWithPath: out)
            let found = try SessionArchive.collect(inputs.map { URL(fileURLWithPath: $0) }, archiveFolder: folder)
            for (file, reason) in found.skipped where !deck.quiet {
                Reporting.printError(Catalogue.current.text(Message(ArchiveCode.skipped, ["path": "\(file.relativePath)", "reason": .message(reason.message)])))
            }
            DiagnosticPrinter.print(found.emptyFolders.map { .warning(ArchiveCode.noSessionsInFolder, ["folder": "\($0.relativePath)"]) })
            let archive = SessionArchive(context: context, exporters: deck.exporters(in: workplace), folder: folder, overwrite: force,
                                         personalMetadata: personalMetadata)
            let shown: ArchiveProgress.Shown = deck.quiet ? .errors : verbose ? .everything : .allButKept
            let progress = ArchiveProgress(total: found.files.count, interactive: isatty(STDERR_FILENO) == 1, shown: shown)
            let run = Result { try archive.archive(found.files, jobs: jobs ?? Workplace.processorCount, report: { progress.report($0) }) }
            progress.finish()
            let summary = try run.get()
            guard !deck.quiet else {
                if summary.failed > 0 { throw ExitCode(1) }
                return
            }
            // A re-run keeps every PDF already there: one line for them all, not one per file.
            if summary.kept > 0 && !verbose {
                Reporting.printError(Catalogue.current.text(Message(CommandCode.archiveKeptSummary, ["kept": "\(summary.kept)"])))
            }
            Reporting.say(.archiveSummary, ["rendered": "\(summary.rendered)", "kept": "\(summary.kept)",
                                            "failed": "\(summary.failed)", "folder": "\(out)"])
            if summary.failed > 0 { throw ExitCode(1) }
        }
    }
}

/// A progress bar on a terminal, one plain line per session otherwise (logs, CI); with -q only
/// the failed sessions' errors. Kept PDFs are counted in one line at the end unless -v.
/// One session's lines at a time: the count and the terminal are shared behind a lock.
final class ArchiveProgress: Sendable {
    enum Shown { case errors, allButKept, everything }
    private let total: Int
    private let interactive: Bool
    private let shown: Shown
    private let done = LockedBox(0)

    init(total: Int, interactive: Bool, shown: Shown) {
        self.total = total; self.interactive = interactive && shown != .errors; self.shown = shown
    }

    func report(_ result: ArchiveResult) {
        done.withLockedValue { done in
            done += 1
            show(result, done: done)
        }
    }

    private func show(_ result: ArchiveResult, done: Int) {
        if !interactive {
            switch (result.outcome, shown) {
            case (.failed, _), (.rendered, .allButKept), (_, .everything): printLines(result)
            default: break
            }
        } else {
            switch (result.outcome, shown) {
            case (.failed, _), (.kept, .everything): clearLine(); printLines(result)
            default: break
            }
            let width = 30, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        }
    }

    func finish() { if interactive { FileHandle.standardError.write(Data("\n".utf8)) } }

    private func clearLine() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    private func printLines(_ result: ArchiveResult) {
        switch result.outcome {
        case .rendered(let url):
            Reporting.printError(Catalogue.current.text(Message(CommandCode.archiveRendered, ["sessionFile": "\(result.input.path)", "output": "\(url.lastPathComponent)"])))
        case .kept(let url):
            Reporting.printError(Catalogue.current.text(Message(CommandCode.archiveKept, ["output": "\(url.lastPathComponent)"])))
        case .failed(let diagnostics):
            DiagnosticPrinter.print(diagnostics)
        }
    }
}
