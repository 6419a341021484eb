/// libFuzzer target for the deck parser (make fuzz). The first byte of an input chooses which
/// file of a copy of the deck it replaces; the rest is that file's content. DeckLoader must
/// either load the deck or throw a DiagnosticError: any crash, trap or hang is a finding.
/// Built only with SWAN_FUZZ=1 and -sanitize=fuzzer (see the Makefile's fuzz target).
import Foundation
import SwanDeck
import SwanDiagnostics

/// The files an input can replace, by its first byte (modulo the count). Keep in step with
/// the seed list in the Makefile and with FuzzRegressionTests.
let deckFiles = ["deck.yaml", "cards/ronde-1.yaml", "cards/rollen.yaml", "forms/invulblad.yaml",
                 "forms/checklist.yaml", "labels.yaml", "hyphenation.yaml", "handleiding.md", "layout/cards.yaml"]

/// A private copy of the deck (SWAN_FUZZ_DECK, else Templates/swan), made once.
let fuzzDeck: URL = {
    let source = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SWAN_FUZZ_DECK"] ?? "Templates/swan")
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("swan-fuzz-deck-\(getpid())")
    try? FileManager.default.removeItem(at: copy)
    do { try FileManager.default.copyItem(at: source, to: copy) } catch { fatalError("cannot copy the deck from \(source.path): \(error)") }
    atexit { try? FileManager.default.removeItem(at: fuzzDeck) }
    return copy
}()

let originals: [Data] = deckFiles.map { name in
    guard let data = FileManager.default.contents(atPath: fuzzDeck.appendingPathComponent(name).path) else {
        fatalError("deck file missing: \(name)")
    }
    return data
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let index = Int(start[0]) % deckFiles.count
    let content = Data(bytes: start + 1, count: count - 1)
    let file = fuzzDeck.appendingPathComponent(deckFiles[index])
    do { try content.write(to: file) } catch { fatalError("cannot write \(file.path): \(error)") }
    defer { try? originals[index].write(to: file) }
    do {
        let deck = try DeckLoader.load(from: fuzzDeck)
        _ = deck.cards.count
    } catch let errors as DiagnosticError {
        // Reported errors are the expected outcome for bad input; wording them must not trap either.
        _ = errors.description
    } catch {
        fatalError("DeckLoader threw something other than a DiagnosticError: \(type(of: error)) \(error)")
    }
    return 0
}
