import XCTest

final class SwanSessionTestsPlaceholder: XCTestCase {}
