import Foundation
import SwanTestSupport
import XCTest
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanSession

/// The two yes/no questions of the fillable invulblad (is there a signal, is a moreel beraad
/// held) through the real fillable PDF and back, for every combination a scribe can enter:
/// the signal yes, no or unanswered, with a follow-up or without; a dilemma or none, with the
/// beraad yes, no or unanswered. Each comes back as entered, both from a form pre-filled with it
/// and from a blank form filled in by pypdf as a reader does; what a session cannot hold (a
/// follow-up to an unanswered signal, a beraad without a dilemma) is an error naming the field.
final class FillableYesNoRoundTripTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    static let followUp = "Melding bij de woningcorporatie; Ștefan belt 李小龍 en محمد.\n\nDaarna het wijkplatform."

    enum Signal: CaseIterable { case yes, no, unanswered }
    enum Beraad: CaseIterable { case yes, no, unanswered }

    struct Case: CustomStringConvertible {
        var signal: Signal, followUp: Bool, dilemma: Bool, beraad: Beraad
        var description: String { "signal \(signal), follow-up \(followUp), dilemma \(dilemma), beraad \(beraad)" }
        /// The field an import must name when the session cannot hold what was entered.
        var refusedField: String? {
            if signal == .unanswered && followUp { return "ronde3.signaal.aanwezig" }
            if !dilemma && beraad != .unanswered { return "ronde2.dilemma.beschrijving" }
            return nil
        }
    }

    static var cases: [Case] {
        Signal.allCases.flatMap { signal in [true, false].flatMap { followUp in [true, false].flatMap { dilemma in
            Beraad.allCases.map { Case(signal: signal, followUp: followUp, dilemma: dilemma, beraad: $0) }
        } } }
    }

    static func answer(_ beraad: Beraad) -> Bool? { beraad == .unanswered ? nil : beraad == .yes }

    /// The rich example with this case's signal and dilemma; nil when a session cannot hold it.
    static func session(_ entry: Case) throws -> Session? {
        guard entry.refusedField == nil else { return nil }
        var session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        session.schema = nil
        let opvolging = entry.followUp ? followUp : nil
        switch entry.signal {
        case .yes: session.ronde3?.signaal = Session.Signaal(aanwezig: true, opvolging: opvolging)
        case .no: session.ronde3?.signaal = Session.Signaal(aanwezig: false, opvolging: opvolging)
        case .unanswered: session.ronde3?.signaal = nil
        }
        session.ronde2?.moreelDilemma = entry.dilemma
            ? Session.MoreelDilemma(beschrijving: "De zoon inlichten, of niet?", botsendeWaarden: ["autonomie", "zorgplicht"],
                                    moreelBeraad: answer(entry.beraad))
            : nil
        return session
    }

    /// What the scribe enters for this case, as the reader scripts take it (name, kind, value).
    static func entered(_ entry: Case) throws -> Data {
        let context = try FormsTest.context()
        var base = try XCTUnwrap(try session(Case(signal: .yes, followUp: true, dilemma: true, beraad: .yes)))
        if let valid = try session(entry) { base = valid }
        var fields = try InvulbladFields(context, session: base).fields
        func set(_ name: String, _ value: FillableField.Value) {
            fields[fields.firstIndex { $0.qualifiedName == name }!].value = value
        }
        let yesNo: (Bool?) -> FillableField.Value = { .state($0.map { $0 ? "ja" : "nee" }) }
        set("ronde3.signaal.aanwezig", yesNo(entry.signal == .unanswered ? nil : entry.signal == .yes))
        set("ronde3.signaal.opvolging", .text(entry.followUp ? followUp : ""))
        if !entry.dilemma {
            set("ronde2.dilemma.aanwezig", .state(nil))
            set("ronde2.dilemma.beschrijving", .text(""))
            set("ronde2.dilemma.botsendeWaarden", .text(""))
        }
        set("ronde2.dilemma.moreelBeraad", yesNo(answer(entry.beraad)))
        return try FillableFormReaderTests.values(fields)
    }

    func check(_ entry: Case, imported: () throws -> Session) throws {
        if let field = entry.refusedField {
            XCTAssertThrowsError(try imported(), "\(entry)") { error in
                let found = Diagnostic.all(from: error)
                XCTAssertEqual(found.count, 1, "\(entry): \(found.map(\.text))")
                XCTAssertTrue(found.first?.text.contains("'\(field)'") == true || found.first?.location?.jsonPath == field,
                              "\(entry): \(found.map(\.text))")
            }
        } else {
            XCTAssertEqual(try imported(), try Self.session(entry), "\(entry)")
        }
    }

    /// Session -> pre-filled fillable PDF -> swan import's reading gives the same session.
    func testAPrefilledFormGivesBackEveryAnswer() throws {
        let cases = Self.cases.filter { $0.refusedField == nil }
        XCTAssertEqual(cases.count, 20)
        for entry in cases {
            let session = try XCTUnwrap(try Self.session(entry))
            let form = try FillableFormReaderTests.makeForm(session: session, in: try FormsTest.temporaryDirectory())
            try check(entry) { try FillableFormReaderTests.imported(form) }
        }
    }

    /// A blank fillable PDF filled in by pypdf (values and radio states set as a reader saves
    /// them) gives back what was entered; an unanswered question stays unanswered.
    func testABlankFormFilledByAReaderGivesBackEveryAnswer() throws {
        _ = try FillableFormReaderTests.python()
        let folder = try FormsTest.temporaryDirectory()
        let form = try FillableFormReaderTests.makeForm(in: folder)
        XCTAssertEqual(Self.cases.count, 36)
        for (index, entry) in Self.cases.enumerated() {
            let values = folder.appendingPathComponent("values-\(index).json"), filled = folder.appendingPathComponent("filled-\(index).pdf")
            try Self.entered(entry).write(to: values)
            try FillableFormReaderTests.script("fill_pypdf.py", [form.path, values.path, filled.path])
            try check(entry) { try FillableFormReaderTests.imported(filled) }
        }
    }

    /// The printed (filled) invulblad shows each answer as entered: ja or nee after the form's
    /// question, the follow-up under the card's question whichever the answer, nothing for an
    /// unanswered question.
    func testTheFilledFormPrintsEachAnswer() throws {
        let context = try FormsTest.context()
        let (yes, no) = (try context.label("form.answer.yes"), try context.label("form.answer.no"))
        let signalPrompt = try XCTUnwrap(context.deck.invulblad.section(id: "ronde3.signaal")?.prompt)
        let council = try XCTUnwrap(context.deck.hulpvragenQuestions(round: 2).council)
        let followUpQuestion = try XCTUnwrap(context.deck.hulpvragenQuestions(round: 3).followUp)
        for entry in Self.cases where entry.refusedField == nil && entry.dilemma {
            let session = try XCTUnwrap(try Self.session(entry))
            let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "filled.pdf")
            let text = try FormsTest.flowText(pdf, footer: try InvulbladFilledTests.footer(session))
            if entry.signal != .unanswered {
                let answer = signalPrompt + " " + (entry.signal == .yes ? yes : no)
                FormsTest.assertContains(text, answer, "\(entry)")
                // Its first words: the Arabic name comes out of pdftotext in visual order.
                if entry.followUp { FormsTest.assertContains(text, answer + " • " + followUpQuestion + " Melding bij de woningcorporatie;", "\(entry)") }
            }
            XCTAssertEqual(text.contains(FormsTest.normalise(followUpQuestion)), entry.signal != .unanswered && entry.followUp, "\(entry)")
            switch entry.beraad {
            case .yes: FormsTest.assertContains(text, council + " " + yes, "\(entry)")
            case .no: FormsTest.assertContains(text, council + " " + no, "\(entry)")
            case .unanswered: XCTAssertFalse(text.contains(FormsTest.normalise(council)), "\(entry)")
            }
        }
    }

    /// The answers are the deck's words beside the form's own questions: two buttons each.
    func testTheQuestionsHaveTwoButtonsWithTheDecksWords() throws {
        let context = try FormsTest.context()
        let document = try InvulbladDocument.fillable(context, diagnostics: Diagnostics())
        let fields = document.pages.flatMap(\.fields)
        for name in ["ronde3.signaal.aanwezig", "ronde2.dilemma.moreelBeraad"] {
            let field = try XCTUnwrap(fields.first { $0.qualifiedName == name })
            XCTAssertEqual(field.kind, .radio(options: ["ja", "nee"]), name)
            XCTAssertEqual(field.widgets.map(\.option), ["ja", "nee"], name)
            XCTAssertEqual(field.value, .state(nil), "\(name): unanswered on a blank form")
        }
        let text = try FormsTest.text(try FormsTest.write(document, name: "fillable.pdf"))
        let words = text.split(whereSeparator: \.isWhitespace)
        for key in ["form.answer.yes", "form.answer.no"] {
            let shown = try context.label(key)
            XCTAssertEqual(words.filter { $0 == shown }.count, 2, "\(key) '\(shown)' beside each of the two questions")
        }
    }
}
