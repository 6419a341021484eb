import ArgumentParser
import Foundation
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanSession

/// `swan report INPUT… [-o FILE.pdf] [--csv FILE.csv] [--from DATE] [--to DATE]`: how often the
/// team acted on each level, over an archive, session files and filled forms, with no name in it.
/// An input that cannot be read stops the report (numbers that silently miss a session mislead).
struct ReportCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: HelpCode.reportAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Argument(help: ArgumentHelp(HelpCode.reportInputs.text, valueName: "DIR|FILE"), completion: .file(extensions: ["json", "pdf"]))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.reportOutput.text, valueName: "FILE"), completion: .file(extensions: ["pdf"]))
    var output: String?

    @Option(help: ArgumentHelp(HelpCode.reportCSV.text, valueName: "FILE"), completion: .file(extensions: ["csv"]))
    var csv: String?

    @Option(help: ArgumentHelp(HelpCode.reportFrom.text, valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp(HelpCode.reportTo.text, valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(help: ArgumentHelp(HelpCode.reportShowSmallCounts.text))
    var showSmallCounts = false

    @Option(help: ArgumentHelp(HelpCode.archiveJobs.text))
    var jobs: Int?

    func validate() throws {
        if inputs.isEmpty { throw Reporting.invalid(.reportNeedsInput) }
        if let jobs, jobs < 1 { throw Reporting.invalid(.jobsAtLeastOne) }
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, SessionDate(value) == nil { throw Reporting.invalid(.reportBadDate, ["option": "\(option)", "date": "\(value.prefix(40))"]) }
        }
        if let from = from.flatMap(SessionDate.init), let to = to.flatMap(SessionDate.init), to < from {
            throw Reporting.invalid(.reportFromAfterTo, ["from": "\(from)", "to": "\(to)"])
        }
    }

    func run(in workplace: Workplace) throws {
        let diagnostics = Diagnostics()
        defer { Reporting.warn(diagnostics.warnings) }
        try Reporting.run {
            let context = try deck.context(in: workplace, parts: DocumentRegistry.entry(.report).deckParts)
            let found = try SessionArchive.collect(inputs.map { URL(fileURLWithPath: $0) })
            for (file, reason) in found.skipped where !deck.quiet {
                Reporting.printError(Catalogue.current.text(Message(ArchiveCode.skipped, ["path": "\(file.relativePath)", "reason": .message(reason.message)])))
            }
            DiagnosticPrinter.print(found.emptyFolders.map { .warning(ArchiveCode.noSessionsInFolder, ["folder": "\($0.relativePath)"]) })
            // Both outputs are checked before anything is read: never over an input.
            let pdf = try OutputPath.prepare(try output ?? OutputNames.path(.report, in: context.deck), inputs: found.files)
            let table = try csv.map { try OutputPath.prepare($0, inputs: found.files) }

            var report = TeamReport(from: from.flatMap(SessionDate.init), to: to.flatMap(SessionDate.init))
            report.showSmallCounts = showSmallCounts
            let reading = ReportInputs.read(found.files, into: report, context: context,
                                            jobs: jobs ?? Workplace.processorCount)
            if !reading.failures.isEmpty {
                DiagnosticPrinter.print(reading.failures)
                throw Reporting.failure(.reportNotWritten, ["failed": "\(Set(reading.failures.compactMap { $0.location?.file }).count)"])
            }
            var document = try ReportDocument.make(reading.report, context, diagnostics: diagnostics)
            document.info.creationDate = context.date(including: found.files)
            try pdf.write(try deck.exporters(in: workplace).pdf.export(document))
            Reporting.wrote(pdf, quiet: deck.quiet)
            if let table {
                try table.write(Data(ReportCSV.make(reading.report, deck: context.deck).utf8))
                Reporting.wrote(table, quiet: deck.quiet)
            }
            guard !deck.quiet else { return }
            Reporting.say(.reportSummary, ["sessions": "\(reading.report.total.sessions)", "inputs": "\(found.files.count)",
                                           "duplicates": "\(reading.duplicates)", "outside": "\(reading.outside)"])
        }
    }
}
