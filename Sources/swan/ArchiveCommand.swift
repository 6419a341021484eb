import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanDocuments
import SwanIO

/// `swan archive`: renders many session files to filled invulbladen in one process, on all cores.
/// One bad file does not stop the others; existing archives are kept unless --force.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: HelpCode.archiveAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Argument(help: ArgumentHelp(HelpCode.archiveInputs.text, valueName: "DIR|FILE"))
    var inputs: [String]

    @Option(name: [.customShort("o"), .customLong("output"), .customLong("out")],
            help: ArgumentHelp(HelpCode.archiveOutput.text, valueName: "DIR"))
    var out: String

    @Flag(help: ArgumentHelp(HelpCode.archiveForce.text))
    var force = false

    @Flag(help: ArgumentHelp(HelpCode.archivePersonalMetadata.text))
    var personalMetadata = false

    @Option(help: ArgumentHelp(HelpCode.archiveJobs.text))
    var jobs: Int?

    func validate() throws {
        if inputs.isEmpty { throw Reporting.invalid(.archiveNeedsInput) }
        if let jobs, jobs < 1 { throw Reporting.invalid(.jobsAtLeastOne) }
    }

    func run() throws {
        try Reporting.run {
            let context = try deck.context()
            let folder = URL(fileURLWithPath: out)
            let found = try SessionArchive.collect(inputs.map { URL(fileURLWithPath: $0) }, archiveFolder: folder)
            for (file, reason) in found.skipped {
                Reporting.printError(Catalogue.current.text(Message(ArchiveCode.skipped, ["path": "\(file.relativePath)", "reason": .message(reason.message)])))
            }
            DiagnosticPrinter.print(found.emptyFolders.map { .warning(ArchiveCode.noSessionsInFolder, ["folder": "\($0.relativePath)"]) })
            let files = found.files
            try OutputChecks.destinationFolder(folder)
            try AtomicFile.makeFolder(folder)
            // The lock `swan verify`, `find` and `expire` hold too; a killed run's manifest lines first.
            let archiveFolder = ArchiveFolder(folder)
            let lock = try archiveFolder.lock()
            defer { withExtendedLifetime(lock) {} }
            _ = try ArchiveManifest.complete(archiveFolder, write: true)
            let archive = SessionArchive(context: context, folder: folder, overwrite: force,
                                         personalMetadata: personalMetadata)
            let progress = ArchiveProgress(total: files.count, interactive: isatty(STDERR_FILENO) == 1)
            let summary = archive.render(files, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                         report: { progress.report($0) })
            progress.finish()
            _ = try ArchiveManifest.complete(archiveFolder, write: true)
            Reporting.say(.archiveSummary, ["rendered": "\(summary.rendered)", "kept": "\(summary.kept)",
                                            "failed": "\(summary.failed)", "folder": "\(out)"])
            if summary.failed > 0 { throw ExitCode(1) }
        }
    }
}

/// A progress bar on a terminal, one plain line per session otherwise (logs, CI).
/// Unchecked: `done` and the terminal output are only touched under `lock`.
final class ArchiveProgress: @unchecked Sendable {
    private let total: Int
    private let interactive: Bool
    private var done = 0
    private let lock = NSLock()

    init(total: Int, interactive: Bool) { self.total = total; self.interactive = interactive }

    func report(_ result: ArchiveResult) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if interactive {
            if case .failed = result.outcome { clearLine(); printLines(result) }
            let width = 30, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        } else {
            printLines(result)
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
