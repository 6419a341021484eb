import Foundation
import XCTest
import SwanDocuments
import SwanLayout
import SwanSession

/// A pre-filled value shows whole in its field's appearance: a multi-line field is as tall as its
/// value's lines (at least the blank's rows). Before, a list in a one-row field (botsende waarden,
/// the chosen interventions of a level) showed its first line only, and a long description or
/// card explanation lost its last lines: on paper, the scribe's text was gone without a word.
final class FillableShowsEveryLineTests: XCTestCase {
    static func session() throws -> Session {
        var session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        session.deelnemers = ["Łukasz Wójcik", "Fatima El Amrani", "Jan-Willem van den Berg", "Zoë de Vries", "Ștefan Popescu"]
        session.ronde2?.moreelDilemma?.botsendeWaarden = ["autonomie", "zorgplicht", "privacy", "veiligheid van de buren"]
        // A suggestion longer than its line: its field grows to show all of it.
        session.ronde3?.interventies["individu"]?[1] = "Helpen met het aanvragen van schuldhulp en huurtoeslag, samen met de "
            + "budgetcoach van de gemeente, en daarna een keer per maand samen de post doornemen tot de schulden geregeld zijn"
        session.ronde3?.gekozen = [
            .init(niveau: "individu", interventie: "Een huisbezoek samen met de wijkverpleegkundige"),
            .init(niveau: "individu", interventie: "Rouwbegeleiding aanbieden"),
            .init(niveau: "individu", interventie: "Met toestemming van mevrouw K. schuldhulp en huurtoeslag aanvragen, en daarna samen de post doornemen"),
            .init(niveau: "groep", interventie: "Koffieochtend in het buurthuis met vervoer"),
            .init(niveau: "groep", interventie: "Een buddy-systeem in de flat opzetten"),
            .init(niveau: "organisatie-beleid", interventie: "Signaal over de lift naar de woningcorporatie"),
            .init(niveau: "organisatie-beleid", interventie: "Input voor het gemeentelijk beleid eenzaamheid"),
        ]
        return session
    }

    func testEveryLineOfEveryPrefilledValueIsInsideItsWidget() throws {
        let session = try Self.session()
        let document = try InvulbladDocument.fillable(try FormsTest.context(), session: session, diagnostics: Diagnostics())
        var values: [String: String] = [:]
        for field in document.pages.flatMap(\.fields) {
            if case .text(true, _) = field.kind, case .text(let value) = field.value, !value.isEmpty {
                values[field.qualifiedName] = value
            }
        }
        // The lists this is about are among them, with more lines than the blank has rows.
        for name in ["ronde2.dilemma.botsendeWaarden", "ronde3.gekozen.individu", "ronde3.gekozen.groep",
                     "ronde3.gekozen.organisatie-beleid", "deelnemers", "omschrijving"] {
            XCTAssertGreaterThan(values[name]?.split(separator: "\n").count ?? 0, 1, name)
        }
        let long = try XCTUnwrap(document.pages.flatMap(\.fields).first { $0.qualifiedName == "ronde3.interventies.individu.2.interventie" })
        XCTAssertGreaterThan(long.widgets[0].rect.size.height, 1.5 * (document.pages.flatMap(\.fields)
            .first { $0.qualifiedName == "ronde3.interventies.individu.1.interventie" }?.widgets[0].rect.size.height ?? 0))
        let folder = try FormsTest.temporaryDirectory()
        let pdf = try FillableFormReaderTests.makeForm(session: session, in: folder)
        // What poppler draws inside each widget's rectangle of the flattened form.
        let output = try FillableFormReaderTests.scriptOutput("shown_text.py", [pdf.path] + values.keys.sorted())
        let shown = try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            let inside = FormsTest.normalise(shown[name] ?? "")
            for line in value.split(separator: "\n") {
                XCTAssertTrue(inside.contains(FormsTest.normalise(String(line))), "\(name): \"\(line)\" is not shown; shown: \(shown[name] ?? "")")
            }
        }
    }

    /// A value taller than a page (a widget lies on one page) fills a page's rows and says so;
    /// the field's value stays whole. Before the cap, 120 lines made a form of 94 pages.
    func testAValueTallerThanAPageIsCappedWithAWarning() throws {
        var session = try Self.session()
        session.omschrijving = (1...120).map { "Regel \($0) van een lange beschrijving." }.joined(separator: "\n")
        let diagnostics = Diagnostics()
        let document = try InvulbladDocument.fillable(try FormsTest.context(), session: session, diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.warnings.map(\.code), ["layout.fillable-value-taller"])
        XCTAssertLessThanOrEqual(document.pages.count, 7)
        let field = try XCTUnwrap(document.pages.flatMap(\.fields).first { $0.qualifiedName == "omschrijving" })
        XCTAssertEqual(field.value, .text(session.omschrijving))
    }

    /// A blank form keeps the blank's rows: the growth is for pre-filled values only.
    func testABlankFormKeepsItsRows() throws {
        let context = try FormsTest.context()
        let blank = try InvulbladDocument.fillable(context, diagnostics: Diagnostics())
        let rect = try XCTUnwrap(blank.pages.flatMap(\.fields).first { $0.qualifiedName == "ronde2.dilemma.botsendeWaarden" }?.widgets.first?.rect)
        let prefilled = try InvulbladDocument.fillable(context, session: try Self.session(), diagnostics: Diagnostics())
        let grown = try XCTUnwrap(prefilled.pages.flatMap(\.fields).first { $0.qualifiedName == "ronde2.dilemma.botsendeWaarden" }?.widgets.first?.rect)
        XCTAssertLessThan(rect.size.height, grown.size.height / 3, "one row blank, four rows for four values")
    }
}
