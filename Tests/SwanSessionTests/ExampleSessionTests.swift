import Foundation
import XCTest
@testable import SwanSession

final class ExampleSessionTests: XCTestCase {
    func testRichExampleDecodesWithEveryFieldFilled() throws {
        let session = try SessionFile.read(exampleURL("voorbeeld-uitgebreid.json"), vocabulary: vocabulary)
        XCTAssertEqual(session.datum, SessionDate(year: 2025, month: 3, day: 14))
        XCTAssertEqual(session.inbrenger, "Zoë de Vries")
        XCTAssertEqual(session.gespreksleider, "Ayşe Yılmaz")
        XCTAssertEqual(session.schrijver, "Ștefan Popescu")
        XCTAssertEqual(session.deelnemers.first, "Łukasz Wójcik")
        XCTAssertEqual(session.ronde1?.voorwaarden.map(\.id),
                       ["sociale-cohesie", "sociaal-economische-zekerheid", "sociale-inclusie", "sociale-empowerment"])
        XCTAssertEqual(session.ronde2?.factoren.count, 5)
        XCTAssertEqual(session.ronde2?.factoren.first?.weging, .groot)
        XCTAssertEqual(session.ronde2?.moreelDilemma?.botsendeWaarden, ["autonomie", "zorgplicht", "privacy"])
        XCTAssertEqual(session.ronde2?.moreelDilemma?.moreelBeraad, false)
        XCTAssertEqual(Set(session.ronde3?.interventies.keys ?? [:].keys), Set(vocabulary.levels.keys))
        XCTAssertEqual(session.version, 2)
        XCTAssertEqual(session.ronde3?.gekozen.map(\.niveau), ["individu", "individu", "organisatie-beleid"])
        XCTAssertEqual(session.ronde3?.hulpvragen.last?.vraag, "Signaleren collega’s vergelijkbare gevallen?")
        XCTAssertEqual(session.ronde3?.signaal?.aanwezig, true)
        XCTAssertEqual(session.evaluatie?.datum, SessionDate(year: 2025, month: 4, day: 11))
        XCTAssertTrue(session.omschrijving.contains("\n"), "line breaks in text are kept")
        XCTAssertTrue(session.omschrijving.contains("\"het allemaal niet meer overziet\""))
        assertEveryOptionalFilled(session)
    }

    func testMinimalExampleHasOnlyTheRequiredFields() throws {
        let session = try SessionFile.read(exampleURL("voorbeeld-minimaal.json"), vocabulary: vocabulary)
        XCTAssertEqual(session.inbrenger, "Zoë de Vries")
        XCTAssertNil(session.gespreksleider)
        XCTAssertNil(session.schrijver)
        XCTAssertEqual(session.deelnemers, [])
        XCTAssertNil(session.ronde1)
        XCTAssertNil(session.ronde2)
        XCTAssertNil(session.ronde3)
        XCTAssertNil(session.evaluatie)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: exampleURL("voorbeeld-minimaal.json"))) as? [String: Any]
        // The required keys, and "$schema" so that an editor can check the file.
        XCTAssertEqual(Set(object?.keys ?? [:].keys), SessionKeys.session.required.union(["$schema"]))
        XCTAssertEqual(session.schema, "../../docs/session.schema.json")
    }

    /// The examples are written the way `encodeJSON` writes: re-encoding gives the same bytes.
    func testExamplesAreInCanonicalForm() throws {
        for name in ["voorbeeld-uitgebreid.json", "voorbeeld-minimaal.json"] {
            let data = try Data(contentsOf: exampleURL(name))
            let session = try SessionDecoder.decode(data, source: name, vocabulary: vocabulary)
            XCTAssertEqual(String(decoding: session.encodeJSON(), as: UTF8.self), String(decoding: data, as: UTF8.self), name)
        }
    }

    func testEmptyOptionalFieldsAreFine() throws {
        let session = try decode(minimalJSON("""
            "gespreksleider": "", "schrijver": null, "deelnemers": [],
              "ronde1": {}, "ronde2": {"factoren": [], "moreelDilemma": null},
              "ronde3": {"interventies": {}, "gekozen": [], "hulpvragen": [], "signaal": null}
            """))
        XCTAssertEqual(session.gespreksleider, "")
        XCTAssertNil(session.schrijver)
        XCTAssertEqual(session.ronde1, Session.Ronde1())
        XCTAssertEqual(session.ronde2, Session.Ronde2())
        XCTAssertEqual(session.ronde3, Session.Ronde3())
    }

    private func assertEveryOptionalFilled(_ value: Any, path: String = "$", file: StaticString = #filePath, line: UInt = #line) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let childPath = path + "." + label
            let mirror = Mirror(reflecting: child.value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else {
                    XCTFail("\(childPath) is empty in the rich example", file: file, line: line)
                    continue
                }
                assertEveryOptionalFilled(wrapped, path: childPath, file: file, line: line)
            } else if mirror.displayStyle == .collection {
                XCTAssertFalse(mirror.children.isEmpty, "\(childPath) is empty in the rich example", file: file, line: line)
                for element in mirror.children { assertEveryOptionalFilled(element.value, path: childPath + "[]", file: file, line: line) }
            } else if mirror.displayStyle == .struct {
                assertEveryOptionalFilled(child.value, path: childPath, file: file, line: line)
            }
        }
    }
}
