import Foundation
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanIO
import SwanSession

/// Every code every layer declares: what the catalogues must word.
enum AllCodes {
    static let codes: Set<String> = Set(
        Severity.allCases.map { "severity.\($0.rawValue)" }
            + CommonCode.allCases.map(\.rawValue)
            + DeckCode.allCases.map(\.rawValue)
            + SessionCode.allCases.map(\.rawValue)
            + LayoutCode.allCases.map(\.rawValue)
            + OutputNameCode.allCases.map(\.rawValue)
            + FileCode.allCases.map(\.rawValue)
            + ArchiveCode.allCases.map(\.rawValue)
            + ReportCode.allCases.map(\.rawValue)
            + SettingsCode.allCases.map(\.rawValue)
            + EngineCode.allCases.map(\.rawValue)
            + commandCodes
            + installCodes
            + FormCode.allCases.map(\.rawValue)
    )

    /// The codes of the swan executable (a test cannot import it): the raw values in its CommandCode.swift.
    static var commandCodes: [String] {
        let file = CatalogueTests.folder.deletingLastPathComponent().appendingPathComponent("Sources/swan/CommandCode.swift")
        let source = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let codes = source.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("case "), let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        precondition(!codes.isEmpty, "no command codes found in \(file.path)")
        return codes
    }

    /// The codes `make install` and `make uninstall` print: each `say install.…` in scripts/install-tree.sh.
    static var installCodes: [String] {
        let file = CatalogueTests.folder.deletingLastPathComponent().appendingPathComponent("scripts/install-tree.sh")
        let source = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let pattern = try! NSRegularExpression(pattern: #"\bsay (install\.[a-z-]+)"#)
        let codes = pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap { match in
            Range(match.range(at: 1), in: source).map { String(source[$0]) }
        }
        precondition(!codes.isEmpty, "no install codes found in \(file.path)")
        return codes
    }
}
