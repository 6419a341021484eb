import ArgumentParser
import Foundation
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanIO

/// `swan check [DIR|SESSION.json…] [--templates DIR] [--sessions DIR]`: reads deck folders and
/// session files and reports every problem a render would stop at, writing nothing; or a summary.
struct CheckCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: HelpCode.checkAbstract.text,
        discussion: HelpCode.checkDiscussion.text)

    @Argument(help: ArgumentHelp(HelpCode.checkPaths.text,
                                 valueName: "DIR|SESSION.json"), completion: .file(extensions: ["json", "pdf"]))
    var paths: [String] = []

    @Option(name: .customLong("templates"), help: ArgumentHelp(HelpCode.checkTemplates.text, valueName: "DIR"), completion: .directory)
    var templates: String?

    @Option(help: ArgumentHelp(HelpCode.checkSessions.text, valueName: "DIR"), completion: .directory)
    var sessions: [String] = []

    @Flag(name: .shortAndLong, help: ArgumentHelp(HelpCode.checkQuiet.text))
    var quiet = false

    func run(in workplace: Workplace) throws {
        let manager = FileManager.default
        var decks: [URL] = [], sessionFiles: [URL] = []
        for path in paths {
            // `-`: a session from standard input (docs/session.md), not a file to look for.
            if InputFile.isStandardInput(URL(fileURLWithPath: path)) {
                sessionFiles.append(URL(fileURLWithPath: path))
                continue
            }
            var folder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &folder) else { throw Reporting.failure(.notFound, ["path": "\(path)"]) }
            if !folder.boolValue {
                sessionFiles.append(URL(fileURLWithPath: path))
            } else if manager.fileExists(atPath: (path as NSString).appendingPathComponent("deck.yaml")) {
                decks.append(URL(fileURLWithPath: path))
            } else {
                throw Reporting.failure(.notADeck, ["path": "\(path)"])
            }
        }
        if let templates { decks.insert(URL(fileURLWithPath: templates), at: 0) }
        // `swan check SESSION.json` checks the session only; the deck is read for its ids.
        let checkDecks = !decks.isEmpty || (sessionFiles.isEmpty && sessions.isEmpty)
        if decks.isEmpty { decks = [workplace.defaultDeckDirectory] }
        for folder in sessions {
            try Reporting.run { sessionFiles += try SessionArchive.collect([URL(fileURLWithPath: folder)]).files }
        }

        var failed = false
        var checkedDecks: [Deck] = []
        for folder in decks where checkDecks {
            if let deck = checkDeck(folder, in: workplace) { checkedDecks.append(deck) } else { failed = true }
        }
        if !sessionFiles.isEmpty || !sessions.isEmpty {
            // Sessions are checked against the first deck (--templates, else the first named).
            try Reporting.run {
                let deck = try checkedDecks.first ?? workplace.loadDeck(decks[0])
                if !checkSessions(sessionFiles, against: deck, in: workplace) { failed = true }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// Checks one deck (CheckRun); prints its problems or its summary.
    private func checkDeck(_ folder: URL, in workplace: Workplace) -> Deck? {
        let checked = CheckRun.deck(folder, in: workplace)
        defer { Reporting.warn(checked.warnings) }
        let result = checked.value
        if !result.notices.isEmpty { DiagnosticPrinter.print(result.notices) }
        if !result.errors.isEmpty { DiagnosticPrinter.print(result.errors) }
        if let deck = result.deck, !quiet {
            Reporting.say(Catalogue.current.text(Self.summary(of: deck)) + "; " + Catalogue.current.text(Message(CommandCode.checkLaidOut)))
        }
        return result.deck
    }

    /// Checks the sessions (CheckRun) and prints a line for each and a summary; true when all are valid.
    private func checkSessions(_ files: [URL], against deck: Deck, in workplace: Workplace) -> Bool {
        var bad = 0, versionOne = 0
        for result in CheckRun.sessions(files, against: deck, in: workplace) {
            guard let version = result.version else {
                bad += 1
                DiagnosticPrinter.print(result.errors)
                continue
            }
            if version == 1 { versionOne += 1 }
            // One file: its version; several: the version 1 files by name (the summary counts them).
            if !quiet && (files.count == 1 || version == 1) {
                let file: MessageArgument = InputFile.isStandardInput(result.file)
                    ? .message(Message(CommonCode.standardInput)) : .text(result.file.relativePath)
                Reporting.say(.sessionValid, ["file": file, "version": "\(version)"])
            }
        }
        if !quiet && (files.count != 1 || !sessions.isEmpty) { Reporting.say(.sessionSummary, ["checked": "\(files.count)", "valid": "\(files.count - bad)", "failed": "\(bad)", "deck": "\(deck.directory.relativePath)"]) }
        // Version 1 files are read as they are; saying how many keeps "unknown level" from surprising anyone.
        if !quiet && versionOne > 0 && (files.count != 1 || !sessions.isEmpty) { Reporting.say(.sessionVersionOne, ["count": "\(versionOne)"]) }
        return bad == 0
    }
}

extension CheckCommand {
    static func summary(of deck: Deck) -> Message {
        let rounds = deck.rounds.map { round in
            Catalogue.current.text(Message(CommandCode.checkRound, ["number": "\(round.number)", "count": "\(deck.cards(inRound: round.number).count)"]))
        }.joined(separator: ", ")
        return Message(CommandCode.checkSummary, [
            "deck": "\(deck.meta.shortName)", "cards": "\(deck.cards.count)", "rounds": "\(rounds)",
            "roles": "\(deck.cards(ofKind: .role).count)", "checks": "\(deck.cards(ofKind: .check).count)",
            "parts": "\(deck.invulblad.parts.count)", "sections": "\(deck.invulblad.sections.count)",
            "moments": "\(deck.checklist.moments.count)", "roleTasks": "\(deck.checklist.roles.count)",
            "headings": "\(deck.handleiding.headings.count)", "footnotes": "\(deck.handleiding.footnotes.count)",
            "layouts": "\(deck.layouts.keys.sorted().joined(separator: ", "))",
        ])
    }
}
