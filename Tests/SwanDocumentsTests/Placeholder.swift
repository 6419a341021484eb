import XCTest

final class SwanDocumentsTestsPlaceholder: XCTestCase {}
