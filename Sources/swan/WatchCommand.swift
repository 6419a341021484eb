import ArgumentParser
import Foundation
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments

/// `swan watch`: renders the card sheets again every time a file in the deck folder changes, for
/// a trainer adapting or translating the deck. The folder tree is watched through the kernel's file
/// notifications (FolderWatchers; polling where there are none). Changes are gathered until the
/// folder has been quiet for `--settle` seconds (an editor writing a temporary file and renaming it,
/// or saving several files), errors are shown as they appear, and a failed render keeps the last
/// good output (nothing is written then).
struct WatchCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: HelpCode.watchAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.pdfOutput.text, valueName: "FILE"), completion: .file())
    var output: String?

    @Option(help: ArgumentHelp(HelpCode.watchSettle.text, valueName: "SECONDS"))
    var settle: Double = 0.05

    @Option(help: .hidden)
    var stopAfter: Int?

    func validate() throws {
        if !(0.05...10).contains(settle) { throw Reporting.invalid(.settleRange) }
        if output == "-" { throw Reporting.invalid(.watchNeedsFile) }
    }

    func run(in workplace: Workplace) throws {
        if !deck.quiet { Reporting.say(.watching, ["folder": "\(deck.deckDirectory(in: workplace).relativePath)"]) }
        // The sheets are A4, long edge, as the default set's: the back offset saved for them applies.
        let options = CardSheetOptions(backOffset: try BackOffsetSettings.applied(paper: .a4, flip: .long, in: workplace, quiet: deck.quiet))
        // Watching starts before the first render, so a save during it is not missed.
        var watcher = FolderWatchers.make(deck.deckDirectory(in: workplace))
        // Without -o, the sheets' name in the deck (which a trainer may be changing).
        var target = output ?? OutputNames.folder
        // What an older deck lacks: said at start, and again only when a save changes how much.
        let notice = OlderDeckNotice()
        renderOnce(into: &target, options, notice)
        var renders = 1
        while stopAfter.map({ renders < $0 }) ?? true {
            if !watcher.waitForChange(settle: settle) {
                // The kernel stopped reporting (a watch limit): poll from now on, and render in
                // case a change was missed.
                watcher = PollingWatcher(deck.deckDirectory(in: workplace))
            }
            renderOnce(into: &target, options, notice)
            renders += 1
        }
    }

    /// One render; on failure the diagnostics, and the output file is left as it was.
    private func renderOnce(into target: inout String, _ options: CardSheetOptions, _ notice: OlderDeckNotice) {
        do {
            try Reporting.render(deck, in: workplace, parts: .all, read: { _ in }, output: { _, context in
                target = try output ?? OutputNames.path(.sheets, in: context.deck)
                return target
            }, notice: notice) { _, context, diagnostics in
                try CardSheets.make(context.deck.cards, context, options: options, diagnostics: diagnostics).document
            }
        } catch {
            Reporting.printError(Catalogue.current.text(Message(CommandCode.keptLastGood, ["output": "\(target)"])))
        }
    }
}
