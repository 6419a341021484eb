import ArgumentParser
import Foundation
import SwanDeck
import SwanDocuments
import SwanEngine

/// `swan` (or `swan all`): the full default set into Output/.
struct RenderAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Render the full set into Output/: card sheets, print-shop PDF, previews, forms, handleiding, specimen.")

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = OutputNames.folder

    func run() throws {
        let diagnostics = Diagnostics()
        defer { Reporting.warn(diagnostics.warnings) }
        try Reporting.run {
            let context = try deck.context()
            let folder = URL(fileURLWithPath: output)
            func path(_ name: String) -> URL { folder.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent) }
            let cards = context.deck.cards
            var written: [URL] = []

            let sheets = try CardSheets.make(cards, context, diagnostics: diagnostics)
            try context.engine.pdf.write(sheets.document, to: path(OutputNames.sheets)); written.append(path(OutputNames.sheets))
            let shop = try PrintShopDocument.make(cards, context, diagnostics: diagnostics)
            try context.engine.pdf.write(shop.document, to: path(OutputNames.printShop)); written.append(path(OutputNames.printShop))
            try CardPreviews.write(cards, context, to: path(OutputNames.previews), diagnostics: diagnostics); written.append(path(OutputNames.previews))
            for (name, make) in FormsInDefaultRun.documents {
                try context.engine.pdf.write(try make(context, diagnostics), to: path(name)); written.append(path(name))
            }
            try context.engine.pdf.write(try SpecimenDocument.make(context), to: path(OutputNames.specimen))
            written.append(path(OutputNames.specimen))
            print("Rendered \(cards.count) cards and \(written.count) files into \(folder.path)/")
        }
    }
}
