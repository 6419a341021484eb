package import Foundation
import SwanDiagnostics
import SwanIO
import Yams

/// Reads a deck folder (deck.yaml and the files it lists) into a Deck, collecting every error.
package struct DeckLoader {
    /// The label key of the "Denk aan:" heading that the `examples` shorthand on cards gets.
    package static let examplesLabelKey = "card.examples"

    /// `parts`: what to read beyond what every document uses (DeckParts); the files left out are
    /// neither read nor checked, but still counted among the deck's files.
    package static func load(from directory: URL, parts: DeckParts = .all) throws -> Deck {
        let diagnostics = Diagnostics()
        let deckPath = directory.appendingPathComponent("deck.yaml").path
        let deckSource: YAMLSource
        do {
            deckSource = try YAMLSource.load(URL(fileURLWithPath: deckPath), displayPath: deckPath, referencedFrom: nil)
        } catch {
            throw DiagnosticError(Diagnostic.all(from: error))
        }
        let context = Context(directory: directory, diagnostics: diagnostics)
        let index = DeckIndexParser(source: deckSource, diagnostics: diagnostics).parse()

        let labels = index.labels.flatMap { context.yaml($0) }.map { LabelsParser(source: $0, diagnostics: diagnostics).parse() }
            ?? Labels(file: context.path(index.labels?.path ?? "labels.yaml"), entries: [:])
        var cards: [Card] = []
        for reference in index.cardFiles {
            guard let source = context.yaml(reference) else { continue }
            cards += CardParser(source: source, diagnostics: diagnostics,
                                examplesHeading: labels[examplesLabelKey], labelsFile: labels.file).parse()
        }
        cards = DeckValidator(diagnostics: diagnostics, rounds: index.rounds).validate(cards)

        let roundNumbers = Set(index.rounds.map(\.number))
        let invulblad = index.invulblad.flatMap { context.yaml($0) }
            .flatMap { FormParser(source: $0, diagnostics: diagnostics, roundNumbers: roundNumbers).parse() }
        let checklist = parts.content.contains(.checklist)
            ? index.checklist.flatMap { context.yaml($0) }.flatMap { ChecklistParser(source: $0, diagnostics: diagnostics, cards: cards).parse() }
            : context.unread(index.checklist, standIn: Checklist(title: "", moments: [], roles: []))
        let manual = parts.content.contains(.handleiding)
            ? index.handleiding.flatMap { context.text($0) }.flatMap { ManualParser(text: $0.text, file: $0.file, diagnostics: diagnostics).parse() }
            : context.unread(index.handleiding, standIn: Manual(title: "", blocks: [], footnotes: []))
        let hyphenation = index.hyphenation.flatMap { context.yaml($0) }
            .map { HyphenationParser(source: $0, diagnostics: diagnostics).parse() } ?? (never: [], breakPoints: [])
        let noHyphenation = hyphenation.never
        let overview = parts.content.contains(.overview)
            ? index.overview.flatMap { context.yaml($0) }.flatMap { OverviewParser(source: $0, diagnostics: diagnostics, roundNumbers: roundNumbers).parse() }
            : nil
        let overviewUnread = !parts.content.contains(.overview) && context.unread(index.overview, standIn: true) == true
        let (layouts, unreadLayouts) = context.layouts(parts)

        guard diagnostics.isEmpty, let meta = index.meta, let invulblad, let checklist, let manual else {
            if diagnostics.isEmpty { diagnostics.add(.incomplete, at: deckSource.location(deckSource.root)) }
            throw DiagnosticError(diagnostics.errors)
        }
        var deck = Deck(directory: directory, meta: meta, rounds: index.rounds, cards: cards, invulblad: invulblad,
                        checklist: checklist, handleiding: manual, labels: labels, noHyphenation: noHyphenation, overview: overview, layouts: layouts)
        deck.overviewUnread = overviewUnread
        deck.unreadLayouts = unreadLayouts
        deck.files = [URL(fileURLWithPath: deckPath)] + context.read.files
        deck.hyphenationBreakPoints = hyphenation.breakPoints
        return deck
    }

    /// Opens files named in deck.yaml; a failure is recorded and the rest of the deck still gets read.
    private struct Context {
        let directory: URL
        let diagnostics: Diagnostics
        let read = FilesRead()
        /// The deck folder, symbolic links resolved once (DeckLimits.outside).
        let resolvedDirectory: String

        init(directory: URL, diagnostics: Diagnostics) {
            self.directory = directory
            self.diagnostics = diagnostics
            resolvedDirectory = DeckLimits.resolved(directory)
        }

        func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

        /// Reports a file outside the deck folder; true when it may be read.
        func inside(_ reference: FileReference) -> Bool {
            guard let outside = DeckLimits.outside(reference.path, in: directory, resolved: resolvedDirectory, at: reference.location) else { return true }
            diagnostics.add(outside)
            return false
        }

        func yaml(_ reference: FileReference) -> YAMLSource? {
            guard inside(reference) else { return nil }
            let path = path(reference.path)
            do {
                let source = try YAMLSource.load(URL(fileURLWithPath: path), displayPath: path, referencedFrom: reference.location)
                read.add(path)
                return source
            } catch {
                Diagnostic.all(from: error).forEach(diagnostics.add)
                return nil
            }
        }

        func text(_ reference: FileReference) -> (text: String, file: String)? {
            guard inside(reference) else { return nil }
            let path = path(reference.path)
            do {
                let text = try SourceText.read(URL(fileURLWithPath: path), displayPath: path, referencedFrom: reference.location)
                read.add(path)
                return (text, path)
            } catch {
                Diagnostic.all(from: error).forEach(diagnostics.add)
                return nil
            }
        }

        /// A file the command does not use: not read, so neither checked, but one of the deck's
        /// files all the same (it dates the documents; no output may replace it). `standIn`
        /// when deck.yaml names it inside the deck folder (a missing name is reported by the
        /// index, a file outside the folder here, as for a file that is read).
        func unread<T>(_ reference: FileReference?, standIn: T) -> T? {
            guard let reference, inside(reference) else { return nil }
            let path = path(reference.path)
            RunInputs.shared.record(path)
            read.add(path)
            return standIn
        }

        /// Every layout/*.yaml, by file name without extension: those `parts` names read, the
        /// others only their paths.
        func layouts(_ parts: DeckParts) -> (read: [String: LayoutFile], unread: [String: String]) {
            let folder = directory.appendingPathComponent("layout")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            var result: [String: LayoutFile] = [:], unread: [String: String] = [:]
            for name in names.sorted() where name.hasSuffix(".yaml") {
                let reference = FileReference(path: "layout/" + name, location: nil)
                let key = String(name.dropLast(5))
                guard parts.reads(layout: key) else {
                    unread[key] = self.unread(reference, standIn: path(reference.path))
                    continue
                }
                guard let source = yaml(reference) else { continue }
                result[key] = LayoutFile(name: key, path: source.file, node: source.root)
            }
            return (result, unread)
        }
    }
}

/// The deck files read, in order (a class: the loader's context is passed by value).
private final class FilesRead {
    private(set) var files: [URL] = []
    func add(_ path: String) { files.append(URL(fileURLWithPath: path)) }
}

/// Reads hyphenation.yaml: words the typesetter must never break, and words with their own
/// break points ("praktijk-situatie": compound boundaries before the patterns' syllables).
struct HyphenationParser {
    let source: YAMLSource
    let diagnostics: Diagnostics

    func parse() -> (never: [String], breakPoints: [String]) {
        guard let reader = MappingReader(source.root, what: .whatHyphenationFile, in: source, diagnostics: diagnostics) else { return ([], []) }
        let words = reader.stringList("noHyphenation", required: true) ?? []
        let breakPoints = reader.stringList("breakPoints", required: false) ?? []
        reader.finish()
        return (words, breakPoints)
    }
}

/// Reads labels.yaml: a flat list of 'key: text' lines.
struct LabelsParser {
    let source: YAMLSource
    let diagnostics: Diagnostics

    func parse() -> Labels {
        var entries: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        guard let reader = MappingReader(source.root, what: .whatLabelsFile, in: source, diagnostics: diagnostics) else {
            return Labels(file: source.file, entries: [:])
        }
        for (key, value) in reader.mapping {
            guard let name = key.scalar?.string else { continue }
            if let text = reader.text(value, key: name) { entries[name] = text; locations[name] = source.location(value) }
        }
        return Labels(file: source.file, entries: entries, locations: locations)
    }
}
