import XCTest

final class SwanCLITestsPlaceholder: XCTestCase {}
