import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanDeck
import SwanDocuments
import SwanEngine
import SwanIO

/// `swan` (or `swan all`): the full default set into Output/. Each document is made on its own
/// (side by side on all cores) with its own diagnostics; the run reports every document's
/// errors once, and writes the whole set or nothing (see FileSet).
struct RenderAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: HelpCode.allAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.allOutput.text))
    var output: String = OutputNames.folder

    func run() throws {
        try Reporting.run {
            let context = try deck.context()
            let folder = URL(fileURLWithPath: output)
            let results = DefaultSet.documents(context).concurrentMap { $0.make(context) }
            let merged = DocumentResults(results)
            Reporting.warn(merged.warnings)
            guard merged.failed.isEmpty else {
                let names = merged.failed.joined(separator: ", ")
                DiagnosticPrinter.print(merged.errors + [.error(CommandCode.nothingWritten, [
                    "folder": "\(folder.relativePath)", "failed": "\(merged.failed.count)", "documents": "\(results.count)", "names": "\(names)",
                ])])
                throw ExitCode(1)
            }
            try FileSet.write(merged.files, into: folder)
            Reporting.wroteSet(merged.files.map(\.path), into: folder, quiet: deck.quiet)
            if !deck.quiet { Reporting.say(.renderedAll, ["cards": "\(context.deck.cards.count)", "files": "\(results.count)", "folder": "\(folder.relativePath)"]) }
        }
    }
}

/// The documents of the default run, each a name and a way to make its files.
enum DefaultSet {
    struct Job {
        let name: String
        let produce: (DocumentContext, Diagnostics) throws -> [(path: String, data: Data)]

        /// Made with its own diagnostics; every failure becomes part of the result.
        func make(_ context: DocumentContext) -> DocumentResult {
            let diagnostics = Diagnostics()
            do {
                let files = try produce(context, diagnostics)
                try diagnostics.throwIfFailed()
                return DocumentResult(name: name, files: files, errors: [], warnings: diagnostics.warnings)
            } catch {
                return DocumentResult(name: name, files: [], errors: Diagnostic.all(from: error), warnings: diagnostics.warnings)
            }
        }
    }

    static func documents(_ context: DocumentContext) -> [Job] {
        let cards = context.deck.cards
        func pdf(_ name: String, _ make: @escaping (DocumentContext, Diagnostics) throws -> Document) -> Job {
            Job(name: fileName(name)) { context, diagnostics in
                [(fileName(name), try context.engine.pdf.export(try make(context, diagnostics)))]
            }
        }
        var jobs = [
            pdf(OutputNames.sheets) { try CardSheets.make(cards, $0, diagnostics: $1).document },
            pdf(OutputNames.printShop) { try PrintShopDocument.make(cards, $0, diagnostics: $1).document },
            Job(name: fileName(OutputNames.previews)) { context, diagnostics in
                try PreviewFolder.images(cards, context, diagnostics: diagnostics).map { ("\(fileName(OutputNames.previews))/\($0.name)", $0.data) }
            },
            pdf(OutputNames.specimen) { context, _ in try SpecimenDocument.make(context) },
            Job(name: fileName(OutputNames.screen)) { context, diagnostics in
                try ScreenOutput.files(try ScreenDocument.make(cards, context, diagnostics: diagnostics), engine: context.engine,
                                       named: fileName(OutputNames.screen))
            },
        ]
        // The overview, when the deck has one (a deck being translated may not have it yet).
        if context.deck.overview != nil {
            jobs.append(pdf(OutputNames.overzicht) { try OverzichtDocument.make($0, diagnostics: $1) })
        }
        for (name, make) in FormsInDefaultRun.documents { jobs.append(pdf(name, make)) }
        return jobs
    }

    /// "Output/x.pdf" → "x.pdf": the set is written into whichever folder -o names.
    static func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
}

/// One document's outcome: its files, or its errors; its warnings either way.
struct DocumentResult {
    let name: String
    let files: [(path: String, data: Data)]
    let errors: [Diagnostic]
    let warnings: [Diagnostic]
}

/// The documents' results together: each error and warning once, in document order.
struct DocumentResults {
    var files: [(path: String, data: Data)] = []
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var failed: [String] = []

    init(_ results: [DocumentResult]) {
        var seenErrors = Set<Diagnostic>(), seenWarnings = Set<Diagnostic>()
        for result in results {
            files += result.files
            if !result.errors.isEmpty { failed.append(result.name) }
            for error in result.errors where seenErrors.insert(error).inserted { errors.append(error) }
            for warning in result.warnings where seenWarnings.insert(warning).inserted { warnings.append(warning) }
        }
    }
}

extension Collection where Index == Int {
    /// `transform` on every element, on all cores, results in order. The caller's elements and
    /// transform are used only inside this call, which waits for every iteration to end.
    func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        let results = OrderedResults<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let work = CallScoped(elements: self, transform: transform)
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                results.set(offset, work.transform(work.elements[work.elements.startIndex + offset]))
            }
        }
        return results.values
    }
}

/// Unchecked: lives only for one concurrentMap call; the transform is run on each element once
/// and writes only into OrderedResults (locked).
private struct CallScoped<Elements: Collection, T>: @unchecked Sendable {
    let elements: Elements
    let transform: (Elements.Element) -> T
}

/// Unchecked: `storage` is read and written only under `lock`.
private final class OrderedResults<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.lock(); storage[index] = value; lock.unlock() }
    var values: [T] { lock.lock(); defer { lock.unlock() }; return storage.compactMap { $0 } }
}
