import Foundation
import SwanDiagnostics
import XCTest
@testable import SwanSession

/// Damaged input must give errors, never a crash or a hang.
final class FuzzTests: XCTestCase {
    func testMutatedSessionsNeverCrash() {
        var random = SplitMix64(seed: 2025)
        var decoded = 0, refused = 0
        for seed in UInt64(0)..<40 {
            let original = [UInt8](SessionGenerator.make(seed: seed).encodeJSON())
            for _ in 0..<25 {
                var bytes = original
                for _ in 0..<(1 + random.below(4)) {
                    let position = random.below(bytes.count)
                    switch random.below(3) {
                    case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                    case 1: bytes.remove(at: position)
                    default: bytes.insert(random.pick(Array("{}[]\",:\\0e-tn \u{C3}".utf8)), at: position)
                    }
                }
                do {
                    _ = try SessionDecoder.decode(Data(bytes), source: "fuzz.json", vocabulary: vocabulary)
                    decoded += 1
                } catch let failure as DiagnosticError {
                    refused += 1
                    XCTAssertFalse(failure.diagnostics.isEmpty)
                    for error in failure.diagnostics {
                        XCTAssertTrue(error.jsonPath?.hasPrefix("$") == true, error.description)
                        XCTAssertNotNil(error.location, error.description)
                    }
                } catch {
                    XCTFail("unexpected error \(error)")
                }
            }
        }
        XCTAssertEqual(decoded + refused, 1000)
        XCTAssertGreaterThan(refused, 500, "most mutations break the file")
    }
}
