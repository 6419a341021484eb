/// libFuzzer target for the session decoder (make fuzz). Any input must either decode or throw
/// Diagnostics with at least one error; a decoded session must survive encodeJSON and decode
/// again to an equal session. Any crash, trap or hang is a finding.
/// Built only with SWAN_FUZZ=1 and -sanitize=fuzzer (see the Makefile's fuzz target).
import Foundation
import SwanDiagnostics
import SwanSession

@_cdecl("LLVMFuzzerTestOneInput")
package func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let session = try SessionDecoder.decode(data, source: "fuzz.json", vocabulary: .standard)
        let again = try SessionDecoder.decode(session.encodeJSON(), source: "again.json", vocabulary: .standard)
        if again != session { fatalError("round trip changed the session") }
    } catch let errors as DiagnosticError {
        if errors.diagnostics.isEmpty { fatalError("Diagnostics without errors") }
        for error in errors.diagnostics { _ = error.description }
    } catch {
        fatalError("SessionDecoder threw something other than Diagnostics: \(type(of: error)) \(error)")
    }
    return 0
}
