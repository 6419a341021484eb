/// Relations between layout values that no single value shows: margins inside the page, text
/// room left on a card, a card that fits its sheet. Checked when a document reads its layout
/// (DocumentContext.layout) and by `swan check`, each at the value's file:line:column.
import Foundation
package import SwanDeck
package import SwanDiagnostics
import SwanLayout

package protocol CheckedLayout {
    /// Problems of this layout, read from layout/`name`.yaml of `deck`.
    func relationProblems(_ deck: Deck, name: String) -> [Diagnostic]
}

/// Collects refusals, each placed at a key of the layout file.
struct RelationCheck {
    let deck: Deck
    let name: String
    var problems: [Diagnostic] = []

    mutating func require(_ holds: Bool, at path: [String], _ code: LayoutCode, _ arguments: @autoclosure () -> [String: MessageArgument] = [:]) {
        if !holds { problems.append(.error(code, arguments(), at: deck.layoutLocation(name, path))) }
    }

    /// Margins (mm) that leave room on a page of `page` (points), with `reserved` mm more in height.
    mutating func margins(_ margins: PageMargins, on page: Size, reservedHeight reserved: Double = 0) {
        let width = toMillimetres(page.width), height = toMillimetres(page.height)
        require(margins.left + margins.right < width, at: ["margins", "left"], .marginsTooWide,
                ["sum": "\(margins.left + margins.right)", "width": "\(millimetres(width))"])
        require(margins.top + margins.bottom + reserved < height, at: ["margins", "top"], .marginsTooHigh,
                ["sum": "\(millimetres(margins.top + margins.bottom + reserved))", "height": "\(millimetres(height))"])
    }

}

/// Millimetres for messages: "63.5".
private func millimetres(_ value: Double) -> String { String(format: "%.1f", value) }

extension FormsLayout: CheckedLayout {
    package func relationProblems(_ deck: Deck, name: String) -> [Diagnostic] {
        var check = RelationCheck(deck: deck, name: name)
        check.margins(margins, on: paper.size, reservedHeight: footer.height)
        check.require(writing.lineSpacing.minimum <= writing.lineSpacing.maximum, at: ["writing", "lineSpacing", "minimum"],
                      .lineSpacingOrder)
        return check.problems
    }
}

extension HandleidingLayout: CheckedLayout {
    package func relationProblems(_ deck: Deck, name: String) -> [Diagnostic] {
        var check = RelationCheck(deck: deck, name: name)
        check.margins(margins, on: paper.size, reservedHeight: header.height + footer.height)
        return check.problems
    }
}

extension CardLayout: CheckedLayout {
    package func relationProblems(_ deck: Deck, name: String) -> [Diagnostic] {
        var check = RelationCheck(deck: deck, name: name)
        let smaller = min(card.width, card.height)
        check.require(2 * card.safeMargin < smaller, at: ["card", "safeMargin"], .safeMarginTooWide,
                      ["margin": "\(card.safeMargin)", "across": "\(millimetres(smaller))"])
        check.require(band.height + band.bottomBar + 2 * card.safeMargin < card.height, at: ["band", "height"], .bandTooHigh,
                      ["height": "\(millimetres(card.height))"])
        check.require(card.cornerRadius * 2 <= smaller, at: ["card", "cornerRadius"], .cornerRadiusTooLarge)
        // The default run prints on A4: the card and the sheet's margin must fit on it.
        let a4 = PaperSize.a4.size
        check.require(card.width + 2 * sheet.margin <= toMillimetres(a4.width) && card.height + 2 * sheet.margin <= toMillimetres(a4.height),
                      at: ["card", "width"], .cardOffA4,
                      ["width": "\(millimetres(card.width))", "height": "\(millimetres(card.height))", "margin": "\(millimetres(sheet.margin))"])
        return check.problems
    }

    /// The card and the sheet's margin against the paper a command chose (`--paper`), either way
    /// round as the sheets turn it; nil when it fits. Located at the card's size in `name`.yaml.
    package func paperProblem(_ paper: PaperSize, _ deck: Deck, name: String = "cards") -> Diagnostic? {
        let width = toMillimetres(paper.size.width), height = toMillimetres(paper.size.height)
        let across = card.width + 2 * sheet.margin, down = card.height + 2 * sheet.margin
        if (across <= width && down <= height) || (across <= height && down <= width) { return nil }
        return .error(LayoutCode.cardOffPaper, ["width": "\(millimetres(card.width))", "height": "\(millimetres(card.height))",
                                                "margin": "\(millimetres(sheet.margin))", "paper": "\(paper.rawValue)",
                                                "paperWidth": "\(millimetres(width))", "paperHeight": "\(millimetres(height))"],
                      at: deck.layoutLocation(name, ["card", "width"]))
    }
}

extension ScreenLayout: CheckedLayout {
    package func relationProblems(_ deck: Deck, name: String) -> [Diagnostic] {
        var check = RelationCheck(deck: deck, name: name)
        check.require(2 * margin < min(page.width, page.height) && header.height + 2 * margin < page.height, at: ["margin"],
                      .screenMarginsTooLarge, ["width": "\(millimetres(page.width))", "height": "\(millimetres(page.height))"])
        return check.problems
    }
}

extension Deck {
    /// layout/`name`.yaml decoded as `type`, its values and their relations checked: what every
    /// document and `swan check` read a layout through.
    package func checkedLayout<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let layout = try decodeLayout(name, as: type)
        if let checked = layout as? CheckedLayout {
            let problems = checked.relationProblems(self, name: name)
            if !problems.isEmpty { throw DiagnosticError(problems) }
        }
        return layout
    }
}

extension Typography: CheckedLayout {
    /// Every font file is there (a missing one is found by `swan check`, not by the first render).
    package func relationProblems(_ deck: Deck, name: String) -> [Diagnostic] {
        var check = RelationCheck(deck: deck, name: name)
        let files = fontFiles(of: deck)
        for (key, url) in [("regular", files.regular), ("bold", files.bold), ("italic", files.italic), ("boldItalic", files.boldItalic)]
        where !FileManager.default.isReadableFile(atPath: url.path) {
            // Neither the deck's font folder nor swan's own has the file: say what goes where.
            let folder = url.deletingLastPathComponent().path
            check.problems.append(.error(LayoutCode.fontFileMissing, ["key": "\(key)", "path": "\(url.path)"],
                                         at: deck.layoutLocation(name, ["fonts", key]),
                                         hints: [Message(LayoutCode.fontFileWhere, ["file": "\(url.lastPathComponent)", "folder": "\(folder)"])]))
        }
        return check.problems
    }
}

extension FormsLayout {
    /// The `filled:` map names sections of the invulblad and round-3 support cards that exist:
    /// checked by `swan check` and before a filled invulblad is made (a blank form does not use it).
    package func filledMapProblems(_ deck: Deck) -> [Diagnostic] {
        var check = RelationCheck(deck: deck, name: "forms")
        filled.problems(deck, into: &check)
        return check.problems
    }
}

extension FormsLayout.Filled {
    func problems(_ deck: Deck, into check: inout RelationCheck) {
        let sections = Set(deck.invulblad.sections.map(\.id))
        let named: [(String, String)] = [("date", date), ("presenter", presenter), ("description", description),
                                         ("conditions", conditions), ("goal", goal), ("factors", factors),
                                         ("chosen", chosen), ("answers", answers), ("signal", signal)]
        for (key, id) in named + levels.sorted(by: { $0.key < $1.key }).map({ ("levels.\($0.key)", $0.value) }) {
            check.require(sections.contains(id), at: ["filled"] + key.split(separator: ".").map(String.init), .filledNoSection,
                          ["key": "\(key)", "id": "\(id)", "ids": "\(deck.invulblad.sections.map(\.id).joined(separator: ", "))"])
        }
        let supportCards = Set(deck.levelCards.map(\.id))
        for level in levels.keys.sorted() where !supportCards.contains(level) {
            check.require(false, at: ["filled", "levels", level], .filledNoSupportCard, ["level": "\(level)"])
        }
    }
}
