/// The archive's manifest, SHA256SUMS: one line per PDF, `<sha-256>  <file name>`, sorted by
/// name, in the format `sha256sum -c` checks. It is written whole through the one safe write path
/// (AtomicFile), so it is the old list or the new one, never half of either.
///
/// A run that writes PDFs writes them in batches (SessionArchive): it first appends the batch's
/// lines to a journal (one fsync) and only then writes the PDFs (AtomicFile.writeAll); at its end
/// it folds the journal into the manifest and removes the journal. Lines of PDFs this run wrote
/// and renamed itself are taken as they are; a run killed half way leaves the journal: the next
/// archive command (under the same lock) takes each of its lines whose file is there with exactly
/// that SHA-256, and drops the others (a PDF that never arrived, or a replacement that did not
/// happen). So the manifest and the files never disagree once a run has ended, however it ended.
package import Foundation
import SwanDiagnostics
import SwanIO

package struct ArchiveManifest: Sendable, Equatable {
    /// File name -> SHA-256 (lowercase hexadecimal).
    package var entries: [String: String] = [:]
    /// Whether the folder has a manifest file at all.
    package var exists = false

    package init(entries: [String: String] = [:], exists: Bool = false) { self.entries = entries; self.exists = exists }

    /// The manifest of `folder` (empty when there is none); a line that is not `sha256sum`
    /// format is an error naming the file and line.
    package static func load(_ folder: ArchiveFolder) throws -> ArchiveManifest {
        let url = folder.file(ArchiveFolder.manifestName)
        guard try folder.hasFile(ArchiveFolder.manifestName) else { return ArchiveManifest() }
        let data = try InputFile.read(url, limit: maximumSize, ownOutput: true)
        var manifest = ArchiveManifest(exists: true)
        var errors: [Diagnostic] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            guard let (hash, name) = parse(line) else {
                errors.append(.error(ArchiveCode.manifestBadLine, at: SourceLocation(file: url.relativePath, line: index + 1)))
                continue
            }
            manifest.entries[name] = hash
        }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return manifest
    }

    /// 64 MB: about 600,000 records (a line is about 110 bytes).
    static let maximumSize = 64 << 20

    /// `<64 hex>  <name>` (text mode) or `<64 hex> *<name>` (binary mode); the name a plain
    /// file name (no folder).
    static func parse<S: StringProtocol>(_ line: S) -> (String, String)? {
        let bytes = Array(line.utf8)
        guard bytes.count > 66, bytes[64] == UInt8(ascii: " "),
              bytes[65] == UInt8(ascii: " ") || bytes[65] == UInt8(ascii: "*") else { return nil }
        let hash = String(decoding: bytes[0..<64], as: UTF8.self).lowercased()
        guard hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        let name = String(decoding: bytes[66...], as: UTF8.self)
        guard !name.contains("/"), name != ".", name != ".." else { return nil }
        return (hash, name)
    }

    /// The file's bytes: sorted lines.
    package var data: Data {
        Data(entries.keys.sorted().map { "\(entries[$0]!)  \($0)\n" }.joined().utf8)
    }

    package func write(to folder: ArchiveFolder) throws {
        try AtomicFile.write(data, to: folder.file(ArchiveFolder.manifestName), permissions: 0o600)
    }

    // MARK: the journal of a run under way

    /// Before PDFs are written: their lines (file name, SHA-256) go to the journal, on disk
    /// (one fsync) before any of the PDFs is.
    package static func journal(_ lines: [(name: String, sha256: String)], in folder: ArchiveFolder) throws {
        let text = lines.map { "\($0.sha256)  \($0.name)\n" }.joined()
        try AppendFile.append(Data(text.utf8), to: folder.file(ArchiveFolder.journalName))
    }

    /// The manifest with the journal's lines folded in: each line whose file is there with that
    /// SHA-256. `written` holds the lines of PDFs this process wrote and renamed itself (name ->
    /// SHA-256 of the bytes it wrote): those are taken without reading the file back. With
    /// `write`, the result is written and the journal removed (under the lock); without, nothing
    /// changes on disk (`swan verify`).
    package static func complete(_ folder: ArchiveFolder, write: Bool, written: [String: String] = [:]) throws -> ArchiveManifest {
        var manifest = try load(folder)
        let journalURL = folder.file(ArchiveFolder.journalName)
        guard try folder.hasFile(ArchiveFolder.journalName) else { return manifest }
        let data = try InputFile.read(journalURL, limit: maximumSize, ownOutput: true)
        var pending: [String: String] = [:]
        // A line cut short by a kill has no newline: it never became a PDF (the line is written first).
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if let (hash, name) = parse(line) { pending[name] = hash }
        }
        for (name, hash) in pending.sorted(by: { $0.key < $1.key }) {
            if written[name] == hash {
                manifest.entries[name] = hash
                continue
            }
            guard let bytes = ArchivedRecord.readFile(folder.file(name)), ArchiveFolder.sha256(bytes) == hash else { continue }
            manifest.entries[name] = hash
        }
        if write {
            // No manifest is made for nothing (a first run whose every PDF failed).
            if manifest.exists || !manifest.entries.isEmpty {
                try manifest.write(to: folder)
                manifest.exists = true
            }
            try FileRemoval.remove(journalURL)
            try FileRemoval.sync(folder.url)
        }
        return manifest
    }
}
