import Foundation
import XCTest
@testable import SwanDeck

/// Everything the shipped deck prints is transcribed from the source material: each text of the
/// cards, the checklist, the invulblad and the handleiding must be found in the source texts in
/// shared/seeds beside the repository (../shared/seeds, as CI provides it). A coordinator's typo
/// fix that makes the deck follow the source passes; a text that drifts from it fails, naming it.
/// Without ../shared the test is skipped, saying so.
final class TranscriptionTests: XCTestCase {
    static let seeds = TestDeck.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// The source texts: the clean text first, then the OCR of the printed pages and the cards'
    /// own text (see shared/seeds/README.md), each normalised.
    static func sources() throws -> [(name: String, text: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else {
            throw XCTSkip("no source material at \(seeds.path): the transcription check needs shared/ beside the repository")
        }
        let texts = try names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
            (name, normalised(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)))
        }
        guard !texts.isEmpty else { throw XCTSkip("no .txt source files in \(seeds.path)") }
        return texts
    }

    /// For comparing printed wording with extracted text: no white space or line-end hyphens
    /// (the extraction wraps lines), no bullets, one form of quotes, apostrophes and ellipsis,
    /// lower case (page headers of the print are in capitals).
    static func normalised(_ text: String) -> String {
        var text = text.precomposedStringWithCanonicalMapping.lowercased()
        for (from, to) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""),
                           ("\u{2026}", "..."), ("\u{00AD}", ""), ("\u{2010}", "-"), ("\u{2013}", "-")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "•" }.map(Character.init))
    }

    /// Every printed text of the deck, named by where it is.
    static func printedTexts(of deck: Deck) -> [(place: String, text: String)] {
        var texts: [(String, String)] = [("deck.yaml title", deck.meta.title)]
        for round in deck.rounds { texts += [("round \(round.number) name", round.name), ("round \(round.number) label", round.label)] }
        for card in deck.cards {
            for (name, side) in [("front", card.front), ("back", card.back)] {
                guard let side else { continue }
                let place = "card \(card.id) (\(name))"
                for (field, value) in [("lead", side.lead), ("title", side.title), ("question", side.question),
                                       ("note", side.note), ("footer", side.footer)] {
                    if let value { texts.append(("\(place) \(field)", value)) }
                }
                for section in side.sections {
                    if let heading = section.heading { texts.append(("\(place) heading", heading)) }
                    texts += section.items.map { ("\(place) item", $0) }
                }
            }
        }
        texts.append(("checklist title", deck.checklist.title))
        for moment in deck.checklist.moments {
            if let heading = moment.heading { texts.append(("checklist moment", heading)) }
            texts += moment.items.map { ("checklist item", $0) }
        }
        for role in deck.checklist.roles {
            texts.append(("checklist role", role.name))
            texts += role.tasks.map { ("checklist task of \(role.id)", $0) }
        }
        for part in deck.invulblad.parts {
            if let title = part.title { texts.append(("invulblad part", title)) }
            for section in part.sections {
                texts.append(("invulblad \(section.id) prompt", section.prompt))
                if let label = section.label { texts.append(("invulblad \(section.id) label", label)) }
                if let hint = section.hint { texts.append(("invulblad \(section.id) hint", hint)) }
            }
        }
        let manual = deck.handleiding
        func plain(_ runs: [InlineRun]) -> String { runs.filter { $0.footnote == nil }.map(\.text).joined() }
        texts.append(("handleiding title", manual.title))
        for block in manual.blocks {
            switch block {
            case .heading(_, let text): texts.append(("handleiding heading", text))
            case .paragraph(let runs): texts.append(("handleiding paragraph", plain(runs)))
            case .bulletList(let items), .orderedList(let items): texts += items.map { ("handleiding list item", plain($0)) }
            }
        }
        texts += manual.footnotes.map { ("handleiding footnote", plain($0.text)) }
        texts += (deck.overview?.texts ?? []).map { ("overzicht", $0) }
        return texts
    }

    /// Printed texts the source does not have, each with the reason it is printed anyway.
    /// (None now: the invulblad's second page has no title, as in the print; a title for it is an
    /// addition in labels.yaml, off by default.)
    static let notInTheSource: [String: String] = [:]

    func testEveryPrintedTextIsInTheSourceMaterial() throws {
        let sources = try Self.sources()
        let deck = try DeckLoader.load(from: TestDeck.shipped)
        let texts = Self.printedTexts(of: deck)
        XCTAssertGreaterThan(texts.count, 150, "the deck's texts were collected")
        var missing: [String] = []
        for (place, text) in texts {
            let wanted = Self.normalised(text)
            // "…" alone (more examples) and the like carry no wording to check.
            guard wanted.contains(where: \.isLetter), Self.notInTheSource[text] == nil else { continue }
            if !sources.contains(where: { $0.text.contains(wanted) }) { missing.append("\(place): \"\(text)\"") }
        }
        XCTAssertEqual(missing, [], "not found word for word in \(Self.seeds.path)")
    }

    /// The exceptions above are still needed (not in the source) and still printed.
    func testEachExceptionIsStillNeeded() throws {
        let sources = try Self.sources()
        let printed = Set(Self.printedTexts(of: try DeckLoader.load(from: TestDeck.shipped)).map(\.text))
        for text in Self.notInTheSource.keys {
            XCTAssertTrue(printed.contains(text), "\(text) is no longer printed: remove its exception")
            XCTAssertFalse(sources.contains { $0.text.contains(Self.normalised(text)) }, "\(text) is in the source now: remove its exception")
        }
    }

    /// The check itself: a changed word is noticed.
    func testTheCheckNoticesAChangedWord() throws {
        let sources = try Self.sources()
        let deck = try DeckLoader.load(from: TestDeck.shipped)
        let question = try XCTUnwrap(deck.cards.compactMap(\.front.question).first { $0.split(separator: " ").count > 3 })
        XCTAssertTrue(sources.contains { $0.text.contains(Self.normalised(question)) })
        var words = question.split(separator: " ").map(String.init)
        words[1] = String(words[1].reversed()) + "x"
        XCTAssertFalse(sources.contains { $0.text.contains(Self.normalised(words.joined(separator: " "))) })
    }
}
