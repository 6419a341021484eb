import XCTest
@testable import SwanDeck

final class ShippedDeckTests: XCTestCase {
    private var deck: Deck!

    override func setUpWithError() throws {
        deck = try DeckLoader.load(from: TestDeck.shipped)
    }

    func testMetaAndRounds() {
        XCTAssertEqual(deck.meta.title, "Sociaal Werk op Alle Niveaus")
        XCTAssertEqual(deck.meta.shortName, "SWAN")
        XCTAssertEqual(deck.meta.language, "nl")
        XCTAssertEqual(deck.rounds.map(\.label), ["sociale kwaliteit", "factoren", "interventies"])
        XCTAssertEqual(deck.rounds.map(\.name), ["Ronde 1", "Ronde 2", "Ronde 3"])
        XCTAssertTrue(deck.rounds.allSatisfy { DeckIndexParser.isHexColour($0.colour) })
        XCTAssertEqual(deck.noHyphenation, ["SWAN"])
    }

    func testCardCountsPerRoundAndKind() {
        XCTAssertEqual(deck.cards.count, 21)
        XCTAssertEqual(deck.cards(inRound: 1).count, 5)
        XCTAssertEqual(deck.cards(inRound: 2).count, 7)
        XCTAssertEqual(deck.cards(inRound: 3).count, 5)
        XCTAssertEqual(deck.cards(ofKind: .role).map(\.id), ["gespreksleider", "inbrenger", "schrijver"])
        XCTAssertEqual(deck.cards(ofKind: .check).map(\.id), ["check"])
        XCTAssertEqual(deck.cards(ofKind: .hoofdvraag).map(\.round), [1, 2, 3])
    }

    func testPrintOrderStartsEachRoundWithItsHoofdvraag() {
        let ids = deck.cards.map(\.id)
        XCTAssertEqual(ids.first, "ronde-1")
        XCTAssertEqual(ids.last, "check")
        XCTAssertEqual(ids[5], "ronde-2")
        XCTAssertEqual(ids[12], "ronde-3")
        XCTAssertEqual(Array(ids[17...19]), ["gespreksleider", "inbrenger", "schrijver"])
    }

    func testSupportCardWording() throws {
        let card = try XCTUnwrap(deck.card(id: "sociale-cohesie"))
        XCTAssertEqual(card.front.lead, "Hoe speelt…")
        XCTAssertEqual(card.front.question, "Sociale cohesie een rol?")
        XCTAssertEqual(card.back?.title, "Sociale cohesie")
        XCTAssertEqual(card.back?.sections.first?.heading, "Denk aan:")
        XCTAssertEqual(card.back?.sections.first?.items.last, "…")
        XCTAssertEqual(card.back?.footer, "Gebaseerd op solidariteit")
        XCTAssertEqual(deck.card(id: "kennis")?.front.lead, "Hoe speelt kennis...")
        XCTAssertEqual(deck.card(id: "inwoners")?.front.lead, "Hoe speelt de (groep) inwoner(s)..")
        XCTAssertEqual(deck.card(id: "sociale-inclusie")?.back?.sections.first?.items.contains("…"), false)
    }

    func testHoofdvraagAndHulpvragenCards() throws {
        let first = try XCTUnwrap(deck.card(id: "ronde-1"))
        XCTAssertEqual(first.front.question, "Welke voorwaarden van sociale kwaliteit spelen hier een rol?")
        XCTAssertEqual(first.front.note, "leg in volgorde van meest naar minst belangrijk")
        XCTAssertEqual(first.back?.question, "Formuleer wat we vanuit deze voorwaarden willen bereiken.")
        let two = try XCTUnwrap(deck.card(id: "hulpvragen-ronde-2"))
        XCTAssertEqual(two.front.title, "Hulpvragen")
        XCTAssertEqual(two.back?.title, "Moreel dilemma")
        XCTAssertEqual(two.front.sections.first?.items.first, "Welke expertise hebben we zelf/niet?")
        let three = try XCTUnwrap(deck.card(id: "hulpvragen-ronde-3"))
        XCTAssertEqual(three.back?.title, "Signaleren")
        XCTAssertEqual(three.back?.sections.first?.items.first, "Signaleren collega\u{2019}s vergelijkbare gevallen?")
    }

    func testInvulbladHasBothPartsWithStableIds() {
        // The source names only "INVULBLAD DEEL 1"; the second page has no title of its own.
        XCTAssertEqual(deck.invulblad.parts.map(\.title), ["Invulblad deel 1", nil])
        XCTAssertEqual(deck.invulblad.sections.map(\.id), [
            "datum", "inbrenger", "omschrijving", "ronde1.voorwaarden", "ronde1.bereiken", "ronde2.factoren",
            "ronde3.intro", "ronde3.individu", "ronde3.groep", "ronde3.organisatie", "ronde3.keuze",
            "ronde3.hulpvragen", "ronde3.signaal",
        ])
        XCTAssertEqual(deck.invulblad.section(id: "datum")?.inline, true)
        XCTAssertEqual(deck.invulblad.section(id: "ronde3.groep")?.indent, 1)
        XCTAssertEqual(deck.invulblad.section(id: "ronde3.intro")?.lines, 0)
        XCTAssertEqual(deck.invulblad.section(id: "ronde1.voorwaarden")?.label, "RONDE 1:")
    }

    func testChecklistComesFromTheCheckAndRoleCards() {
        XCTAssertEqual(deck.checklist.title, "Check")
        XCTAssertEqual(deck.checklist.moments.count, 4)
        XCTAssertEqual(deck.checklist.moments.map(\.heading), [
            "1. Tijdig voor de bespreking:", "2. Vlak voor aanvang:", "3. Bij aanvang:", "4. Tijdens de bespreking:",
        ])
        XCTAssertEqual(deck.checklist.moments[0].items.last, "Evt: inwoner(s) uitgenodigd?")
        XCTAssertEqual(deck.checklist.roles.map(\.name), ["Gespreksleider", "Inbrenger", "Schrijver"])
        XCTAssertEqual(deck.checklist.roles[0].tasks.count, 6)
        XCTAssertEqual(deck.checklist.roles[2].tasks.first, "Vat na fase 1 en 2 de opbrengst samen")
    }

    func testHandleidingHeadingsAndFootnote() throws {
        XCTAssertEqual(deck.handleiding.title, "Sociaal Werk op Alle Niveaus")
        XCTAssertEqual(deck.handleiding.headings, [
            "Achtergrondinformatie", "Voorbereiding", "Rollen", "Verloop van de bespreking",
            "Einde van de bespreking", "Online bespreking?",
        ])
        XCTAssertEqual(deck.handleiding.footnotes.count, 1)
        let note = try XCTUnwrap(deck.handleiding.footnotes.first)
        XCTAssertEqual(note.mark, "1")
        XCTAssertTrue(note.text.map(\.text).joined().hasPrefix("De drie ronden zijn gebaseerd op"))
        let referencing = deck.handleiding.blocks.contains { block in
            if case .paragraph(let runs) = block { return runs.contains { $0.footnote == note.id && $0.text.isEmpty } }
            return false
        }
        XCTAssertTrue(referencing, "the footnote is referenced from a paragraph")
        guard case .bulletList(let items) = deck.handleiding.blocks.first(where: {
            if case .bulletList = $0 { return true } else { return false }
        }) else { return XCTFail("the intro has a bullet list") }
        XCTAssertEqual(items.count, 3)
    }

    func testLabels() throws {
        XCTAssertEqual(deck.labels["card.examples"], "Denk aan:")
        XCTAssertEqual(try deck.labels.text("page.number", ["page": "2", "pages": "5"]), "Pagina 2 van 5")
        XCTAssertThrowsError(try deck.labels.text("no.such.key")) { error in
            XCTAssertTrue("\(error)".contains("labels.yaml"), "\(error)")
            XCTAssertTrue("\(error)".contains("no.such.key"), "\(error)")
        }
        XCTAssertThrowsError(try deck.labels.text("page.number", ["page": "2"])) { error in
            XCTAssertTrue("\(error)".contains("{pages}"), "\(error)")
        }
    }

    func testDefaultDeckDirectoryHonoursEnvironment() {
        setenv("SWAN_TEMPLATES", "/tmp/elsewhere", 1)
        defer { unsetenv("SWAN_TEMPLATES") }
        XCTAssertEqual(Deck.defaultDeckDirectory.path, "/tmp/elsewhere")
    }
}
