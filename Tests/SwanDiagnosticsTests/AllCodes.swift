import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanSession

/// Every code every layer declares: what the catalogues must word.
enum AllCodes {
    static let codes: Set<String> = Set(
        Severity.allCases.map { "severity.\($0.rawValue)" }
            + CommonCode.allCases.map(\.rawValue)
            + DeckCode.allCases.map(\.rawValue)
            + SessionCode.allCases.map(\.rawValue)
            + LayoutCode.allCases.map(\.rawValue)
    )
}
