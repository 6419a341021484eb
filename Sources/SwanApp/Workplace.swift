/// The application's view of the machine, as typst's World: the environment, the working
/// folder and the program's own path, given once and asked by everything that finds files
/// (the default deck, swan's own fonts, the catalogues, the hyphenation dictionary, the ICC
/// profile) or that is pinned by the environment (the date). It is the only reader of the
/// process: the layers below are given values; tests make a Workplace of their own.
package import Foundation
package import SwanDeck
package import SwanDiagnostics
package import SwanDocuments
import SwanLayout

package struct Workplace: Sendable {
    package var environment: [String: String]
    package var currentDirectory: URL
    /// The program's arguments, the first being how it was started (to find the build tree or
    /// the installed copy beside it).
    package var arguments: [String]

    package init(environment: [String: String], currentDirectory: URL, arguments: [String]) {
        self.environment = environment; self.currentDirectory = currentDirectory; self.arguments = arguments
    }

    /// The machine's cores: how wide work is fanned out (concurrentMap's width, the default
    /// `--jobs`). Read here, once, as everything else about the process; the same for every
    /// Workplace of the process, so it is not a value tests vary.
    package static let processorCount = ProcessInfo.processInfo.activeProcessorCount

    /// This process: made once, by main.swift, and handed down from there.
    package static var current: Workplace {
        Workplace(environment: processEnvironment(),
                  currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                  arguments: CommandLine.arguments)
    }

    /// The process's environment read from `environ`, the first of a name winning as with getenv:
    /// ProcessInfo's copy cost every start 0.3 ms, most of it setting up ProcessInfo (issue 33).
    private static func processEnvironment() -> [String: String] {
        #if canImport(Darwin)
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = _NSGetEnviron().pointee
        #else
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        #endif
        var entry = start
        var environment: [String: String] = [:]
        while let pointer = entry?.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if environment[name] == nil { environment[name] = String(text[text.index(after: equals)...]) }
            }
            entry = entry?.successor()
        }
        return environment
    }

    /// The message catalogues (see CatalogueFolder), found from this Workplace's environment,
    /// working folder and program path: an installed swan run by its bare name from any folder
    /// finds PREFIX/share/swan/Messages.
    package var messagesFolder: URL? {
        CatalogueFolder.find(environment: environment, currentDirectory: currentDirectory, executable: executableURL)
    }

    /// Words this process's messages from `messagesFolder`, in the language of the locale
    /// (LC_ALL, LC_MESSAGES, LANG): the first thing `swan` does. Returns the folder (found once
    /// per run: the walk up from the program is a tenth of a millisecond).
    @discardableResult
    package func useCatalogue() -> URL? {
        let folder = messagesFolder
        Catalogue.use(folder: folder, language: Language.of(environment: environment))
        return folder
    }

    /// SOURCE_DATE_EPOCH: the date every document of the run carries (reproducible builds).
    package var pinnedDate: Date? { ReproducibleDate.pinned(environment) }

    /// SWAN_HYPHEN_DICT: a hyphenation dictionary tried before the installed ones.
    package var hyphenationDictionary: String? { environment["SWAN_HYPHEN_DICT"].flatMap { $0.isEmpty ? nil : $0 } }

    /// SWAN_ICC_PROFILE: an sRGB profile for PDF/A, tried before the installed ones.
    package var iccProfile: String? { environment["SWAN_ICC_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The documents' context for `deck`, with this run's pinned date and hyphenation dictionary
    /// (`checkOnly`: for documents made to be checked, never drawn; see DocumentContext).
    package func documentContext(_ deck: Deck, checkOnly: Bool = false) throws -> DocumentContext {
        try DocumentContext(deck: deck, date: pinnedDate, hyphenationDictionary: hyphenationDictionary, checkOnly: checkOnly)
    }

    /// The run's exporters, with the PDF writer chosen on the command line.
    package func exporters(pdfWriter: PDFWriterKind) -> Exporters {
        Exporters(pdfWriter: pdfWriter, iccProfile: iccProfile)
    }

    /// swan's folder in the user's configuration folder (saved back offsets):
    /// $XDG_CONFIG_HOME/swan when that is an absolute path (as the XDG specification asks),
    /// else ~/.config/swan; nil when neither is set.
    package var configFolder: URL? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("swan")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(".config").appendingPathComponent("swan")
        }
        return nil
    }

    /// Where `make install` puts the deck, relative to the installed binary (PREFIX/bin/swan).
    package static let installedTemplates = "../share/swan/Templates"

    /// A deck read from `directory` (the default deck when nil), its fonts falling back to the
    /// program's own deck's (the fonts beside the program) when its own font folder lacks them:
    /// a deck copied out of the repository or out of PREFIX/share/swan/Templates. `parts`: what
    /// the command uses of it (a single document's DocumentRegistry entry), else everything.
    /// Labels and layout fields it lacks (a deck from an older release) are taken from that deck
    /// too, with a warning for each (ShippedDeckFallback): what a command prints before it renders or checks.
    package func loadDeckWarned(_ directory: URL? = nil, parts: DeckParts = .all) throws -> Warned<Deck> {
        var deck = try DeckLoader.load(from: directory ?? defaultDeckDirectory, parts: parts)
        let shippedDirectory = programDeckDirectory ?? defaultDeckDirectory
        deck.fontFallbackDirectory = shippedDirectory
        // swan's own deck lacks nothing it could take from itself.
        guard shippedDirectory.standardizedFileURL.path != deck.directory.standardizedFileURL.path else { return Warned(deck) }
        return ShippedDeckFallback.complete(deck) { try? DeckLoader.load(from: shippedDirectory, parts: parts) }
    }

    /// The deck as `loadDeckWarned` completes it, for a caller that needs only its content
    /// (the ids a session is checked against); the warnings are the rendering commands' to print.
    package func loadDeck(_ directory: URL? = nil, parts: DeckParts = .all) throws -> Deck {
        try loadDeckWarned(directory, parts: parts).value
    }

    /// Templates/swan: $SWAN_TEMPLATES, else under the current directory, else the program's own
    /// deck (`programDeckDirectory`).
    package var defaultDeckDirectory: URL {
        if let override = environment["SWAN_TEMPLATES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let current = currentDirectory.appendingPathComponent(Self.deckFolder)
        if Self.hasDeck(current) { return current }
        return programDeckDirectory ?? current
    }

    /// The deck that came with the program, found from the executable whatever the working
    /// folder: walking up from it (a build tree: Templates/swan), else the installed copy beside
    /// PREFIX/bin/swan; nil when neither is there.
    package var programDeckDirectory: URL? {
        let binaryFolder = executableURL.deletingLastPathComponent()
        var folder = binaryFolder
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent(Self.deckFolder)
            if Self.hasDeck(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let installed = binaryFolder.appendingPathComponent(Self.installedTemplates).appendingPathComponent("swan").standardizedFileURL
        return Self.hasDeck(installed) ? installed : nil
    }

    private static let deckFolder = "Templates/swan"
    private static func hasDeck(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("deck.yaml").path)
    }

    /// The running binary, symlinks resolved (found on the PATH when started by its bare name).
    package var executableURL: URL {
        let first = arguments.first ?? "."
        if first.contains("/") { return URL(fileURLWithPath: first).resolvingSymlinksInPath() }
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.resolvingSymlinksInPath() }
        }
        return URL(fileURLWithPath: first)
    }
}
