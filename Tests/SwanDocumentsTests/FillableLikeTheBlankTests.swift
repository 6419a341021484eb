import Foundation
import XCTest
import SwanDocuments
import SwanLayout
import SwanSession

/// One form, three faces: the fillable invulblad is the blank form with fields on its lines, in
/// its order and at its pitch, on at most one page more, and only the deck's words on it.
final class FillableLikeTheBlankTests: XCTestCase {
    func testTheBlanksPagesPitchAndWordsWithFieldsOnItsLines() throws {
        let context = try FormsTest.context()
        let blank = try InvulbladDocument.blank(context, diagnostics: Diagnostics())
        let fillable = try InvulbladDocument.fillable(context, diagnostics: Diagnostics())
        XCTAssertLessThanOrEqual(fillable.pages.count, blank.pages.count + 1)
        let pdf = try FormsTest.write(fillable, name: "fillable.pdf")
        XCTAssertEqual(try FormsTest.pageCount(pdf), fillable.pages.count)

        // The blank's rules at the blank's pitch (the commonest gap between two rules).
        func pitch(_ document: Document) -> Double {
            var gaps: [Double: Int] = [:]
            for page in document.pages {
                let ys = Set(page.unmarkedItems.compactMap { item -> Double? in
                    if case .line(let from, let to, _) = item, from.y == to.y { return (from.y * 100).rounded() / 100 }
                    return nil
                }).sorted()
                for (a, b) in zip(ys, ys.dropFirst()) { gaps[((b - a) * 100).rounded() / 100, default: 0] += 1 }
            }
            return gaps.max { $0.value < $1.value }?.key ?? 0
        }
        XCTAssertEqual(pitch(fillable), pitch(blank), accuracy: 0.01)

        // Every prompt of the blank, in the blank's order; the card's hulpvragen by their words.
        let text = FormsTest.normalise(try FormsTest.text(pdf))
        var last = text.startIndex
        for section in context.deck.invulblad.sections {
            let range = try XCTUnwrap(text.range(of: FormsTest.normalise(section.prompt), range: last..<text.endIndex), section.prompt)
            last = range.upperBound
        }
        let questions = context.deck.hulpvragenQuestions(round: 3)
        for question in context.deck.hulpvragenQuestions(round: 2).front + questions.front + questions.back {
            FormsTest.assertContains(text, question)
        }
        // No words of ours: no format as a label, no numbered questions, no questions of ours
        // (yes and no are the answers beside the form's own two yes/no questions only: the
        // labels form.answer.yes and .no, FillableYesNoRoundTripTests).
        for invented in ["dd-mm-jjjj", "Hulpvraag 1", "Wordt er een moreel beraad belegd?"] {
            XCTAssertFalse(text.contains(FormsTest.normalise(invented)), invented)
        }

        // Each text field lies on ruled rows: its bottom within a few points of a rule.
        for page in fillable.pages {
            let rules = page.unmarkedItems.compactMap { item -> Double? in
                if case .line(let from, let to, _) = item, from.y == to.y { return from.y }
                return nil
            }
            for field in page.fields where !field.hidden {
                guard case .text = field.kind, let rect = field.widgets.first?.rect else { continue }
                XCTAssertTrue(rules.contains { abs($0 - rect.maxY) < 0.5 }, "\(field.qualifiedName) is not on the blank's lines")
            }
        }
    }
}
