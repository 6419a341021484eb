import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanDocuments

/// `swan watch`: renders the card sheets again every time a file in the deck folder changes, for
/// a trainer adapting or translating the deck. Changes are gathered until the folder has been quiet
/// for a moment (an editor saving several files, or writing a file in steps), errors are shown as
/// they appear, and a failed render keeps the last good output (nothing is written then).
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: HelpCode.watchAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.pdfOutput.text, valueName: "FILE"), completion: .file())
    var output: String?

    @Option(help: ArgumentHelp(HelpCode.watchSettle.text, valueName: "SECONDS"))
    var settle: Double = 0.4

    @Option(help: .hidden)
    var stopAfter: Int?

    func validate() throws {
        if !(0.05...10).contains(settle) { throw Reporting.invalid(.settleRange) }
        if output == "-" { throw Reporting.invalid(.watchNeedsFile) }
    }

    func run() throws {
        if !deck.quiet { Reporting.say(.watching, ["folder": "\(deck.deckDirectory.relativePath)"]) }
        var renders = 0
        var seen = FolderSnapshot(deck.deckDirectory)
        // Without -o, the sheets' name in the deck (which a trainer may be changing).
        var target = output ?? OutputNames.folder
        renderOnce(into: &target)
        renders += 1
        while stopAfter.map({ renders < $0 }) ?? true {
            Thread.sleep(forTimeInterval: min(0.2, settle / 2))
            var now = FolderSnapshot(deck.deckDirectory)
            guard now != seen else { continue }
            // Debounce: wait until nothing has changed for `settle` seconds.
            var quietSince = Date()
            while Date().timeIntervalSince(quietSince) < settle {
                Thread.sleep(forTimeInterval: settle / 4)
                let later = FolderSnapshot(deck.deckDirectory)
                if later != now { now = later; quietSince = Date() }
            }
            seen = now
            renderOnce(into: &target)
            renders += 1
        }
    }

    /// One render; on failure the diagnostics, and the output file is left as it was.
    private func renderOnce(into target: inout String) {
        do {
            try Reporting.render(deck, read: { _ in }, output: { _, context in
                target = try output ?? OutputNames.path(.sheets, in: context.deck)
                return target
            }) { _, context, diagnostics in
                try CardSheets.make(context.deck.cards, context, diagnostics: diagnostics).document
            }
        } catch {
            Reporting.printError(Catalogue.current.text(Message(CommandCode.keptLastGood, ["output": "\(target)"])))
        }
    }
}

/// The files of a folder (recursively) with their sizes and modification times.
struct FolderSnapshot: Equatable {
    private var entries: [String: [Double]] = [:]

    init(_ folder: URL) {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder.path) else { return }
        for case let path as String in walker where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            guard let attributes = try? manager.attributesOfItem(atPath: folder.appendingPathComponent(path).path) else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
            entries[path] = [modified, size]
        }
    }
}
