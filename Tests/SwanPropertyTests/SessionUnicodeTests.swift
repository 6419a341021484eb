/// Hostile Unicode in every text field survives the session file: encodeJSON then decode gives
/// the same session, whatever the text holds (NUL, bidi controls, lone combining marks, emoji).
import Foundation
import SwanDiagnostics
import XCTest
import SwanSession

final class SessionUnicodeTests: XCTestCase {
    func testHostileTextsRoundTripThroughJSON() throws {
        for seed in UInt64(1)...200 {
            let session = SessionTexts.hostile(seed: seed)
            let data = session.encodeJSON()
            do {
                let decoded = try SessionDecoder.decode(data, source: "seed-\(seed).json", vocabulary: .standard)
                if decoded != session {
                    let before = SessionTexts.all(session), after = SessionTexts.all(decoded)
                    let changed = zip(before, after).filter { $0.text != $1.text }.map { "\($0.field): \($0.text.debugDescription) → \($1.text.debugDescription)" }
                    XCTFail("seed \(seed): the round trip changed \(changed.first ?? "the session")")
                }
            } catch let errors as DiagnosticError {
                XCTFail("seed \(seed): a session we wrote does not read back: \(errors.diagnostics.map(\.englishLine))")
            }
        }
    }

    /// Truncations of a valid file at every byte never crash the decoder and always name a place.
    func testEveryTruncationIsReportedWithALocation() throws {
        let data = SessionTexts.hostile(seed: 3).encodeJSON()
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 300)) {
            XCTAssertThrowsError(try SessionDecoder.decode(data.prefix(length), source: "cut.json", vocabulary: .standard)) { error in
                guard let errors = error as? DiagnosticError else { return XCTFail("not Diagnostics: \(error)") }
                XCTAssertFalse(errors.diagnostics.isEmpty)
                for error in errors.diagnostics { XCTAssertTrue(error.description.contains("cut.json"), error.description) }
            }
        }
    }
}
