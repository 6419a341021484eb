import SwanTestSupport
import XCTest
@testable import SwanDeck

/// The structure of the shipped deck: counts, ids, print order, what each card carries. Its
/// wording is not pinned here (a coordinator fixing a typo must not break make test): it is
/// checked against the source material by TranscriptionTests.
final class ShippedDeckTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    private var deck: Deck!

    override func setUpWithError() throws {
        deck = try DeckLoader.load(from: TestDeck.shipped)
    }

    func testMetaAndRounds() {
        XCTAssertFalse(deck.meta.title.isEmpty)
        XCTAssertEqual(deck.meta.shortName, "SWAN")
        XCTAssertEqual(deck.meta.language, "nl")
        XCTAssertEqual(deck.rounds.map(\.number), [1, 2, 3])
        XCTAssertTrue(deck.rounds.allSatisfy { !$0.name.isEmpty && !$0.label.isEmpty })
        XCTAssertTrue(deck.rounds.allSatisfy { DeckIndexParser.isHexColour($0.colour) })
        XCTAssertEqual(Set(deck.rounds.map(\.colour)).count, 3, "each round its own colour")
        XCTAssertEqual(deck.noHyphenation, [deck.meta.shortName])
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

    /// A supporting card: lead and question on the front; title, examples ("Denk aan") and the
    /// condition it is based on on the back. Some example lists end in "more" (…), some do not.
    func testSupportCardsCarryTheirParts() throws {
        let card = try XCTUnwrap(deck.card(id: "sociale-cohesie"))
        XCTAssertNotNil(card.front.lead)
        XCTAssertNotNil(card.front.question)
        XCTAssertNotNil(card.back?.title)
        XCTAssertNotNil(card.back?.sections.first?.heading)
        XCTAssertGreaterThan(card.back?.sections.first?.items.count ?? 0, 2)
        XCTAssertEqual(card.back?.sections.first?.items.last, "…")
        XCTAssertNotNil(card.back?.footer)
        for id in ["kennis", "inwoners"] { XCTAssertNotNil(deck.card(id: id)?.front.lead, id) }
        XCTAssertEqual(deck.card(id: "sociale-inclusie")?.back?.sections.first?.items.contains("…"), false)
    }

    func testHoofdvraagAndHulpvragenCards() throws {
        let first = try XCTUnwrap(deck.card(id: "ronde-1"))
        XCTAssertNotNil(first.front.question)
        XCTAssertNotNil(first.front.note)
        XCTAssertNotNil(first.back?.question)
        let two = try XCTUnwrap(deck.card(id: "hulpvragen-ronde-2"))
        XCTAssertNotNil(two.front.title)
        XCTAssertNotNil(two.back?.title)
        XCTAssertFalse(two.front.sections.first?.items.isEmpty ?? true)
        let three = try XCTUnwrap(deck.card(id: "hulpvragen-ronde-3"))
        XCTAssertNotNil(three.back?.title)
        XCTAssertFalse(three.back?.sections.first?.items.isEmpty ?? true)
    }

    func testInvulbladHasBothPartsWithStableIds() {
        XCTAssertEqual(deck.invulblad.parts.count, 2)
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
        XCTAssertNotNil(deck.invulblad.section(id: "ronde1.voorwaarden")?.label)
    }

    func testChecklistComesFromTheCheckAndRoleCards() throws {
        let check = try XCTUnwrap(deck.card(id: "check"))
        XCTAssertEqual(deck.checklist.moments.count, 4)
        XCTAssertEqual(deck.checklist.moments.map(\.heading), check.front.sections.map(\.heading) + (check.back?.sections.map(\.heading) ?? []))
        XCTAssertEqual(deck.checklist.roles.map(\.id), ["gespreksleider", "inbrenger", "schrijver"])
        XCTAssertEqual(deck.checklist.roles[0].tasks.count, 6)
        XCTAssertTrue(deck.checklist.roles.allSatisfy { !$0.name.isEmpty && !$0.tasks.isEmpty })
    }

    func testHandleidingHeadingsAndFootnote() throws {
        XCTAssertFalse(deck.handleiding.title.isEmpty)
        XCTAssertEqual(deck.handleiding.headings.count, 6)
        XCTAssertEqual(deck.handleiding.footnotes.count, 1)
        let note = try XCTUnwrap(deck.handleiding.footnotes.first)
        XCTAssertEqual(note.mark, "1")
        XCTAssertFalse(note.text.isEmpty)
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
        XCTAssertNotNil(deck.labels["card.examples"])
        let pageNumber = try deck.labels.text("page.number", ["page": "2", "pages": "5"])
        XCTAssertTrue(pageNumber.contains("2") && pageNumber.contains("5") && !pageNumber.contains("{"), pageNumber)
        XCTAssertThrowsError(try deck.labels.text("no.such.key")) { error in
            XCTAssertTrue("\(error)".contains("labels.yaml"), "\(error)")
            XCTAssertTrue("\(error)".contains("no.such.key"), "\(error)")
        }
        XCTAssertThrowsError(try deck.labels.text("page.number", ["page": "2"])) { error in
            XCTAssertTrue("\(error)".contains("{pages}"), "\(error)")
        }
    }
}
