/// Renders many session files to filled invulbladen, in parallel, safely: every file is written
/// atomically with mode 0600, named by the session date and a short id (never by a name), and an
/// existing archive is kept unless overwriting is asked for. One bad file does not stop the rest.
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanEngine
import SwanSession

public struct ArchiveResult: Sendable {
    public enum Outcome: Sendable {
        case rendered(URL)
        /// The archive already has this session's PDF (use --force to replace it).
        case kept(URL)
        case failed([Diagnostic])
    }
    public var input: URL
    public var outcome: Outcome

}

public struct ArchiveSummary: Sendable {
    public var rendered = 0, kept = 0, failed = 0
    public init(_ results: [ArchiveResult]) {
        for result in results {
            switch result.outcome {
            case .rendered: rendered += 1
            case .kept: kept += 1
            case .failed: failed += 1
            }
        }
    }
}

public struct SessionArchive: Sendable {
    public let context: DocumentContext
    public let folder: URL
    public let overwrite: Bool
    /// Names in the PDF metadata only when asked for.
    public let personalMetadata: Bool
    private let vocabulary: SessionVocabulary

    public init(context: DocumentContext, folder: URL, overwrite: Bool, personalMetadata: Bool = false) {
        self.context = context; self.folder = folder; self.overwrite = overwrite; self.personalMetadata = personalMetadata
        vocabulary = SessionVocabulary(deck: context.deck)
    }

    /// The session files named: files as given, folders' *.json files (sorted). A name that is
    /// neither is an error.
    public static func collect(_ inputs: [URL]) throws -> [URL] {
        var files: [URL] = []
        let manager = FileManager.default
        for input in inputs {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: input.path, isDirectory: &isFolder) else {
                throw Diagnostic.error(LayoutCode.noSuchInput, ["path": "\(input.path)"])
            }
            if isFolder.boolValue {
                let names = try manager.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".json") }.sorted()
                files += names.map { input.appendingPathComponent($0) }
            } else {
                files.append(input)
            }
        }
        return files
    }

    /// Renders `files` on `jobs` threads; `report` hears of each result as it comes.
    public func render(_ files: [URL], jobs: Int, report: @escaping @Sendable (ArchiveResult) -> Void = { _ in }) -> [ArchiveResult] {
        let results = ResultBox(count: files.count)
        let queue = DispatchQueue(label: "swan.archive", attributes: .concurrent)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, jobs))
        for (index, file) in files.enumerated() {
            slots.wait()
            group.enter()
            queue.async {
                let result = self.renderOne(file)
                results.set(index, result)
                report(result)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return results.values
    }

    /// One session: decode, lay out, write. Errors become a failed result, never a crash.
    public func renderOne(_ file: URL) -> ArchiveResult {
        do {
            let data = try Data(contentsOf: file)
            let session = try SessionDecoder.decode(data, source: file.path, vocabulary: vocabulary)
            let target = folder.appendingPathComponent(Self.fileName(for: session, data: data))
            if !overwrite && FileManager.default.fileExists(atPath: target.path) {
                return ArchiveResult(input: file, outcome: .kept(target))
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
            do {
                try context.engine.pdf.write(document, to: target, permissions: 0o600, overwrite: overwrite)
            } catch EngineError.output(_, let reason) where reason == "file exists" {
                return ArchiveResult(input: file, outcome: .kept(target))
            }
            return ArchiveResult(input: file, outcome: .rendered(target))
        } catch {
            // Problems without a place of their own (layout, writing) are placed in this session file.
            let diagnostics = Diagnostic.all(from: error).map { diagnostic in
                var placed = diagnostic
                if placed.location == nil { placed.location = SourceLocation(file: file.path) }
                return placed
            }
            return ArchiveResult(input: file, outcome: .failed(diagnostics))
        }
    }

    /// `<datum>-<id>.pdf`: the id is a hash of the file's bytes, so the name says nothing about
    /// the people in it and the same file always gets the same name.
    public static func fileName(for session: Session, data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bit
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return "\(session.datum)-\(String(format: "%016llx", hash).prefix(8)).pdf"
    }
}

/// Results written from several threads. Unchecked: `storage` is only touched under `lock`.
private final class ResultBox: @unchecked Sendable {
    private var storage: [ArchiveResult?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: ArchiveResult) { lock.lock(); storage[index] = result; lock.unlock() }
    var values: [ArchiveResult] { lock.lock(); defer { lock.unlock() }; return storage.compactMap { $0 } }
}
