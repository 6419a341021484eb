import Foundation
import XCTest
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanPDF
import SwanPDFReading
import SwanSession
import SwanTestSupport

/// The fillable invulblad read back after readers no one here wrote filled it in: PDFium (Chrome's
/// engine: clicks, key-by-key typing, FPDF_SaveAsCopy), poppler (Okular/evince: incremental save)
/// and pypdf. Each must give back the session exactly. The form is our native writer's.
final class FillableFormReaderTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    static let scripts = PackagePaths.root.appendingPathComponent("Tests/FormReaders")

    /// The test venv `make test` makes (pypdfium2, pypdf, and Debian's python3-poppler-qt5).
    static func python() throws -> String {
        let path = PackagePaths.root.appendingPathComponent(".venv-test/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            if ProcessInfo.processInfo.environment["SWAN_REQUIRE_FORM_READERS"] == "1" {
                XCTFail("no .venv-test: make test-deps makes it")
            }
            throw XCTSkip(".venv-test is missing (make test installs PDFium, poppler and pypdf into it)")
        }
        return path
    }

    /// A session with every kind of field filled, in Dutch, Turkish, Polish, Arabic and Chinese, with emoji,
    /// combining accents, blank lines, spaces at both ends of a line and 10,000 characters.
    static func hardSession() throws -> Session {
        var session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        session.inbrenger = "İsmail Işık-Çağlayan"
        session.schrijver = "Grzegorz Brzęczyszczykiewicz"
        session.gespreksleider = "محمد العلي"
        session.deelnemers = ["IJsbrand van 't Hoff", "Zoë 👩🏽‍⚕️", "Łucja Żółkiewska", "فاطمة الزهراء", "李小龍"]
        let paragraph = "Mevrouw K. zegt: \"ik red me wel\" 😀. Ağabeyi İzmir'de; Łódź; مرحبا بكم; cafe\u{301} 👨‍👩‍👧 🇳🇱.\n\n  ingesprongen regel met spaties aan het eind  \n"
        var long = ""
        while long.count < 10_000 { long += paragraph }
        session.omschrijving = String(long.prefix(10_000))
        session.ronde1?.voorwaarden.reverse() // an order other than the deck's
        session.ronde3?.signaal = Session.Signaal(aanwezig: true, opvolging: "Melding bij de woningcorporatie.\n\nتابع")
        return session
    }

    // MARK: Writing the form and the values for the scripts

    static func spec(_ fields: [FillableField]) throws -> Data {
        let list: [[String: Any]] = fields.map { field in
            var entry: [String: Any] = ["name": field.name, "tooltip": field.tooltip,
                                        "readOnly": field.readOnly, "hidden": field.hidden]
            switch field.kind {
            case .text(let multiline, let maxLength):
                entry["kind"] = "text"; entry["multiline"] = multiline
                if let maxLength { entry["maxLength"] = maxLength }
            case .checkbox: entry["kind"] = "checkbox"
            case .radio(let options): entry["kind"] = "radio"; entry["options"] = options
            case .choice(let options): entry["kind"] = "choice"; entry["options"] = options.map(\.value)
            }
            switch field.value {
            case .text(let text): entry["value"] = text
            case .state(let state): entry["value"] = state ?? NSNull()
            }
            return entry
        }
        return try JSONSerialization.data(withJSONObject: list)
    }

    /// What a scribe enters: every field's value in the form pre-filled from `session`.
    static func values(_ fields: [FillableField]) throws -> Data {
        let list = try JSONSerialization.jsonObject(with: spec(fields.filter { !$0.readOnly })) as! [[String: Any]]
        return try JSONSerialization.data(withJSONObject: list.map { entry in
            var entry = entry
            entry["name"] = (entry["name"] as! [String]).joined(separator: ".")
            return entry
        })
    }

    /// The fillable invulblad from our own writer, with `edit` applied to its fields first.
    static func makeForm(session: Session? = nil, in folder: URL, edit: (inout [FillableField]) -> Void = { _ in }) throws -> URL {
        var document = try InvulbladDocument.fillable(try FormsTest.context(), session: session, diagnostics: Diagnostics())
        for index in document.pages.indices { edit(&document.pages[index].fields) }
        let form = folder.appendingPathComponent("form.pdf")
        try NativePDFExporter().write(document, to: form)
        return form
    }

    static func script(_ name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [scripts.appendingPathComponent(name).path] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw NSError(domain: "FormReaders", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(name) failed: \(message.suffix(2000))"])
        }
    }

    /// A script's standard output (it exits 0).
    static func scriptOutput(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [scripts.appendingPathComponent(name).path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw NSError(domain: "FormReaders", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(name) failed: \(message.suffix(2000))"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func imported(_ pdf: URL) throws -> Session {
        try InvulbladImport.session(fromPDF: try Data(contentsOf: pdf), source: pdf.lastPathComponent, context: try FormsTest.context())
    }

    /// A blank form filled in by `engine` with the hard session's values, then imported.
    func fillBlank(with engine: String, session given: Session? = nil) throws {
        let context = try FormsTest.context()
        let session = try given ?? Self.hardSession()
        let folder = try FormsTest.temporaryDirectory()
        let form = try Self.makeForm(in: folder)
        let values = folder.appendingPathComponent("values.json"), filled = folder.appendingPathComponent("\(engine).pdf")
        try Self.values(try InvulbladFields(context, session: session).fields).write(to: values)
        try Self.script("fill_\(engine).py", [form.path, values.path, filled.path])
        let back = try Self.imported(filled)
        // "$schema" points an editor at the schema; the form does not carry it.
        var expected = session
        expected.schema = nil
        XCTAssertEqual(back, expected, "\(engine): the imported session differs")
        XCTAssertEqual(back.omschrijving.unicodeScalars.count, session.omschrijving.unicodeScalars.count)
        XCTAssertTrue(back.omschrijving.unicodeScalars.elementsEqual(session.omschrijving.unicodeScalars), "\(engine): not exact to the scalar")
    }

    func testPDFiumTypesKeyByKeyAndSavesAsChrome() throws { try fillBlank(with: "pdfium") }
    /// Poppler 22 looks for a system font for each UTF-16 unit of an emoji it cannot show, a
    /// full fontconfig search every time (seconds apiece, never remembered): minutes for the hard
    /// session. So poppler gets all of it but the emoji: names in four scripts, blank lines,
    /// spaces at both ends and 10,000 characters of Dutch, Turkish, Polish and Arabic text, with
    /// one emoji (a surrogate pair) at its start. ZWJ sequences and flags are PDFium's and pypdf's.
    func testPopplerFillsAndSavesIncrementally() throws {
        var session = try Self.hardSession()
        session.deelnemers = session.deelnemers.map { String($0.unicodeScalars.filter { $0.value < 0x10000 && $0 != "\u{200D}" }.map(Character.init)) }
        let paragraph = "Mevrouw K. zegt: \"ik red me wel\". Ağabeyi İzmir'de; Łódź; مرحبا بكم; cafe\u{301}.\n\n  ingesprongen regel met spaties aan het eind  \n"
        var long = "Eén emoji: 😀\n"
        while long.count < 10_000 { long += paragraph }
        session.omschrijving = String(long.prefix(10_000))
        XCTAssertEqual(session.omschrijving.count, 10_000)
        try fillBlank(with: "poppler", session: session)
    }
    func testPypdfFills() throws { try fillBlank(with: "pypdf") }

    /// A session whose inbrenger chose two of the suggestions (individu's first, groep's second)
    /// and wrote one of her own: in the order import gives them, per level the ticked lines first.
    static func tickedSession() throws -> Session {
        var session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        let suggested = try XCTUnwrap(session.ronde3?.interventies)
        session.ronde3?.gekozen = [Session.Keuze(niveau: "individu", interventie: suggested["individu"]![0]),
                                   Session.Keuze(niveau: "individu", interventie: "Samen naar de huisarts"),
                                   Session.Keuze(niveau: "groep", interventie: suggested["groep"]![1])]
        return session
    }

    /// PDFium ticks two suggestions' boxes on a blank form (and types one choice of her own):
    /// import gives them back as chosen, each with its level.
    func testPDFiumTicksChosenSuggestions() throws {
        let session = try Self.tickedSession()
        let fields = try InvulbladFields(try FormsTest.context(), session: session).fields
        func value(_ name: String) -> FillableField.Value? { fields.first { $0.qualifiedName == name }?.value }
        XCTAssertEqual(value("ronde3.interventies.individu.1.gekozen"), .state(InvulbladFields.checkedState))
        XCTAssertEqual(value("ronde3.interventies.groep.2.gekozen"), .state(InvulbladFields.checkedState))
        XCTAssertEqual(value("ronde3.interventies.individu.2.gekozen"), .state(nil))
        XCTAssertEqual(value("ronde3.gekozen.individu"), .text("Samen naar de huisarts"), "a ticked suggestion is not written twice")
        XCTAssertEqual(value("ronde3.gekozen.groep"), .text(""))
        try fillBlank(with: "pdfium", session: session)
    }
    func testPypdfTicksChosenSuggestions() throws { try fillBlank(with: "pypdf", session: try Self.tickedSession()) }

    /// SESSION -> pre-filled form -> import gives the same session.
    func testPrefilledFormImportsAsTheSession() throws {
        _ = try FormsTest.context()
        // A hulpvraag the cards do not ask (and one without a question) gets a slot of its own.
        var own = try Self.hardSession()
        own.ronde3?.hulpvragen += [Session.Hulpvraag(vraag: "Wat vindt mevrouw K. zelf?", antwoord: "Ze wil geen \"zorggeval\" worden."),
                                   Session.Hulpvraag(vraag: nil, antwoord: "Een antwoord zonder vraag.")]
        for session in [try Self.hardSession(), own, try InvulbladFilledTests.session("voorbeeld-minimaal.json")] {
            let form = try Self.makeForm(session: session, in: try FormsTest.temporaryDirectory())
            // "$schema" points an editor at the schema; the form does not carry it.
            var expected = session
            expected.schema = nil
            XCTAssertEqual(try Self.imported(form), expected)
        }
    }

    /// The form keeps the chosen interventions per level: each comes back with its level, and a
    /// version 1 session (choices without a level) cannot pre-fill it, with a message that says why.
    func testChosenInterventionsKeepTheirLevel() throws {
        let context = try FormsTest.context()
        var session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        session.schema = nil
        let beleid = try XCTUnwrap(session.ronde3?.interventies["organisatie-beleid"]?[1])
        session.ronde3?.gekozen = [Session.Keuze(niveau: "groep", interventie: "Koffieochtend"),
                                   Session.Keuze(niveau: "organisatie-beleid", interventie: beleid),
                                   Session.Keuze(niveau: "organisatie-beleid", interventie: "Lift")]
        // More suggestions than the section's lines: the form gets a line for each.
        session.ronde3?.interventies["groep"] = (1...6).map { "Groepsactiviteit \($0)" }
        let form = try Self.makeForm(session: session, in: try FormsTest.temporaryDirectory())
        let imported = try Self.imported(form)
        XCTAssertEqual(imported.version, 2)
        XCTAssertEqual(imported.ronde3?.gekozen, session.ronde3?.gekozen)
        XCTAssertEqual(imported.ronde3?.interventies, session.ronde3?.interventies)
        // A choice written twice (ticked and typed again) is one choice.
        let twice = try Self.makeForm(session: session, in: try FormsTest.temporaryDirectory()) {
            Self.set("ronde3.gekozen.groep", .text("Koffieochtend\nKoffieochtend"), in: &$0)
        }
        XCTAssertEqual(try Self.imported(twice).ronde3?.gekozen, session.ronde3?.gekozen)

        session.version = 1
        session.ronde3?.gekozen = [Session.Keuze(niveau: nil, interventie: "Koffieochtend")]
        XCTAssertThrowsError(try InvulbladFields(context, session: session)) { error in
            XCTAssertEqual(Diagnostic.all(from: error).map(\.code), ["layout.fillable-chosen-without-level"])
        }
    }

    // MARK: Errors that name the field

    func diagnostics(_ session: Session?, edit: (inout [FillableField]) -> Void) throws -> [Diagnostic] {
        let form = try Self.makeForm(session: session, in: try FormsTest.temporaryDirectory(), edit: edit)
        do {
            _ = try Self.imported(form)
            XCTFail("expected an error")
            return []
        } catch {
            return Diagnostic.all(from: error)
        }
    }

    static func set(_ name: String, _ value: FillableField.Value, in fields: inout [FillableField]) {
        guard let index = fields.firstIndex(where: { $0.qualifiedName == name }) else { return }
        fields[index].value = value
    }

    func testUnreadableAndImpossibleDatesNameTheField() throws {
        let fields = try Self.hardSession()
        var found = try diagnostics(fields) { Self.set("datum", .text("14 maart"), in: &$0) }
        XCTAssertEqual(found.map(\.code), ["form.import.bad-date"])
        XCTAssertTrue(found[0].text.contains("'datum'"), found[0].text)
        found = try diagnostics(fields) { Self.set("evaluatie.datum", .text("31-04-2025"), in: &$0) }
        XCTAssertEqual(found.map(\.code), ["form.import.impossible-date"])
        XCTAssertTrue(found[0].text.contains("'evaluatie.datum'"), found[0].text)
        // Both at once, with a validation error named by its field.
        found = try diagnostics(fields) {
            Self.set("datum", .text(""), in: &$0)
            Self.set("ronde3.signaal.aanwezig", .state(nil), in: &$0)
        }
        XCTAssertEqual(Set(found.map(\.code)), ["form.import.bad-date", "form.import.unanswered"])
    }

    func testValidationErrorsNameTheField() throws {
        let fields = try Self.hardSession()
        let found = try diagnostics(fields) { Self.set("inbrenger", .text(""), in: &$0) }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location?.jsonPath, "inbrenger")
    }

    func testAFormOfAnotherVersionOrDeckIsRefused() throws {
        let fields: Session? = nil
        var found = try diagnostics(fields) { Self.set("swan.formulier", .text("invulblad-1-0000000000000000"), in: &$0) }
        XCTAssertEqual(found.map(\.code), ["form.import.other-version"])
        found = try diagnostics(fields) { Self.set("swan.deck", .text("SWAN (en)"), in: &$0) }
        XCTAssertEqual(found.map(\.code), ["form.import.other-deck"])
        found = try diagnostics(fields) { $0.removeAll { $0.name.first == "swan" } }
        XCTAssertEqual(found.map(\.code), ["form.import.not-swan"])
    }

    /// A deck id (or version) of a megabyte is shown cut, with its length; the hint names
    /// --templates, the option that exists.
    func testALongDeckIdIsCutInTheMessage() throws {
        let long = String(repeating: "x", count: 1 << 20)
        var found = try diagnostics(nil) { Self.set("swan.deck", .text(long), in: &$0) }
        XCTAssertEqual(found.map(\.code), ["form.import.other-deck"])
        XCTAssertLessThan(found[0].text.utf8.count, 1_000, "the value was echoed whole")
        XCTAssertTrue(found[0].text.contains("(1048576 characters)") && found[0].text.contains("--templates"), found[0].text)
        XCTAssertFalse(found[0].text.contains("--deck"), found[0].text)
        found = try diagnostics(nil) { Self.set("swan.formulier", .text(long), in: &$0) }
        XCTAssertLessThan(found[0].text.utf8.count, 1_000, "the value was echoed whole")
    }

    /// A checkbox is ticked only in its widget's own on-state (/Yes in our forms); /Off and no
    /// value are unticked; any other state (which every reader shows unticked) is an error
    /// naming the field, never a tick.
    func testACheckboxIsTickedOnlyInItsOwnOnState() throws {
        let context = try FormsTest.context()
        let session = try InvulbladFilledTests.session("voorbeeld-uitgebreid.json")
        let form = try Self.makeForm(session: session, in: try FormsTest.temporaryDirectory())
        let bytes = try Data(contentsOf: form)
        let ticked = try XCTUnwrap(bytes.range(of: Data("/V/Yes".utf8)), "a ticked checkbox, written plainly")
        for state in ["/V/Nee", "/V/No ", "/V/0  ", "/V(nee)"] {
            var edited = bytes
            edited.replaceSubrange(ticked, with: Data(state.utf8))
            do {
                _ = try InvulbladImport.session(fromPDF: edited, source: "form.pdf", context: context)
                XCTFail("\(state): read as a session")
            } catch {
                let found = Diagnostic.all(from: error)
                XCTAssertEqual(found.map(\.code), ["form.import.bad-checkbox"], "\(state)")
                XCTAssertTrue(found.first?.text.contains("field '") == true && found.first?.text.contains("'Yes'") == true,
                              found.first?.text ?? "")
            }
        }
        var unticked = bytes
        unticked.replaceSubrange(ticked, with: Data("/V/Off".utf8))
        XCTAssertNoThrow(try InvulbladImport.session(fromPDF: unticked, source: "form.pdf", context: context))
        XCTAssertNoThrow(try InvulbladImport.session(fromPDF: bytes, source: "form.pdf", context: context))
    }

    func testAPDFWithoutFieldsIsRefused() throws {
        let blank = try FormsTest.write(try InvulbladDocument.blank(try FormsTest.context(), diagnostics: Diagnostics()), name: "blank.pdf")
        XCTAssertThrowsError(try Self.imported(blank)) { error in
            XCTAssertEqual(Diagnostic.all(from: error).map(\.code), ["form.import.no-fields"])
        }
        XCTAssertThrowsError(try InvulbladImport.session(fromPDF: Data("not a pdf".utf8), source: "x.pdf",
                                                         context: try FormsTest.context())) { error in
            XCTAssertEqual(Diagnostic.all(from: error).map(\.code), ["form.import.unreadable"])
        }
    }

    // MARK: The field model

    func testFieldNamesTooltipsAndKinds() throws {
        let context = try FormsTest.context()
        let fields = try InvulbladFields(context).fields
        let names = fields.map(\.qualifiedName)
        XCTAssertEqual(Set(names).count, names.count, "field names are unique")
        for field in fields { XCTAssertFalse(field.name.contains { $0.contains(".") || $0.isEmpty }, field.qualifiedName) }
        for field in fields where !field.hidden { XCTAssertFalse(field.tooltip.isEmpty, field.qualifiedName) }
        XCTAssertEqual(names.first, "datum")
        XCTAssertEqual(fields.first?.kind, .text(multiline: false, maxLength: 10))
        XCTAssertTrue(fields[0].tooltip.contains("dd-mm-jjjj"))
        XCTAssertEqual(fields.first { $0.qualifiedName == "omschrijving" }?.kind, .text(multiline: true, maxLength: nil))
        XCTAssertEqual(fields.first { $0.qualifiedName == "ronde2.professional.weging" }?.kind, .radio(options: ["groot", "middel", "klein"]))
        XCTAssertEqual(fields.first { $0.qualifiedName == "ronde1.sociale-cohesie.gekozen" }?.kind, .checkbox)
        XCTAssertEqual(fields.first { $0.qualifiedName == "ronde3.signaal.aanwezig" }?.kind, .radio(options: ["ja", "nee"]))
        XCTAssertEqual(fields.first { $0.qualifiedName == "ronde2.dilemma.moreelBeraad" }?.kind, .radio(options: ["ja", "nee"]))
        // The hulpvragen are the card's own questions, each with an answer; no numbered question of ours.
        let questions = context.deck.hulpvragenQuestions(round: 3)
        XCTAssertGreaterThan(questions.front.count, 2)
        for (index, question) in (context.deck.hulpvragenQuestions(round: 2).front + questions.front + questions.back).enumerated() {
            let answer = try XCTUnwrap(fields.first { $0.qualifiedName == "ronde3.hulpvragen.\(index + 1).antwoord" })
            XCTAssertTrue(answer.tooltip.hasSuffix(question), answer.tooltip)
        }
        XCTAssertFalse(names.contains { $0.hasSuffix(".vraag") }, "a blank form asks the card's questions only")
        // Each level's suggestions one per line of its section: a checkbox, then the text.
        let individu = try XCTUnwrap(context.deck.invulblad.section(id: "ronde3.individu")?.lines)
        for line in 1...individu {
            let base = "ronde3.interventies.individu.\(line)"
            XCTAssertEqual(names.firstIndex(of: base + ".gekozen").map { $0 + 1 }, names.firstIndex(of: base + ".interventie"), base)
            XCTAssertEqual(fields.first { $0.qualifiedName == base + ".gekozen" }?.kind, .checkbox)
            XCTAssertEqual(fields.first { $0.qualifiedName == base + ".interventie" }?.kind, .text(multiline: true, maxLength: nil))
        }
        XCTAssertFalse(names.contains("ronde3.interventies.individu.\(individu + 1).interventie"))
        // Form order: the sections of the blank form come in its order.
        let order = ["datum", "inbrenger", "omschrijving", "ronde1.bereiken", "ronde3.interventies.individu.1.gekozen", "ronde3.interventies.groep.1.interventie", "ronde3.gekozen.individu", "ronde3.gekozen.groep", "ronde3.gekozen.organisatie-beleid", "ronde3.signaal.aanwezig", "gespreksleider", "deelnemers", "ronde2.dilemma.aanwezig", "evaluatie.verloop"]
        let positions = order.map { name in names.firstIndex(of: name)! }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testAListItemWithALineBreakCannotBePrefilled() throws {
        var session = try Self.hardSession()
        session.deelnemers = ["Jan\nde Vries"]
        XCTAssertThrowsError(try InvulbladFields(try FormsTest.context(), session: session))
    }
}

/// What the readers need of our form, checked with tools no one here wrote.
final class FillableFormWriterTests: XCTestCase {
    func testEveryWidgetHasAnAppearanceAndTheFontIsWhole() throws {
        let form = try FillableFormReaderTests.makeForm(session: try FillableFormReaderTests.hardSession(),
                                                        in: try FormsTest.temporaryDirectory())
        let check = try Tool.run("qpdf", ["--check", form.path])
        XCTAssertEqual(check.status, 0, check.output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FillableFormReaderTests.python())
        process.arguments = [FillableFormReaderTests.scripts.appendingPathComponent("inspect_form.py").path, form.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        XCTAssertEqual(report["needAppearances"] as? Bool, false)
        XCTAssertEqual((report["withoutAppearance"] as? [String])?.count, 0)
        XCTAssertGreaterThan(report["widgets"] as? Int ?? 0, 60)
        XCTAssertEqual(report["checkboxOnStates"] as? [String], ["/Yes"])
        let fonts = report["fonts"] as! [String: [String: Any]]
        XCTAssertEqual(Set(fonts.keys), ["/FormText", "/Helv", "/ZaDb"])
        let noto = fonts["/FormText"]!
        XCTAssertEqual(noto["embedded"] as? Bool, true)
        XCTAssertEqual(noto["toUnicode"] as? Bool, true)
        XCTAssertFalse((noto["base"] as! String).contains("+"), "not a subset")
        let context = try FormsTest.context()
        XCTAssertEqual(noto["widths"] as? Int, context.engine.fonts.font(.regular).glyphCount, "a width for every glyph")
    }

    func testPagesAndFieldsLookLikeTheForm() throws {
        let document = try InvulbladDocument.fillable(try FormsTest.context(), diagnostics: Diagnostics())
        let fields = document.pages.flatMap(\.fields)
        XCTAssertEqual(fields.map(\.qualifiedName), try InvulbladFields(try FormsTest.context()).fields.map(\.qualifiedName),
                       "tab order is the form's order")
        for page in document.pages {
            for field in page.fields where !field.hidden {
                for widget in field.widgets {
                    XCTAssertGreaterThan(widget.rect.size.width, 5, field.qualifiedName)
                    XCTAssertTrue(widget.rect.minX >= 0 && widget.rect.maxX <= page.size.width && widget.rect.maxY <= page.size.height,
                                  field.qualifiedName)
                }
            }
        }
    }
}
