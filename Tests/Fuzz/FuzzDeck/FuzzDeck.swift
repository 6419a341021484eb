/// libFuzzer target for the deck (make fuzz): each input goes through DeckFuzzInput (its first
/// byte chooses the file of a copy of the deck it replaces); the deck is loaded and its layouts
/// decoded. Reported errors are the expected outcome for bad input: any crash, trap, hang or
/// other error is a finding. Built only with SWAN_FUZZ=1 and -sanitize=fuzzer (see the Makefile).
import Foundation
import SwanFuzzHarness

/// A private copy of the deck (SWAN_FUZZ_DECK, else Templates/swan, with the fonts of
/// SWAN_FUZZ_FONTS, else Fonts), made once.
let fuzzDeck: URL = {
    let environment = ProcessInfo.processInfo.environment
    let source = URL(fileURLWithPath: environment["SWAN_FUZZ_DECK"] ?? "Templates/swan")
    let fonts = URL(fileURLWithPath: environment["SWAN_FUZZ_FONTS"] ?? "Fonts")
    do {
        let copy = try DeckFuzzInput.copyOfDeck(from: source, fonts: fonts)
        atexit { DeckFuzzInput.remove(fuzzDeck) }
        return copy
    } catch {
        fatalError("cannot copy the deck from \(source.path): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
package func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    do {
        _ = try DeckFuzzInput.run(Data(bytes: start, count: count), in: fuzzDeck)
    } catch {
        fatalError("the deck or its layouts threw something other than a DiagnosticError: \(type(of: error)) \(error)")
    }
    return 0
}
