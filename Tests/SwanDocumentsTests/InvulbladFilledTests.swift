import SwanDiagnostics
import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanSession

/// The invulblad filled from session files: nothing lost, nothing exposed.
final class InvulbladFilledTests: XCTestCase {
    static func session(_ name: String) throws -> Session {
        let vocabulary = SessionVocabulary(deck: try FormsTest.context().deck)
        return try SessionFile.read(FormsTest.sessions.appendingPathComponent(name), vocabulary: vocabulary)
    }

    static func dutchDate(_ date: SessionDate) throws -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return try FormsTest.context().label("form.date", ["day": pad(date.day), "month": pad(date.month), "year": "\(date.year)"])
    }

    static func footer(_ session: Session) throws -> String {
        let context = try FormsTest.context()
        return try context.label("form.filled.footer", ["form": context.deck.invulblad.title, "date": try dutchDate(session.datum)])
    }

    /// Every text a person wrote in the session, and the dates as printed.
    static func strings(of session: Session) throws -> [String] {
        var result = [session.inbrenger, session.omschrijving, try dutchDate(session.datum)]
        result += [session.gespreksleider, session.schrijver].compactMap { $0 } + session.deelnemers
        if let ronde1 = session.ronde1 {
            result += ronde1.voorwaarden.compactMap(\.toelichting) + [ronde1.bereiken].compactMap { $0 }
        }
        if let ronde2 = session.ronde2 {
            result += ronde2.factoren.compactMap(\.toelichting)
            if let dilemma = ronde2.moreelDilemma { result += [dilemma.beschrijving] + dilemma.botsendeWaarden }
        }
        if let ronde3 = session.ronde3 {
            result += ronde3.interventies.values.flatMap { $0 } + ronde3.gekozen.map(\.interventie)
            result += ronde3.hulpvragen.flatMap { [$0.vraag, $0.antwoord].compactMap { $0 } }
            result += [ronde3.signaal?.opvolging].compactMap { $0 }
        }
        if let evaluatie = session.evaluatie {
            result.append(evaluatie.verloop)
            if let datum = evaluatie.datum { result.append(try dutchDate(datum)) }
        }
        return result
    }

    func testEveryStringOfTheRichSessionIsInTheText() throws {
        let context = try FormsTest.context()
        let session = try Self.session("voorbeeld-uitgebreid.json")
        let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "filled.pdf", permissions: 0o600)
        try FormsTest.assertWellFormed(pdf)
        let text = try FormsTest.flowText(pdf, footer: try Self.footer(session))
        let strings = try Self.strings(of: session)
        XCTAssertGreaterThan(strings.count, 30)
        for string in strings { FormsTest.assertContains(text, string) }
        // Card names from the deck, the weging, and every prompt of the blank form.
        let vocabulary = SessionVocabulary(deck: context.deck)
        for voorwaarde in session.ronde1!.voorwaarden { FormsTest.assertContains(text, vocabulary.voorwaarden[voorwaarde.id]!) }
        for factor in session.ronde2!.factoren {
            FormsTest.assertContains(text, vocabulary.factoren[factor.id]!)
            FormsTest.assertContains(text, try context.label("form.filled.weight." + factor.weging!.rawValue))
        }
        for section in context.deck.invulblad.sections { FormsTest.assertContains(text, section.prompt) }
        let attributes = try FileManager.default.attributesOfItem(atPath: pdf.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testVoorwaardenInOrderAndLevelsInTheDecksOrder() throws {
        let context = try FormsTest.context()
        let session = try Self.session("voorbeeld-uitgebreid.json")
        let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "filled.pdf")
        let text = try FormsTest.flowText(pdf, footer: try Self.footer(session))
        func position(_ string: String) -> String.Index? { text.range(of: FormsTest.normalise(string))?.lowerBound }
        let voorwaarden = session.ronde1!.voorwaarden.compactMap { $0.toelichting.flatMap(position) }
        XCTAssertEqual(voorwaarden, voorwaarden.sorted())
        let levels = context.deck.cards(inRound: 3).filter { $0.kind == .support }.map(\.id)
        let firsts = levels.compactMap { session.ronde3!.interventies[$0]?.first.flatMap(position) }
        XCTAssertEqual(firsts.count, 3)
        XCTAssertEqual(firsts, firsts.sorted())
    }

    /// Version 2 names the level of each chosen intervention after it (the deck's level name);
    /// a version 1 session has no level, and prints its choices as they were.
    func testChosenInterventionsNameTheirLevel() throws {
        let context = try FormsTest.context()
        var session = try Self.session("voorbeeld-uitgebreid.json")
        let level = try XCTUnwrap(context.deck.levelCards.first { $0.id == "organisatie-beleid" })
        let lift = try XCTUnwrap(session.ronde3?.gekozen.last)
        XCTAssertEqual(lift.niveau, level.id)
        var pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "levels.pdf")
        var text = try FormsTest.flowText(pdf, footer: try Self.footer(session))
        FormsTest.assertContains(text, lift.interventie + " (" + level.name + ")")

        session.version = 1
        for index in session.ronde3!.gekozen.indices { session.ronde3!.gekozen[index].niveau = nil }
        pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "no-levels.pdf")
        text = try FormsTest.flowText(pdf, footer: try Self.footer(session))
        FormsTest.assertContains(text, lift.interventie)
        XCTAssertFalse(text.contains(FormsTest.normalise(lift.interventie + " (" + level.name + ")")))
    }

    func testMetadataHoldsNoPersonalData() throws {
        let context = try FormsTest.context()
        let session = try Self.session("voorbeeld-uitgebreid.json")
        let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "filled.pdf")
        let info = try FormsTest.run("pdfinfo", [pdf.path]).output
        let title = info.split(separator: "\n").first { $0.hasPrefix("Title:") }.map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(title, context.deck.invulblad.title + " " + (try Self.dutchDate(session.datum)))
        for name in [session.inbrenger, session.gespreksleider!, session.schrijver!] + session.deelnemers {
            XCTAssertFalse(info.contains(name), "metadata names \(name)")
        }
        let xmp = try FormsTest.run("strings", [pdf.path]).output
        XCTAssertFalse(xmp.contains("Mevrouw K."))
    }

    func testTwentyThousandCharactersContinueOverPagesWhole() throws {
        let context = try FormsTest.context()
        let session = SessionGenerator.make(seed: 7, longField: 20_000, vocabulary: SessionVocabulary(deck: context.deck))
        XCTAssertEqual(session.omschrijving.count, 20_000)
        let diagnostics = Diagnostics()
        let document = try InvulbladDocument.filled(session, context, diagnostics: diagnostics)
        let pdf = try FormsTest.write(document, name: "long.pdf")
        try FormsTest.assertWellFormed(pdf)
        let pages = try FormsTest.pageCount(pdf)
        XCTAssertGreaterThan(pages, 4)

        // The running texts between pages: the footer and the heading of a continuation page.
        let section = context.deck.invulblad.section(id: "omschrijving")!
        let continued = try context.label("form.continued", ["section": String(section.prompt.dropLast())])
        let footer = try context.label("form.filled.footer", ["form": context.deck.invulblad.title,
                                                              "date": try Self.dutchDate(session.datum)])
        var text = FormsTest.normalise(try FormsTest.text(pdf))
        XCTAssertTrue(text.contains(FormsTest.normalise(continued)), "continuation pages name the section")
        for page in 1...pages {
            text = text.replacingOccurrences(of: FormsTest.normalise(try context.label("page.number", ["page": "\(page)", "pages": "\(pages)"])), with: "")
        }
        text = text.replacingOccurrences(of: FormsTest.normalise(continued), with: "")
            .replacingOccurrences(of: FormsTest.normalise(footer), with: "")
        XCTAssertTrue(text.contains(FormsTest.normalise(session.omschrijving)), "the long field whole, in order")

        // Nothing is set outside the page's content area.
        for page in document.pages {
            for run in page.glyphRuns {
                XCTAssertTrue(Rect(x: 0, y: 0, width: page.size.width, height: page.size.height).contains(run.bounds))
            }
        }
        // The generator's emoji is shown by the fallback emoji face: nothing to report.
        XCTAssertEqual(diagnostics.warnings.filter { $0.englishText.contains("glyph") }, [], "\(diagnostics.warnings)")
    }

    func testMinimalSessionRendersWithEmptyWritingSpace() throws {
        let context = try FormsTest.context()
        let session = try Self.session("voorbeeld-minimaal.json")
        let document = try InvulbladDocument.filled(session, context, diagnostics: Diagnostics())
        let pdf = try FormsTest.write(document, name: "minimal.pdf")
        try FormsTest.assertWellFormed(pdf)
        let text = try FormsTest.flowText(pdf, footer: try Self.footer(session))
        for string in try Self.strings(of: session) { FormsTest.assertContains(text, string) }
        for section in context.deck.invulblad.sections { FormsTest.assertContains(text, section.prompt) }
        // The blank filled in: the blank's pages, and on them the blank's writing lines where
        // the session wrote nothing (all of page 2: ronde 3), at the blank's pitch.
        let blank = try InvulbladDocument.blank(context, diagnostics: Diagnostics())
        XCTAssertEqual(document.pages.count, blank.pages.count)
        XCTAssertEqual(try FormsTest.pageCount(pdf), 2)
        func rules(_ page: Page) -> [Double] {
            page.unmarkedItems.compactMap { if case .line(let from, let to, _) = $0, from.y == to.y { return (from.y * 100).rounded() / 100 } else { return nil } }
        }
        XCTAssertEqual(rules(document.pages[1]), rules(blank.pages[1]))
        XCTAssertEqual(rules(document.pages[0]).count, rules(blank.pages[0]).count)
        // No extra block: the session has no roles, dilemma or evaluation.
        XCTAssertFalse(text.contains(FormsTest.normalise(try context.label("form.filled.dilemma"))))
        XCTAssertFalse(text.contains(FormsTest.normalise(try context.label("form.filled.evaluation"))))
    }

    /// The dilemma and the signal in the card's own words, each question then its answer; no
    /// sentence the source does not have.
    func testDilemmaAndSignalInTheCardsWords() throws {
        let context = try FormsTest.context()
        let session = try Self.session("voorbeeld-uitgebreid.json")
        let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "dilemma.pdf")
        let text = try FormsTest.flowText(pdf, footer: try Self.footer(session))
        let dilemma = context.deck.hulpvragenQuestions(round: 2)
        let dilemmaQuestion = try XCTUnwrap(dilemma.dilemma)
        FormsTest.assertContains(text, dilemmaQuestion + " " + session.ronde2!.moreelDilemma!.beschrijving)
        FormsTest.assertContains(text, try XCTUnwrap(dilemma.values) + " " + session.ronde2!.moreelDilemma!.botsendeWaarden.joined(separator: ", "))
        XCTAssertEqual(session.ronde2?.moreelDilemma?.moreelBeraad, false)
        FormsTest.assertContains(text, try XCTUnwrap(dilemma.council) + " " + (try context.label("form.answer.no")))
        let signal = try XCTUnwrap(session.ronde3?.signaal)
        XCTAssertTrue(signal.aanwezig)
        let signalPrompt = try XCTUnwrap(context.deck.invulblad.section(id: "ronde3.signaal")?.prompt)
        FormsTest.assertContains(text, signalPrompt + " " + (try context.label("form.answer.yes")) + " •")
        FormsTest.assertContains(text, try XCTUnwrap(context.deck.hulpvragenQuestions(round: 3).followUp) + " " + signal.opvolging!)
        for invented in ["Er wordt geen moreel beraad belegd.", "Ja, hier is sprake van een signaal.", "Besproken op", "vervolg van"] {
            XCTAssertFalse(text.contains(FormsTest.normalise(invented)), invented)
        }
        // Answers in the answer style: nothing of the session's is set bold.
        let document = try InvulbladDocument.filled(session, context, diagnostics: Diagnostics())
        let bold = document.pages.flatMap(\.glyphRuns).filter { $0.font.postScriptName.contains("Bold") }.map(\.text).joined()
        XCTAssertFalse(bold.contains(session.inbrenger))
        for voorwaarde in session.ronde1!.voorwaarden {
            XCTAssertFalse(bold.contains(SessionVocabulary(deck: context.deck).voorwaarden[voorwaarde.id]!))
        }
    }

    /// The block after ronde 3 (the roles, the moreel dilemma, the evaluatiemoment), on the
    /// filled and on the fillable form, starts as every section does: a section's gap under the
    /// signaal section's last writing line, then its first row. It started with a bare rule in the
    /// footer's grey and no head of its own; the paper form has no such block, so no head.
    func testTheExtraBlockStartsAsEverySectionDoes() throws {
        let context = try FormsTest.context()
        let layout = try FormsLayout.load(context)
        let leader = try context.label("form.filled.leader")
        let footerRule = Stroke(colour: layout.footer.rule.colour, width: layout.footer.rule.width)
        let documents = [("filled", try InvulbladDocument.filled(try Self.session("voorbeeld-uitgebreid.json"), context, diagnostics: Diagnostics())),
                         ("fillable", try InvulbladDocument.fillable(context, diagnostics: Diagnostics()))]
        for (name, document) in documents {
            for (index, page) in document.pages.enumerated() {
                let footerGrey = page.unmarkedItems.filter { if case .line(_, _, let stroke) = $0 { stroke == footerRule } else { false } }
                XCTAssertEqual(footerGrey.count, 1, "\(name), page \(index + 1): a rule in the footer's grey besides the footer's own")
            }
            let page = try XCTUnwrap(document.pages.first { $0.glyphRuns.contains { $0.text.hasPrefix(leader) } }, name)
            let prompt = try XCTUnwrap(page.glyphRuns.first { $0.text.hasPrefix(leader) })
            let rules = page.unmarkedItems.compactMap { item -> Double? in
                if case .line(let from, let to, _) = item, from.y == to.y, to.x > from.x { return from.y } else { return nil }
            }
            // The prompt's own writing line, the last line above its row, and the one before that.
            let own = try XCTUnwrap(rules.filter { $0 > prompt.origin.y }.min(), name)
            let above = try XCTUnwrap(rules.filter { $0 < prompt.origin.y - prompt.size }.max(), name)
            let before = try XCTUnwrap(rules.filter { $0 < above - 0.01 }.max(), name)
            let pitch = above - before
            XCTAssertEqual(own - pitch - above, mm(layout.writing.sectionGap), accuracy: 0.01,
                           "\(name): the block's first row a section's gap under the signaal section's last line")
        }
    }

    func testEveryOptionalFieldEmpty() throws {
        let context = try FormsTest.context()
        let session = Session(datum: SessionDate(year: 2024, month: 2, day: 29)!, inbrenger: "", deelnemers: [],
                              omschrijving: "", ronde1: .init(), ronde2: .init(moreelDilemma: .init(beschrijving: "")),
                              ronde3: .init(signaal: .init(aanwezig: false)), evaluatie: .init(verloop: ""))
        let pdf = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "empty.pdf")
        try FormsTest.assertWellFormed(pdf)
        // Nothing to say: no extra block, no sentence for "no signal".
        let text = FormsTest.normalise(try FormsTest.text(pdf))
        XCTAssertFalse(text.contains(FormsTest.normalise(try context.label("form.filled.dilemma"))))
        XCTAssertFalse(text.contains(FormsTest.normalise(try context.label("form.filled.evaluation"))))
    }

    func testTheSameSessionGivesTheSameBytes() throws {
        let context = try FormsTest.context()
        let session = try Self.session("voorbeeld-uitgebreid.json")
        let first = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "a.pdf")
        let second = try FormsTest.write(try InvulbladDocument.filled(session, context, diagnostics: Diagnostics()), name: "b.pdf")
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    func testManySeedsRenderWithoutTextOutsideThePage() throws {
        let context = try FormsTest.context()
        let vocabulary = SessionVocabulary(deck: context.deck)
        for seed in 1...12 {
            let document = try InvulbladDocument.filled(SessionGenerator.make(seed: UInt64(seed), vocabulary: vocabulary), context, diagnostics: Diagnostics())
            for page in document.pages {
                XCTAssertEqual(page.size, PaperSize.a4.size)
                for run in page.glyphRuns {
                    XCTAssertLessThanOrEqual(run.lineBottom, page.size.height, "seed \(seed)")
                    XCTAssertLessThanOrEqual(run.origin.x + run.width, page.size.width, "seed \(seed)")
                }
            }
        }
    }
}
