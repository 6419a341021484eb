import ArgumentParser
import Foundation
import SwanDiagnostics
import SwanDeck
import SwanDocuments
import SwanEngine

/// `swan` (or `swan all`): the full default set into Output/.
struct RenderAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Render the full set into Output/: card sheets, print-shop PDF, previews, screen edition, overzicht, forms, handleiding, specimen.")

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = OutputNames.folder

    func run() throws {
        let diagnostics = Diagnostics()
        defer { Reporting.warn(diagnostics.warnings) }
        try Reporting.run {
            let context = try deck.context()
            let folder = URL(fileURLWithPath: output)
            @Sendable func path(_ name: String) -> URL { folder.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent) }
            let cards = context.deck.cards
            let pdf = context.engine.pdf

            // Independent documents, rendered side by side on all cores.
            var jobs: [@Sendable () throws -> Void] = [
                { try pdf.write(try CardSheets.make(cards, context, diagnostics: diagnostics).document, to: path(OutputNames.sheets)) },
                { try pdf.write(try PrintShopDocument.make(cards, context, diagnostics: diagnostics).document, to: path(OutputNames.printShop)) },
                { try CardPreviews.write(cards, context, to: path(OutputNames.previews), diagnostics: diagnostics) },
                { try pdf.write(try SpecimenDocument.make(context), to: path(OutputNames.specimen)) },
                { try ScreenOutput.write(try ScreenDocument.make(cards, context, diagnostics: diagnostics), engine: context.engine,
                                         to: path(OutputNames.screen)) },
            ]
            // The overview, when the deck has one (a deck being translated may not have it yet).
            if context.deck.overview != nil {
                jobs.append { try pdf.write(try OverzichtDocument.make(context, diagnostics: diagnostics), to: path(OutputNames.overzicht)) }
            }
            for (name, make) in FormsInDefaultRun.documents {
                jobs.append { try pdf.write(try make(context, diagnostics), to: path(name)) }
            }
            let errors = ConcurrentErrors()
            let allJobs = jobs
            DispatchQueue.concurrentPerform(iterations: allJobs.count) { index in
                do { try allJobs[index]() } catch { errors.add(error) }
            }
            if let error = errors.first { throw error }
            Reporting.say(.renderedAll, ["cards": "\(cards.count)", "files": "\(jobs.count)", "folder": "\(folder.path)"])
        }
    }
}
