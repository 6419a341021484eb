import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanDeck

private struct CardsLayout: Decodable, Equatable {
    struct Size: Decodable, Equatable { var width: Double; var height: Double }
    var card: Size
    var bleed: Double?
}

private struct Strict: Decodable {
    var margins: [Double]
    var font: String
    var bold: Bool
}

final class LayoutDecodingTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    private var deck: URL!

    override func setUpWithError() throws { deck = try TestDeck.copy() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: deck) }

    private func load() throws -> Deck { try DeckLoader.load(from: deck) }

    private func layoutErrors<T: Decodable>(_ yaml: String, as type: T.Type) throws -> [Diagnostic] {
        try TestDeck.write(yaml, to: "layout/test.yaml", in: deck)
        do {
            _ = try load().decodeLayout("test", as: type)
            XCTFail("expected a layout error")
            return []
        } catch let errors as DiagnosticError {
            return errors.diagnostics
        }
    }

    func testStrictDecodingRejectsKeysTheTypeDoesNotKnow() throws {
        // The shipped cards layout has many more keys than this small type asks for.
        XCTAssertThrowsError(try DeckLoader.load(from: TestDeck.shipped).decodeLayout("cards", as: CardsLayout.self)) { error in
            XCTAssertTrue(String(describing: error).contains("unknown key 'styles'"), "\(error)")
        }
    }

    func testUnknownKeySuggestsNearMiss() throws {
        let errors = try layoutErrors("card:\n  width: 63.5\n  height: 88.9\n  heigth: 1\nbleed: 3\n", as: CardsLayout.self)
        assertError(errors, file: "layout/test.yaml", line: 4, column: 3, contains: "unknown key 'heigth' in 'card'; did you mean 'height'?")
        XCTAssertEqual(errors.count, 1)
    }

    func testMissingKeyPointsAtTheMappingAndNamesTheMisspelling() throws {
        let errors = try layoutErrors("card:\n  width: 63.5\n  heigt: 88.9\n", as: CardsLayout.self)
        assertError(errors, file: "layout/test.yaml", line: 2, column: 3,
                    contains: "missing required field 'height' in 'card'; found 'heigt', is it misspelt?")
    }

    func testTypeMismatchPointsAtTheValue() throws {
        let errors = try layoutErrors("margins: [10, 12, abc]\nfont: Noto Sans\nbold: true\n", as: Strict.self)
        assertError(errors, file: "layout/test.yaml", line: 1, column: 19, contains: "'margins.[2]': expected a number, found 'abc'")
        let boolErrors = try layoutErrors("margins: [1]\nfont: Noto Sans\nbold: misschien\n", as: Strict.self)
        assertError(boolErrors, file: "layout/test.yaml", line: 3, column: 7, contains: "expected true or false")
    }

    func testUnknownLayoutName() throws {
        XCTAssertThrowsError(try load().decodeLayout("kards", as: CardsLayout.self)) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'cards'?"), "\(error)")
        }
    }
}
