/// libFuzzer target for `swan import`'s PDF reading (make fuzz): each input is a PDF read through
/// PDFFuzzInput (budgets, attachments, the field walk, the form into a session). Reported errors
/// are the expected outcome for bad input: any crash, trap, hang or other error is a finding.
/// Seeded with our own forms and archives (make fuzz writes them with swan). Built only with
/// SWAN_FUZZ=1 and -sanitize=fuzzer (see the Makefile).
import Foundation
import SwanDiagnostics
import SwanDocuments
import SwanFuzzHarness

/// The deck's context (SWAN_FUZZ_DECK, else Templates/swan), made once.
let fuzzContext: DocumentContext = {
    let deck = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SWAN_FUZZ_DECK"] ?? "Templates/swan")
    do {
        return try PDFFuzzInput.context(deck: deck)
    } catch {
        fatalError("cannot load the deck from \(deck.path): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
package func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    do {
        if case .refused(let errors) = try PDFFuzzInput.run(Data(bytes: start, count: count), context: fuzzContext), errors.isEmpty {
            fatalError("refused without a reason")
        }
    } catch {
        fatalError("swan import threw something other than a DiagnosticError: \(type(of: error)) \(error)")
    }
    return 0
}
