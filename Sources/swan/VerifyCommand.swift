import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics

/// `swan verify ARCHIVE`: every PDF against the manifest, every attached session against its
/// file name; changed, missing, unknown and deleted-but-present files named; exit 1 if any.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: HelpCode.verifyAbstract.text,
        discussion: HelpCode.verifyDiscussion.text)

    @Argument(help: ArgumentHelp(HelpCode.archiveFolder.text, valueName: "ARCHIVE"), completion: .directory)
    var archive: String

    func run() throws {
        try Reporting.run {
            let folder = ArchiveFolder(URL(fileURLWithPath: archive))
            try folder.checkExists()
            let lock = try folder.lock()
            defer { withExtendedLifetime(lock) {} }
            let result = try ArchiveVerifier.verify(folder)
            DiagnosticPrinter.print(result.problems)
            Reporting.say(Catalogue.current.text(Message(ArchiveCode.verifySummary, [
                "files": "\(result.files)", "sessions": "\(result.sessions)",
                "oldest": "\(result.oldest.map { "\($0)" } ?? "-")", "newest": "\(result.newest.map { "\($0)" } ?? "-")",
                "problems": "\(result.problems.count)", "folder": "\(archive)"])))
            if !result.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
