/// The seam between layout and output: an exporter turns a finished `Document` into bytes and
/// writes nothing itself; the caller writes the bytes through the one safe write path
/// (`AtomicFile`). The native PDF writer and cairo's PDF surface are two exporters of the same
/// page model; cairo's PNG renderer draws the same model too (typst's pdf/render split).
package import Foundation
package import SwanDiagnostics
import SwanIO

/// A file as an exporter made it: its bytes, the standards it claims, and why a standard the
/// document asked for is not claimed (warnings, worded by the catalogues), so that a run can say so.
package struct ExportedFile: Sendable {
    package var data: Data
    package var claimed: Conformance
    package var dropped: [Diagnostic]

    package init(data: Data, claimed: Conformance, dropped: [Diagnostic] = []) {
        self.data = data; self.claimed = claimed; self.dropped = dropped
    }
}

package protocol DocumentExporter: Sendable {
    /// The file's bytes for `document`; the same document gives the same bytes.
    func export(_ document: Document) throws -> Data
    /// The file with the claim it actually makes.
    func exported(_ document: Document) throws -> ExportedFile
}

extension DocumentExporter {
    /// An exporter that claims no standard (cairo's writer) tells nothing more than its bytes.
    package func exported(_ document: Document) throws -> ExportedFile {
        ExportedFile(data: try export(document), claimed: [])
    }

    /// Exports `document` and writes it atomically (owner-only temporary file, rename).
    package func write(_ document: Document, to url: URL, permissions: Int? = nil, overwrite: Bool = true) throws {
        let data = try export(document)
        try AtomicFile.write(data, to: url, permissions: permissions, overwrite: overwrite)
    }
}
