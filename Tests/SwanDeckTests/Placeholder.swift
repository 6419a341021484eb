import XCTest

final class SwanDeckTestsPlaceholder: XCTestCase {}
