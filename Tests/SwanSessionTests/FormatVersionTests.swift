import Foundation
import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanSession

/// Format version 2 gives every chosen intervention its level; version 1 files keep working,
/// their chosen interventions with an unknown level.
final class FormatVersionTests: XCTestCase {
    private func session(version: Int, gekozen: String) throws -> Session {
        try SessionDecoder.decode(Data("""
            {"version": \(version), "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x",
             "ronde3": {"gekozen": \(gekozen)}}
            """.utf8), source: "test.json", vocabulary: vocabulary)
    }

    func testVersionTwoKeepsTheLevelOfEveryChoice() throws {
        let decoded = try session(version: 2, gekozen: #"[{"niveau": "groep", "interventie": "Koffieochtend"}, {"niveau": "individu", "interventie": "Huisbezoek"}]"#)
        XCTAssertEqual(decoded.version, 2)
        XCTAssertEqual(decoded.ronde3?.gekozen, [Session.Keuze(niveau: "groep", interventie: "Koffieochtend"),
                                                 Session.Keuze(niveau: "individu", interventie: "Huisbezoek")])
    }

    func testVersionOneIsReadWithUnknownLevelsAndWrittenBackAsVersionOne() throws {
        let decoded = try session(version: 1, gekozen: #"["Huisbezoek", "Koffieochtend"]"#)
        XCTAssertEqual(decoded.version, 1)
        XCTAssertEqual(decoded.ronde3?.gekozen.map(\.niveau), [nil, nil])
        XCTAssertEqual(decoded.ronde3?.gekozen.map(\.interventie), ["Huisbezoek", "Koffieochtend"])
        // Encoding keeps the file's own version: a version 1 file does not gain levels it never had.
        let text = String(decoding: decoded.encodeJSON(), as: UTF8.self)
        XCTAssertTrue(text.contains(#""version": 1"#), text)
        XCTAssertTrue(text.contains(#""gekozen": [\#n      "Huisbezoek",\#n"#), text)
        XCTAssertEqual(try SessionDecoder.decode(decoded.encodeJSON(), source: "again.json", vocabulary: vocabulary), decoded)
    }

    func testNewSessionsAreVersionTwo() {
        XCTAssertEqual(Session.currentVersion, 2)
        XCTAssertEqual(SessionGenerator.make(seed: 3).version, 2)
        let levels = (0..<50).flatMap { SessionGenerator.make(seed: $0).ronde3?.gekozen ?? [] }.map(\.niveau)
        XCTAssertFalse(levels.isEmpty)
        XCTAssertFalse(levels.contains(nil), "generated version 2 sessions give every choice a level")
    }

    func testVersionTwoTextWithoutLevelSaysHowToFixIt() {
        let found = errors(of: """
            {"version": 2, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x",
             "ronde3": {"gekozen": ["Huisbezoek"]}}
            """)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.jsonPath, "$.ronde3.gekozen[0]")
        XCTAssertEqual(found.first?.sessionKind, .wrongType)
        XCTAssertEqual(found.first?.englishText,
                       #"expected an object with 'niveau' (one of groep, individu, organisatie-beleid) and 'interventie'; a text without a level is how version 1 wrote it: give it its level, or write "version": 1"#)
    }

    func testVersionTwoLevelMustBeALevelOfTheDeck() {
        let found = errors(of: """
            {"version": 2, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x",
             "ronde3": {"gekozen": [{"niveau": "wijk", "interventie": "Buurtapp"}, {"interventie": "Huisbezoek"}, {"niveau": 3, "interventie": "x"}]}}
            """)
        XCTAssertEqual(found.map(\.jsonPath), ["$.ronde3.gekozen[0].niveau", "$.ronde3.gekozen[1]", "$.ronde3.gekozen[2].niveau"])
        XCTAssertEqual(found.map(\.sessionKind), [.unknownID, .missingKey, .wrongType])
    }
}
