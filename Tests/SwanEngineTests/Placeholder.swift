import XCTest

final class SwanEngineTestsPlaceholder: XCTestCase {}
