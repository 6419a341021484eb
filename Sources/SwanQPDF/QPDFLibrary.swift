/// libqpdf, loaded on first use (issue 33): the function table of libswanqpdf (CSwanQPDF's
/// swan_qpdf.h), opened once per process when a command first reads a PDF or finishes cairo's.
/// Every other process (`swan --version`, `swan invulblad`, the default set) never loads libqpdf
/// and its dependencies. The library is found from the executable, not from the Workplace: it
/// belongs to the binary (a build folder holds both; `make install` puts it in PREFIX/lib/swan),
/// and the tests that read PDFs make no Workplace.
package import CSwanQPDF
import Foundation
import SwanLayout

package enum QPDFLibrary {
    /// The table, or the error that says where the library was looked for and why it failed.
    package static func api() throws -> swan_qpdf_api {
        switch loaded.result {
        case .success(let api): return api
        case .failure(let error): throw error
        }
    }

    private struct Loaded: @unchecked Sendable {
        // The table is a static of the library, read-only, valid for the process.
        let result: Result<swan_qpdf_api, EngineError>
    }

    private static let loaded: Loaded = {
        var failure = swan_qpdf_load_failure()
        if let api = swan_qpdf_load(&failure) { return Loaded(result: .success(api.pointee)) }
        let beside = string(&failure.beside)
        let installed = URL(fileURLWithPath: string(&failure.installed)).standardizedFileURL.path
        if failure.found == 0 {
            return Loaded(result: .failure(.coded(.pdfLibraryMissing, ["beside": "\(beside)", "installed": "\(installed)"])))
        }
        return Loaded(result: .failure(.coded(.pdfLibraryUnusable, ["path": "\(string(&failure.path))", "reason": "\(string(&failure.reason))"])))
    }()

    private static func string<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
}
