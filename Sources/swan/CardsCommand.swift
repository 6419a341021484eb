import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanIO

/// `swan cards`: the card sheets for home printing, the print-shop PDF, or PNG previews.
struct CardsCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: HelpCode.cardsAbstract.text)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case sheets, printshop, previews, screen, calibration
    }

    @OptionGroup var deck: DeckOptions

    @Option(help: ArgumentHelp(HelpCode.cardsKind.text))
    var kind: Kind = .sheets

    @Option(help: ArgumentHelp(HelpCode.cardsPaper.text))
    var paper: PaperSize = .a4

    @Option(help: ArgumentHelp(HelpCode.cardsFlip.text))
    var flip: FlipEdge = .long

    @Option(help: ArgumentHelp(HelpCode.cardsBackOffset.text, valueName: "X,Y"))
    var backOffset: String?

    @Flag(help: ArgumentHelp(HelpCode.cardsSaveOffset.text))
    var saveOffset = false

    @Option(help: ArgumentHelp(HelpCode.cardsBleed.text))
    var bleed: Double?

    @Option(help: ArgumentHelp(HelpCode.cardsColour.text))
    var colour: PrintShopColour = .cmyk

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(HelpCode.cardsCropMarks.text))
    var cropMarks = true

    @Flag(help: ArgumentHelp(HelpCode.cardsExtraRoles.text))
    var extraRoles = false

    @Option(help: ArgumentHelp(HelpCode.cardsSelection.text, valueName: "IDS"))
    var cards: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.cardsOutput.text), completion: .file())
    var output: String?

    func validate() throws {
        if let bleed, !(0...20).contains(bleed) { throw Reporting.invalid(.bleedRange) }
        if saveOffset && backOffset == nil { throw Reporting.invalid(.saveOffsetNeedsValue) }
        if let backOffset {
            guard kind == .sheets else { throw Reporting.invalid(.backOffsetOnlySheets) }
            guard let offset = BackOffset(text: backOffset) else { throw Reporting.invalid(.backOffsetInvalid, ["value": "\(backOffset)"]) }
            guard offset.isWithinLimit else { throw Reporting.invalid(.backOffsetRange, ["value": "\(backOffset)"]) }
        }
    }

    /// The document `kind` makes: what the command reads of the deck.
    private var document: DocumentID {
        switch kind {
        case .sheets: .sheets
        case .printshop: .printshop
        case .previews: .previews
        case .screen: .screen
        case .calibration: .calibration
        }
    }

    func run(in workplace: Workplace) throws {
        let diagnostics = Diagnostics()
        defer { Reporting.warn(diagnostics.warnings) }
        try Reporting.run {
            let context = try deck.context(in: workplace, parts: DocumentRegistry.entry(document).deckParts)
            let exporters = deck.exporters(in: workplace)
            let selected = try CardSelection.parse(cards, in: context.deck)
            switch kind {
            case .sheets:
                let target = try OutputPath.prepare(try output ?? OutputNames.path(.sheets, in: context.deck))
                let offset = try sheetsBackOffset(in: workplace, quiet: deck.quiet)
                let options = CardSheetOptions(paper: paper, flip: flip, cropMarks: cropMarks, backOffset: offset, extraRoles: extraRoles)
                let sheets = try CardSheets.make(selected, context, options: options, diagnostics: diagnostics)
                try target.write(try exporters.pdf.export(sheets.document))
                Reporting.wrote(target, quiet: deck.quiet)
            case .calibration:
                let target = try OutputPath.prepare(try output ?? OutputNames.path(.calibration, in: context.deck))
                let sheet = try CalibrationSheet.make(context, paper: paper, flip: flip)
                try target.write(try exporters.pdf.export(sheet.document))
                Reporting.wrote(target, quiet: deck.quiet)
            case .printshop:
                let target = try OutputPath.prepare(try output ?? OutputNames.path(.printshop, in: context.deck))
                let shop = try PrintShopDocument.make(selected, context, bleed: bleed, colour: colour, diagnostics: diagnostics)
                try target.write(try exporters.pdf.export(shop.document))
                Reporting.wrote(target, quiet: deck.quiet)
            case .previews:
                let path = try output ?? OutputNames.path(.previews, in: context.deck)
                let folder = URL(fileURLWithPath: path)
                try OutputPath.createDefaultFolder(for: folder.appendingPathComponent("x"))
                try AtomicFile.makeFolder(folder)
                let images = try PreviewFolder.write(selected, context, to: folder, diagnostics: diagnostics)
                if !deck.quiet { Reporting.say(.wroteImages, ["count": "\(images.count)", "folder": "\(path)"]) }
            case .screen:
                guard case .file(let pdf) = try OutputPath.prepare(try output ?? OutputNames.path(.screen, in: context.deck)) else {
                    throw Reporting.invalid(.screenNeedsFile)
                }
                let images = ScreenOutput.imageFolder(for: pdf)
                try OutputChecks.noInput(under: images, shownAs: images.relativePath)
                let edition = try ScreenDocument.make(selected, context, diagnostics: diagnostics)
                try ScreenOutput.write(edition, exporters: exporters, to: pdf)
                Reporting.wrote(.file(pdf), quiet: deck.quiet)
                if !deck.quiet {
                    Reporting.say(.wroteImages, ["count": "\(edition.document.pages.count)",
                                                 "folder": "\(ScreenOutput.imageFolder(for: pdf).relativePath)"])
                }
            }
        }
    }
}

extension CardsCommand {
    /// The back offset for these sheets: the one given (saved, or forgotten when 0,0, with
    /// --save-offset), else the one saved for this paper and flip; said in one line.
    func sheetsBackOffset(in workplace: Workplace, quiet: Bool) throws -> BackOffset {
        if let given = backOffset.flatMap(BackOffset.init(text:)) {
            var values: [String: MessageArgument] = ["x": "\(BackOffset.format(given.x))", "y": "\(BackOffset.format(given.y))",
                                                     "paper": "\(paper.rawValue)", "flip": "\(flip.rawValue)"]
            if saveOffset {
                let file = try BackOffsetSettings.remember(given, paper: paper, flip: flip, in: workplace)
                values["file"] = "\(file.path)"
                if !quiet { Reporting.say(given.isZero ? .backOffsetForgotten : .backOffsetSaved, values) }
            }
            if !given.isZero && !quiet { Reporting.say(.backOffsetApplied, values) }
            return given
        }
        return try BackOffsetSettings.applied(paper: paper, flip: flip, in: workplace, quiet: quiet)
    }
}

extension PaperSize: ExpressibleByArgument {}
extension FlipEdge: ExpressibleByArgument {}
extension PrintShopColour: ExpressibleByArgument {}
