import Foundation
import SwanDiagnostics
import XCTest

/// The one fan-out of the code base: order kept, width kept, every failure reported in order.
final class ConcurrentMapTests: XCTestCase {
    private struct Failure: Error, DiagnosticConvertible {
        let index: Int
        var diagnostics: [Diagnostic] { [.error(CommonCode.unexpected, ["message": "\(index)"])] }
    }

    func testResultsKeepTheInputOrder() {
        let input = Array(0..<500)
        XCTAssertEqual(input.concurrentMap(width: 4) { $0 * 3 }, input.map { $0 * 3 })
    }

    func testNoMoreThreadsThanTheWidth() {
        let running = LockedBox((now: 0, most: 0))
        Array(0..<64).concurrentForEach(width: 3) { _, _ in
            running.withLockedValue { $0.now += 1; $0.most = max($0.most, $0.now) }
            usleep(2_000)
            running.withLockedValue { $0.now -= 1 }
        }
        let most = running.withLockedValue { $0.most }
        XCTAssertLessThanOrEqual(most, 3)
        XCTAssertGreaterThanOrEqual(most, 1)
    }

    func testOneFailureIsRethrownAsItIs() {
        XCTAssertThrowsError(try Array(0..<20).concurrentMap(width: 4) { index -> Int in
            if index == 7 { throw Failure(index: 7) }
            return index
        }) { error in XCTAssertEqual((error as? Failure)?.index, 7) }
    }

    func testEveryFailureIsReportedInTheInputOrder() {
        XCTAssertThrowsError(try Array(0..<40).concurrentMap(width: 8) { index -> Int in
            if index % 10 == 3 { usleep(UInt32(40 - index) * 200); throw Failure(index: index) }
            return index
        }) { error in
            let indices = (error as? DiagnosticError)?.diagnostics.map { $0.message.arguments["message"] }
            XCTAssertEqual(indices, [.text("3"), .text("13"), .text("23"), .text("33")])
        }
    }

    func testAMapInsideAMapFinishes() {
        let sums = Array(0..<8).concurrentMap(width: 2) { outer in
            Array(0..<50).concurrentMap(width: 2) { $0 + outer }.reduce(0, +)
        }
        XCTAssertEqual(sums, (0..<8).map { 1225 + 50 * $0 })
    }
}
