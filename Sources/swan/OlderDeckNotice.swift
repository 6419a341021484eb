import Foundation
import SwanDiagnostics
import SwanDocuments

/// What a deck from an older release lacks (ShippedDeckFallback's warnings, one per key), said by
/// a rendering command as one summary; `swan check` lists the keys. One notice per run: `swan
/// watch` keeps it across renders, so the summary comes at start and again only when the count changes.
final class OlderDeckNotice {
    private var saidCount: Int?

    func say(_ warnings: [Diagnostic], folder: URL) {
        guard saidCount != warnings.count else { return }
        saidCount = warnings.count
        if let summary = ShippedDeckFallback.summary(of: warnings, folder: folder.relativePath) {
            DiagnosticPrinter.print([summary])
        }
    }
}
