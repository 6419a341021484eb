/// The seam between layout and output: an exporter turns a finished `Document` into bytes and
/// writes nothing itself; the caller writes the bytes through the one safe write path
/// (`AtomicFile`). The native PDF writer and cairo's PDF surface are two exporters of the same
/// page model; cairo's PNG renderer draws the same model too (typst's pdf/render split).
import Foundation
import SwanIO

public protocol DocumentExporter: Sendable {
    /// The file's bytes for `document`; the same document gives the same bytes.
    func export(_ document: Document) throws -> Data
}

extension DocumentExporter {
    /// Exports `document` and writes it atomically (owner-only temporary file, rename).
    public func write(_ document: Document, to url: URL, permissions: Int? = nil, overwrite: Bool = true) throws {
        let data = try export(document)
        try AtomicFile.write(data, to: url, permissions: permissions, overwrite: overwrite)
    }
}
