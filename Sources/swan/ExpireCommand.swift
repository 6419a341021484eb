import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanSession

/// `swan expire ARCHIVE --older-than 15y [--on DATE] [--dry-run]` and
/// `swan expire ARCHIVE --id ID…`: deletes records whose term has ended, or the records named,
/// logging each deletion (never a name) and updating the manifest; see ArchiveExpiry for the order.
struct ExpireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expire",
        abstract: HelpCode.expireAbstract.text,
        discussion: HelpCode.expireDiscussion.text)

    @Argument(help: ArgumentHelp(HelpCode.archiveFolder.text, valueName: "ARCHIVE"), completion: .directory)
    var archive: String

    @Option(name: .customLong("older-than"), help: ArgumentHelp(HelpCode.expireOlderThan.text, valueName: "DURATION"))
    var olderThan: String?

    @Option(name: .customLong("on"), help: ArgumentHelp(HelpCode.expireOn.text, valueName: "DATE"))
    var on: String?

    @Option(name: .customLong("id"), parsing: .upToNextOption, help: ArgumentHelp(HelpCode.expireID.text, valueName: "ID"))
    var ids: [String] = []

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(HelpCode.expireDryRun.text))
    var dryRun = false

    private static func invalid(_ code: ArchiveCode, _ arguments: [String: MessageArgument] = [:]) -> ValidationError {
        ValidationError(Catalogue.current.text(Message(code, arguments)))
    }

    /// The ids as given, with or without `.pdf`.
    private var plainIDs: [String] { ids.map { $0.hasSuffix(".pdf") ? String($0.dropLast(4)) : $0 } }

    func validate() throws {
        guard (olderThan == nil) != ids.isEmpty else { throw Self.invalid(.expireNeedsOne) }
        if let olderThan, ArchiveTerm(olderThan) == nil { throw Self.invalid(.badTerm, ["value": "\(olderThan)"]) }
        if let on {
            guard olderThan != nil else { throw Self.invalid(.expireNeedsOne) }
            guard let day = SessionDate(on) else { throw Self.invalid(.badDate, ["value": "\(on)"]) }
            // A term is never ended before its time: a later day only to see what it would delete.
            if day > ArchiveTerm.today() && !dryRun { throw Self.invalid(.futureNeedsDryRun, ["date": "\(on)"]) }
        }
        for id in plainIDs where !ArchiveFolder.isID(id) { throw Self.invalid(.badID, ["id": "\(id)"]) }
    }

    func run() throws {
        try Reporting.run {
            let request: ExpiryRequest
            if let olderThan, let term = ArchiveTerm(olderThan) {
                request = .term(term, on: on.flatMap(SessionDate.init) ?? ArchiveTerm.today())
            } else {
                request = .ids(plainIDs)
            }
            let outcome = try ArchiveExpiry.run(request, inArchive: URL(fileURLWithPath: archive), dryRun: dryRun)
            for name in outcome.deletedAgain {
                Reporting.say(Catalogue.current.text(Message(dryRun ? ArchiveCode.wouldDeleteAgain : .deletedAgain, ["file": "\(name)"])))
            }
            for id in outcome.alreadyDeleted {
                Reporting.say(Catalogue.current.text(Message(ArchiveCode.alreadyDeleted, ["id": "\(id)"])))
            }
            for line in outcome.deleted {
                let reason = Message(line.reason == .term ? ArchiveCode.reasonTerm : .reasonRequest)
                Reporting.say(Catalogue.current.text(Message(dryRun ? ArchiveCode.wouldDelete : .deleted,
                                                             ["file": "\(line.file)", "date": "\(line.sessionDate)", "reason": .message(reason)])))
            }
            DiagnosticPrinter.print(outcome.problems)
            Reporting.say(Catalogue.current.text(Message(dryRun ? ArchiveCode.expireDryRunSummary : .expireSummary, [
                "deleted": "\(outcome.deleted.count + outcome.deletedAgain.count)", "kept": "\(outcome.kept)",
                "problems": "\(outcome.problems.count)", "folder": "\(archive)"])))
            if !outcome.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
