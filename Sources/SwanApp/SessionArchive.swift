/// Renders many session files to filled invulbladen, in parallel, safely: every file is written
/// atomically with mode 0600, named by the session date and a short id (never by a name), and an
/// existing archive is kept unless overwriting is asked for. One bad file does not stop the rest.
import Crypto
package import Foundation
import SwanDeck
package import SwanDiagnostics
package import SwanDocuments
import SwanLayout
import SwanIO
package import SwanSession

package struct ArchiveResult: Sendable {
    package enum Outcome: Sendable {
        case rendered(URL)
        /// The archive already has this session's PDF (use --force to replace it).
        case kept(URL)
        case failed([Diagnostic])
    }
    package var input: URL
    package var outcome: Outcome
}

package struct ArchiveSummary: Sendable {
    package var rendered = 0, kept = 0, failed = 0
    package init() {}
    package init(_ results: [ArchiveResult]) {
        for result in results { count(result) }
    }

    package mutating func count(_ result: ArchiveResult) {
        switch result.outcome {
        case .rendered: rendered += 1
        case .kept: kept += 1
        case .failed: failed += 1
        }
    }
}

package struct SessionArchive: Sendable {
    package let context: DocumentContext
    /// The PDF writer the run chose (`--pdf-writer`).
    package let exporters: Exporters
    package let folder: URL
    package let overwrite: Bool
    /// Names in the PDF metadata only when asked for.
    package let personalMetadata: Bool
    private let vocabulary: SessionVocabulary

    package init(context: DocumentContext, exporters: Exporters = Exporters(), folder: URL, overwrite: Bool, personalMetadata: Bool = false) {
        self.context = context; self.exporters = exporters; self.folder = folder; self.overwrite = overwrite; self.personalMetadata = personalMetadata
        vocabulary = SessionVocabulary(deck: context.deck)
    }

    /// The inputs named: files as given, and in the folders named and their subfolders every
    /// session file (`.json`) and filled-in form (`.pdf`, from `swan invulblad --fillable`), any
    /// letter case, sorted. Other files found in folders are listed as skipped, with the reason,
    /// and so are PDFs under `archiveFolder` (the archive's own output, not forms). A name that
    /// is not there, or no input at all, is an error.
    package static func collect(_ inputs: [URL], archiveFolder: URL? = nil) throws -> ArchiveInputs {
        var found = ArchiveInputs()
        let archivePath = archiveFolder.map { $0.resolvingSymlinksInPath().standardizedFileURL.path + "/" }
        for input in inputs {
            var info = stat()
            guard stat(input.path, &info) == 0 else { throw FileError.system(.read, input.relativePath) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let before = found.files.count
                collect(folder: input, into: &found)
                if found.files.count == before { found.emptyFolders.append(input) }
            } else {
                found.files.append(input)
            }
        }
        if let archivePath {
            for file in found.files where isArchived(file, in: archivePath) {
                found.skipped.append((file, .archiveOutput))
            }
            found.files.removeAll { isArchived($0, in: archivePath) }
        }
        if found.files.isEmpty {
            let named = inputs.map(\.relativePath).joined(separator: ", ")
            throw ArchiveInputError.noSessionFiles(named)
        }
        return found
    }

    /// The extensions of what the archive takes: session files and filled-in forms.
    static let inputExtensions: Set<String> = ["json", "pdf"]

    private static func isArchived(_ file: URL, in archivePath: String) -> Bool {
        file.pathExtension.lowercased() == "pdf"
            && file.resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(archivePath)
    }

    private static func collect(folder: URL, into found: inout ArchiveInputs) {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: []) else {
            found.skipped.append((folder, .unreadable))
            return
        }
        var files: [URL] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true { continue }
            let isRegular = values?.isRegularFile == true
                || (values?.isSymbolicLink == true && (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true)
            if url.lastPathComponent.hasPrefix(".") {
                found.skipped.append((url, .hidden))
            } else if !inputExtensions.contains(url.pathExtension.lowercased()) {
                found.skipped.append((url, .notSessionFile))
            } else if !isRegular {
                found.skipped.append((url, .notRegularFile))
            } else {
                files.append(url)
            }
        }
        found.files += files.sorted { $0.path < $1.path }
    }

    /// `swan archive`'s run: every input recorded before the first write (no archived PDF may
    /// replace one, a hard link), the folder checked and made, and `files` rendered while the
    /// archive's lock is held (the one `swan verify`, `find` and `expire` take), the manifest
    /// completed before (a killed run's lines) and after (this run's, trusted as written).
    package func archive(_ files: [URL], jobs: Int, report: @escaping @Sendable (ArchiveResult) -> Void = { _ in }) throws -> ArchiveSummary {
        files.forEach { RunInputs.shared.record($0) }
        try OutputChecks.destinationFolder(folder)
        try AtomicFile.makeFolder(folder)
        let archiveFolder = ArchiveFolder(folder)
        let lock = try archiveFolder.lock()
        defer { withExtendedLifetime(lock) {} }
        _ = try ArchiveManifest.complete(archiveFolder, write: true)
        let written = LockedBox([String: String]())
        let summary = render(files, jobs: jobs, written: written, report: report)
        _ = try ArchiveManifest.complete(archiveFolder, write: true, written: written.withLockedValue { $0 })
        return summary
    }

    /// Renders `files` on `jobs` threads; `report` hears of each result once its PDF is in place
    /// and on disk. Results are streamed, not kept: only their counts are (memory stays flat
    /// however many files; a batch holds at most ArchiveBatch.maximumBytes of PDFs per thread).
    package func render(_ files: [URL], jobs: Int, report: @escaping @Sendable (ArchiveResult) -> Void = { _ in }) -> ArchiveSummary {
        render(files, jobs: jobs, written: LockedBox([:]), report: report)
    }

    /// Each of `jobs` threads takes the next file, renders it and collects the PDF in its own
    /// batch, written when full or old (ArchiveBatch). `written` gathers the name and SHA-256 of
    /// every PDF put in place.
    private func render(_ files: [URL], jobs: Int, written: LockedBox<[String: String]>,
                        report: @escaping @Sendable (ArchiveResult) -> Void) -> ArchiveSummary {
        let summary = LockedBox(ArchiveSummary())
        let next = LockedBox(0)
        Array(0..<min(jobs, files.count)).concurrentForEach(width: jobs) { _, _ in
            var batch = ArchiveBatch(folder: ArchiveFolder(self.folder), overwrite: self.overwrite) { result, hash in
                if case .rendered(let target) = result.outcome, let hash {
                    written.withLockedValue { $0[target.lastPathComponent] = hash }
                }
                summary.withLockedValue { $0.count(result) }
                report(result)
            }
            while let index = next.withLockedValue({ next -> Int? in
                defer { next += 1 }
                return next < files.count ? next : nil
            }) {
                batch.add(self.prepare(files[index]))
            }
            batch.flush()
        }
        return summary.withLockedValue { $0 }
    }

    /// One session: decode, lay out, write. Errors become a failed result, never a crash.
    package func renderOne(_ file: URL) -> ArchiveResult {
        var outcome: ArchiveResult?
        var batch = ArchiveBatch(folder: ArchiveFolder(folder), overwrite: overwrite) { result, _ in outcome = result }
        batch.add(prepare(file))
        batch.flush()
        return outcome!
    }

    /// One session decoded and laid out: its PDF's bytes and name, or the result without a PDF
    /// to write (kept, failed).
    func prepare(_ file: URL) -> ArchiveBatch.Item {
        do {
            // A filled-in form (or an archived invulblad) is named and attached as the session file it holds.
            let (session, data) = try SessionInput.read(file, source: file.path, vocabulary: vocabulary, context: { context })
            let target = folder.appendingPathComponent(Self.fileName(for: session, data: data))
            if !overwrite && FileManager.default.fileExists(atPath: target.path) {
                return .done(ArchiveResult(input: file, outcome: .kept(target)))
            }
            let diagnostics = Diagnostics()
            let filled = try InvulbladDocument.filled(session, context, diagnostics: diagnostics)
            // An archived record must hold every name whole: a character no font can show fails
            // the session (a located error naming the field and the code point), no PDF is written.
            let unshowable = diagnostics.warnings.filter { $0.code == LayoutCode.missingGlyph.rawValue }
            if !unshowable.isEmpty {
                throw DiagnosticError(unshowable.map { var error = $0; error.severity = .error; return error })
            }
            var document = try filled
                .archiveGrade(sessionData: data, attachmentName: target.deletingPathExtension().lastPathComponent + ".json", context)
            document.info.creationDate = context.date(including: [file])
            if personalMetadata { document = document.withPersonalMetadata(from: session) }
            let bytes = try exporters.pdf.export(document)
            return .write(ArchiveBatch.Document(input: file, target: target, bytes: bytes, sha256: ArchiveFolder.sha256(bytes)))
        } catch {
            return .done(Self.failed(file, error))
        }
    }

    /// A failed result; problems without a place of their own (layout, writing) are placed in
    /// this session file.
    static func failed(_ file: URL, _ error: Error) -> ArchiveResult {
        let diagnostics = Diagnostic.all(from: error).map { diagnostic in
            var placed = diagnostic
            if placed.location == nil && !(error is FileError) { placed.location = SourceLocation(file: file.path) }
            return placed
        }
        return ArchiveResult(input: file, outcome: .failed(diagnostics))
    }

    /// `<datum>-<id>.pdf`: the id is the first 96 bits of the SHA-256 of the file's bytes, so
    /// the name says nothing about the people in it, the same file always gets the same name,
    /// and two different files of one date share a name with odds of about n²/2⁹⁷.
    package static func fileName(for session: Session, data: Data) -> String {
        ArchiveName.pdfName(for: session, data: data)
    }

    /// 12 bytes: 24 hexadecimal digits.
    package static let idBytes = ArchiveName.idBytes
}

/// What `collect` found: the session files, and what it passed over and why.
package struct ArchiveInputs: Sendable {
    package var files: [URL] = []
    package var skipped: [(URL, SkipReason)] = []
    /// Folders named that held no session file (the run goes on with the others).
    package var emptyFolders: [URL] = []
    package init() {}
}

/// Why `collect` passed over a file it found in a folder.
package enum SkipReason: Sendable, Equatable {
    /// A PDF in the archive folder: the archive's own output, not a filled-in form.
    case archiveOutput
    case unreadable, hidden, notSessionFile, notRegularFile

    package var message: Message {
        switch self {
        case .archiveOutput: Message(ArchiveCode.skipArchiveOutput)
        case .unreadable: Message(ArchiveCode.skipUnreadable)
        case .hidden: Message(ArchiveCode.skipHidden)
        case .notSessionFile: Message(ArchiveCode.skipNotSessionFile)
        case .notRegularFile: Message(ArchiveCode.skipNotRegularFile)
        }
    }
}

package enum ArchiveInputError: Error, CustomStringConvertible, Equatable, DiagnosticConvertible {
    case noSessionFiles(String)
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    private var named: String { switch self { case .noSessionFiles(let named): named } }
    package var diagnostics: [Diagnostic] { [.error(ArchiveCode.noSessionFiles, ["named": "\(named)"])] }
}

/// The codes of the archive's messages; their wording is in Messages/en.txt and nl.txt.
package enum ArchiveCode: String, DiagnosticCode {
    case noSessionFiles = "archive.no-session-files"
    case noSessionsInFolder = "archive.no-sessions-in-folder"
    case skipped = "archive.skipped"
    case skipArchiveOutput = "archive.skip-archive-output"
    case skipUnreadable = "archive.skip-unreadable"
    case skipHidden = "archive.skip-hidden"
    case skipNotSessionFile = "archive.skip-not-session-file"
    case skipNotRegularFile = "archive.skip-not-regular-file"
    // The archive's life: the manifest, swan verify, swan find, swan expire (docs/archive.md).
    case waitingForLock = "archive.waiting-for-lock"
    case manifestBadLine = "archive.manifest-bad-line"
    case noManifest = "archive.no-manifest"
    case changedFile = "archive.changed-file"
    case missingFile = "archive.missing-file"
    case unknownFile = "archive.unknown-file"
    case notPlainFile = "archive.not-plain-file"
    case deletedPresent = "archive.deleted-present"
    case notARecord = "archive.not-a-record"
    case unreadableRecord = "archive.unreadable-record"
    case noSession = "archive.no-session"
    case sessionMismatch = "archive.session-mismatch"
    case sessionUnreadable = "archive.session-unreadable"
    case sessionDateMismatch = "archive.session-date-mismatch"
    case verifySummary = "archive.verify-summary"
    case findSummary = "archive.find-summary"
    case findNeedsText = "archive.find-needs-text"
    case deleted = "archive.deleted"
    case wouldDelete = "archive.would-delete"
    case deletedAgain = "archive.deleted-again"
    case wouldDeleteAgain = "archive.would-delete-again"
    case alreadyDeleted = "archive.already-deleted"
    case reasonTerm = "archive.reason-term"
    case reasonRequest = "archive.reason-request"
    case expireSummary = "archive.expire-summary"
    case expireDryRunSummary = "archive.expire-dry-run-summary"
    case unknownID = "archive.unknown-id"
    case notInManifest = "archive.not-in-manifest"
    case notAnArchive = "archive.not-an-archive"
    case badID = "archive.bad-id"
    case badTerm = "archive.bad-term"
    case badDate = "archive.bad-date"
    case futureNeedsDryRun = "archive.future-needs-dry-run"
    case expireNeedsOne = "archive.expire-needs-one"
}
