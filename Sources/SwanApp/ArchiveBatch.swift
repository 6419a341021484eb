/// One archive thread's PDFs on their way to disk, made durable together: the batch's manifest
/// lines go to the journal (one fsync), then the PDFs through AtomicFile.writeAll (temporary
/// files, each fsync'ed, renamed, one folder fsync). A PDF's result is reported only once it is
/// in place and on disk; results without a PDF (kept, failed) wait behind the PDFs before them,
/// so one thread's results keep their order. Written when it holds `maximumDocuments` PDFs or
/// `maximumBytes`, when a PDF comes `maximumAge` or more after its first (so a slow run still
/// lands files steadily), and at the thread's end.
import Foundation
import SwanIO

struct ArchiveBatch {
    /// A rendered PDF and where it goes.
    struct Document {
        var input: URL
        var target: URL
        var bytes: Data
        var sha256: String
    }

    enum Item {
        case write(Document)
        /// A result without a PDF to write.
        case done(ArchiveResult)
    }

    static let maximumDocuments = 32
    static let maximumBytes = 8 << 20
    static let maximumAge: TimeInterval = 1

    private let folder: ArchiveFolder
    private let overwrite: Bool
    /// Hears each result in order, with the SHA-256 of the PDF it put in place.
    private let deliver: (ArchiveResult, String?) -> Void
    private var items: [Item] = []
    private var documents = 0, bytes = 0
    private var started = Date.distantFuture

    init(folder: ArchiveFolder, overwrite: Bool, deliver: @escaping (ArchiveResult, String?) -> Void) {
        self.folder = folder; self.overwrite = overwrite; self.deliver = deliver
    }

    mutating func add(_ item: Item) {
        switch item {
        case .done(let result) where documents == 0:
            deliver(result, nil)
            return
        case .done:
            break
        case .write(let document):
            if documents == 0 { started = Date() }
            documents += 1
            bytes += document.bytes.count
        }
        items.append(item)
        if documents >= Self.maximumDocuments || bytes >= Self.maximumBytes || Date().timeIntervalSince(started) >= Self.maximumAge {
            flush()
        }
    }

    /// Writes the batch's PDFs and reports every result held. A failed journal fails every PDF
    /// of the batch (none is written); a failed write, flush or rename fails that PDF only; a
    /// failed folder fsync every PDF renamed into the folder.
    mutating func flush() {
        let pending = items
        items = []; documents = 0; bytes = 0; started = .distantFuture
        let batch = pending.compactMap { item -> Document? in if case .write(let document) = item { document } else { nil } }
        var outcomes: [Error?] = []
        if !batch.isEmpty {
            do {
                try ArchiveManifest.journal(batch.map { (name: $0.target.lastPathComponent, sha256: $0.sha256) }, in: folder)
                CrashPoint.here("archive-journaled")
                outcomes = AtomicFile.writeAll(batch.map { FileWrite($0.bytes, to: $0.target, permissions: 0o600, overwrite: overwrite) }) { step in
                    CrashPoint.here(Self.crashPoints[step]!)
                }
            } catch {
                outcomes = Array(repeating: error, count: batch.count)
            }
        }
        var next = 0
        for item in pending {
            switch item {
            case .done(let result):
                deliver(result, nil)
            case .write(let document):
                let outcome = outcomes[next]
                next += 1
                if outcome == nil {
                    deliver(ArchiveResult(input: document.input, outcome: .rendered(document.target)), document.sha256)
                } else if let error = outcome as? FileError, error.reason == .exists {
                    // Another run (or a copy of this file) archived the same bytes meanwhile.
                    deliver(ArchiveResult(input: document.input, outcome: .kept(document.target)), nil)
                } else {
                    deliver(SessionArchive.failed(document.input, outcome!), nil)
                }
            }
        }
    }

    /// SWAN_TEST_CRASH_AT points between the batch's steps (the kill tests).
    private static let crashPoints: [FileWriteStep: String] = [
        .written: "archive-written", .flushed: "archive-flushed", .renamedOne: "archive-renamed-one", .renamed: "archive-renamed",
    ]
}
