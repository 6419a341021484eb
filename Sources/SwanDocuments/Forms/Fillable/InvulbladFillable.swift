/// The fillable invulblad (swan invulblad --fillable): the blank form with form fields on its
/// writing areas. The same parts, pages, headings, prompts, line pitch and rules as the blank
/// (InvulbladBuilder); a field lies on the lines a pen would write on: the inline answers on
/// the blank's one tab, a box's field over its ruled lines. The cards of ronde 1 and 2 get a
/// checkbox, their order and an explanation; the hulpvragen are the deck's cards' own questions,
/// each with an answer; each level's suggestions one per line with a checkbox to mark the
/// inbrenger's choice, and a field per level for a choice that is no suggestion. What the paper form has no
/// place for (the roles, the deelnemers, the moreel dilemma, the evaluatiemoment) comes in one
/// block after ronde 3, as on the filled form. Pre-filled from a session when one is given.
import Foundation
import SwanDeck
import SwanDiagnostics
package import SwanLayout
package import SwanSession

extension InvulbladDocument {
    /// `source`: the session file's name, for errors about what the form cannot hold.
    package static func fillable(_ context: DocumentContext, session: Session? = nil, source: String? = nil,
                                diagnostics: Diagnostics) throws -> Document {
        let builder = try InvulbladBuilder(context: context, diagnostics: diagnostics)
        let model = try InvulbladFields(context, session: session, source: source)
        var layout = FillableLayout(builder: builder, model: model, pitch: try builder.pitch(), diagnostics: diagnostics)
        let strips = try layout.strips()
        let form = context.deck.invulblad
        // Not tagged: a tagged page's tab order is the structure order (/Tabs /S), and the
        // widgets are not in the structure tree; untagged, readers follow /Annots, the form order.
        let pages = try builder.pager.pages(strips, footerText: form.title, continuation: builder.continuation).pages
        try diagnostics.throwIfFailed()
        let placed = Set(pages.flatMap(\.fields).map(\.qualifiedName))
        if let missing = model.fields.first(where: { !placed.contains($0.qualifiedName) }) {
            throw Diagnostic.error(LayoutCode.fillableFieldUnplaced, ["field": "\(missing.qualifiedName)"])
        }
        var document = Document(info: context.info(title: form.title), pages: pages)
        document.language = context.deck.meta.language
        document.formFont = context.engine.fonts.font(.regular)
        return document
    }
}

/// Lays the model's fields out on the blank form's rows, in the order of the form's sections.
private struct FillableLayout {
    let builder: InvulbladBuilder
    let model: InvulbladFields
    /// The blank form's line pitch: every row of the fillable form is one of its writing lines.
    let pitch: Double
    /// The model's fields by qualified name (the first of a name), found without a search.
    let fieldsByName: [String: FillableField]
    /// Where a value taller than a page is told.
    let diagnostics: Diagnostics

    init(builder: InvulbladBuilder, model: InvulbladFields, pitch: Double, diagnostics: Diagnostics) {
        self.builder = builder; self.model = model; self.pitch = pitch; self.diagnostics = diagnostics
        fieldsByName = Dictionary(model.fields.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var width: Double { builder.width }
    var boxStroke: Stroke { builder.ruleStroke }
    var fontSize: Double { builder.styles.answer.textStyle().size }
    /// Where the writing sits above a rule, as on the blank form.
    var baselineAboveRule: Double { mm(1.2) }

    func label(_ key: LabelKey, _ values: [String: String] = [:]) throws -> String { try model.label(key, values) }

    /// `name` with its widget(s) at `rects` (local coordinates of the strip it rides on).
    func place(_ name: String, _ rects: [Rect], options: [String]? = nil) -> FillableField {
        var placed = fieldsByName[name]!
        placed.fontSize = fontSize
        placed.widgets = zip(rects.indices, rects).map { index, rect in
            FillableField.Widget(rect: rect, option: options.map { $0[index] })
        }
        if case .text(let multiline, _) = placed.kind, case .text(let value) = placed.value, !value.isEmpty, let rect = rects.first {
            placed.appearance = appearance(value, multiline: multiline, size: rect.size)
        }
        return placed
    }

    /// A pre-filled value set as the static form sets text (the fallback faces of every script,
    /// typographic quotes), inside the field's padding: the widget's appearance. A reader shows
    /// it until the field is edited; what the user types is drawn with the /DA font.
    func appearance(_ value: String, multiline: Bool, size: Size) -> [PageItem] {
        let set = typeset(value, multiline: multiline, width: size.width)
        // The field starts 0.12 pitch below its row's top (area(x:rows:)).
        let firstBaseline = pitch * 0.88 - baselineAboveRule
        let top = firstBaseline - (set.lines.first?.baseline ?? 0)
        return set.items(at: Point(x: appearancePadding, y: top))
    }

    /// The padding between a field's edge and its appearance's text.
    var appearancePadding: Double { 2.0 }

    /// A pre-filled value set for a field `width` wide: one ruled row per line.
    func typeset(_ value: String, multiline: Bool, width: Double) -> TextLayout {
        var style = builder.styles.answer.textStyle()
        style.size = fontSize
        // On the blank form's lines: one line of text per ruled row, written just above its rule.
        style.leading = pitch
        style.spaceBefore = 0; style.spaceAfter = 0
        style.hyphenate = false
        let paragraphs = multiline ? value.components(separatedBy: "\n") : [value.replacingOccurrences(of: "\n", with: " ")]
        return builder.pager.set(paragraphs.map { TextBlock($0, style: style) }, width: width - 2 * appearancePadding,
                                 subject: LayoutSubject(.subjectFillable))
    }

    /// The rows a multi-line field from `x` (to `right`) takes: the form's `minimum`, or as many
    /// as its pre-filled value has lines, so that the appearance shows all of it (a list of
    /// botsende waarden in a one-row field showed its first line only: clipped in silence). A
    /// blank form keeps the blank's rows; a reader scrolls what a scribe adds.
    func rows(for name: String, minimum: Int, x: Double, right: Double? = nil) -> Int {
        guard let field = fieldsByName[name], case .text(true, _) = field.kind,
              case .text(let value) = field.value, !value.isEmpty else { return minimum }
        let set = typeset(value, multiline: true, width: area(x: x, rows: 1, right: right).size.width)
        let needed = Int((set.height / pitch - 0.001).rounded(.up))
        // A widget lies on one page: a field keeps room for its section's head and a
        // continuation head, and says so when its value is taller (the value itself stays whole).
        let most = max(minimum, Int(builder.pager.contentHeight / pitch) - 4)
        if needed > most {
            diagnostics.warn(.warning(LayoutCode.fillableValueTaller, ["field": "\(name)", "lines": "\(needed)", "rows": "\(most)"]))
        }
        return max(minimum, min(needed, most))
    }

    /// `text` in `style` on one row, its baseline where the blank form writes (above the rule).
    func rowText(_ text: String, x: Double, width: Double, style: TextStyle) -> (items: [PageItem], width: Double) {
        let set = builder.pager.set([TextBlock(text, style: style)], width: width, subject: LayoutSubject(.subjectFillable))
        guard let line = set.lines.first else { return ([], 0) }
        return (set.items(at: Point(x: x, y: pitch - baselineAboveRule - line.baseline)), set.lines.map(\.width).max() ?? 0)
    }

    /// The rect of a field over `rows` rows from x to the right edge (or `right`).
    func area(x: Double, rows: Int, right: Double? = nil) -> Rect {
        Rect(x: x, y: pitch * 0.12, width: (right ?? width) - x, height: Double(rows) * pitch - pitch * 0.12)
    }

    /// `count` ruled rows as on the blank form, from `x`; the first carries `items` and `fields`.
    /// A field spanning the rows keeps them on one page.
    func rows(_ count: Int, x: Double = 0, accent: Colour?, title: String, items: [PageItem] = [],
              fields: [FillableField] = [], spaceBefore: Double = 0) -> [FormStrip] {
        var strips: [FormStrip] = []
        for index in 0..<max(1, count) {
            var strip = FormStrip(items: [.line(from: Point(x: x, y: pitch), to: Point(x: width, y: pitch), stroke: boxStroke)],
                                  height: pitch, accent: accent, continues: title)
            if index == 0 { strip.items = items + strip.items; strip.fields = fields; strip.spaceBefore = spaceBefore }
            strip.keepWithNext = index + 1 < count
            strips.append(strip)
        }
        return strips
    }

    /// A section's ruled lines with one field over all of them.
    func box(_ name: String, rows minimum: Int, x: Double = 0, accent: Colour?, title: String) -> [FormStrip] {
        let count = rows(for: name, minimum: minimum, x: x)
        return rows(count, x: x, accent: accent, title: title, fields: [place(name, [area(x: x, rows: count)])])
    }

    /// A prompt and a one-line field on the blank form's inline tab.
    func inline(_ field: FormField, _ name: String, fieldWidth: Double? = nil) -> FormStrip {
        let accent = builder.accent(field.round)
        var strip = builder.blankStrips(field, pitch: pitch)[0]
        let valueX = builder.inlinePrompt(field)?.valueX ?? builder.inlineTab + mm(builder.layout.writing.inlineGap)
        strip.fields = [place(name, [area(x: valueX, rows: 1, right: fieldWidth.map { min(width, valueX + $0) })])]
        strip.accent = accent
        return strip
    }

    /// A square for a checkbox or radio button at x, centred on a row's writing space.
    func square(_ x: Double) -> Rect {
        let side = min(pitch * 0.6, 11)
        return Rect(x: x, y: pitch - baselineAboveRule - side * 0.85, width: side, height: side)
    }

    /// A checkbox and its words (hint style) on one ruled row, then `rows` rows with a field.
    func checkbox(_ name: String, _ words: String, accent: Colour?, title: String) -> FormStrip {
        let box = square(0)
        let shown = rowText(words, x: box.maxX + mm(2), width: width - box.maxX - mm(2), style: builder.styles.hint.textStyle())
        var strip = rows(1, accent: accent, title: title,
                         items: [.rectangle(box, cornerRadius: 1, fill: nil, stroke: boxStroke)] + shown.items,
                         fields: [place(name, [box])])[0]
        strip.keepWithNext = true
        return strip
    }

    /// A yes/no question on one ruled row: its words (hint style, when the section's head does
    /// not already ask it), then a radio button for each answer. Neither chosen is unanswered.
    func yesNo(_ name: String, _ words: String?, accent: Colour?, title: String) throws -> FormStrip {
        var items: [PageItem] = []
        var x = 0.0
        if let words {
            let shown = rowText(words, x: 0, width: width, style: builder.styles.hint.textStyle())
            items = shown.items
            x = shown.width + mm(builder.layout.writing.inlineGap)
        }
        let group = radios(try model.yesNoWords(), from: x)
        var strip = rows(1, accent: accent, title: title, items: items + group.items,
                         fields: [place(name, group.rects, options: InvulbladFields.yesNo)])[0]
        strip.keepWithNext = true
        return strip
    }

    /// A question in the hint style on its row, kept with what follows.
    func question(_ words: String, x: Double = 0, accent: Colour?, title: String) -> FormStrip {
        let shown = rowText(words, x: x, width: width - x, style: builder.styles.hint.textStyle())
        var strip = FormStrip(items: shown.items, height: pitch, accent: accent, keepWithNext: true, continues: title)
        strip.keepWithNext = true
        return strip
    }

    /// Questions with a one-row answer each: on the question's own row after a common tab when
    /// the question fits half the width, else on the row under it.
    func answered(_ pairs: [(words: String, field: String)], accent: Colour?, title: String) -> [FormStrip] {
        let style = builder.styles.hint.textStyle()
        let widths = pairs.map { builder.context.typesetter.width(of: $0.words, style: style) }
        let tab = (widths.filter { $0 < width / 2 }.max() ?? 0) + mm(builder.layout.writing.inlineGap)
        var strips: [FormStrip] = []
        for (pair, wordsWidth) in zip(pairs, widths) {
            if wordsWidth < width / 2 {
                let shown = rowText(pair.words, x: 0, width: tab, style: style)
                let count = rows(for: pair.field, minimum: 1, x: tab)
                strips += rows(count, accent: accent, title: title, items: shown.items, fields: [place(pair.field, [area(x: tab, rows: count)])])
            } else {
                strips.append(question(pair.words, accent: accent, title: title))
                strips += box(pair.field, rows: 1, accent: accent, title: title)
            }
        }
        return strips
    }

    /// Radio buttons with their option labels from `x`, on a row; the items, rects and end x.
    func radios(_ shownOptions: [String], from x: Double) -> (items: [PageItem], rects: [Rect], end: Double) {
        var items: [PageItem] = [], rects: [Rect] = []
        var cursor = x
        for shown in shownOptions {
            let rect = square(cursor)
            rects.append(rect)
            items.append(.rectangle(rect, cornerRadius: rect.size.width / 2, fill: nil, stroke: boxStroke))
            let label = rowText(shown, x: rect.maxX + mm(1), width: width, style: builder.styles.hint.textStyle())
            items += label.items
            cursor = rect.maxX + mm(1) + label.width + mm(4)
        }
        return (items, rects, cursor)
    }

    /// Each card on two ruled rows: its checkbox and name (a factor's weight under the name),
    /// its explanation over both rows beside them, its order at the right of the first.
    func cards(_ round: String, _ cards: [Card], accent: Colour?, title: String) throws -> [FormStrip] {
        let nameStyle = builder.styles.prompt.textStyle()
        let box = square(0)
        let nameX = box.maxX + mm(2)
        let names = cards.map { builder.context.typesetter.width(of: $0.name, style: nameStyle) }
        let weights = try Session.Weging.allCases.map { try label(.formFilledWeight($0)) }
        let weighted = cards.contains { fieldsByName["\(round).\($0.id).weging"] != nil }
        let radioWidth = weighted ? radios(weights, from: nameX).end - nameX : 0
        let explanationX = min(width / 2, nameX + max(names.max() ?? 0, radioWidth) + mm(3))
        let orderWidth = mm(12)
        var strips: [FormStrip] = []
        for card in cards {
            let base = "\(round).\(card.id)"
            var items: [PageItem] = [.rectangle(box, cornerRadius: 1, fill: nil, stroke: boxStroke)]
            items += rowText(card.name, x: nameX, width: explanationX - nameX, style: nameStyle).items
            var fields = [place(base + ".gekozen", [box])]
            let orderRect = area(x: width - orderWidth, rows: 1)
            items.append(.rectangle(orderRect, cornerRadius: 1, fill: nil, stroke: boxStroke))
            fields.append(place(base + ".volgnr", [orderRect]))
            // A card with a weight has it under its name: two rows; one row for the others.
            let weighted = fieldsByName[base + ".weging"] != nil
            let explanationRight = width - orderWidth - mm(2)
            let rowCount = rows(for: base + ".toelichting", minimum: weighted ? 2 : 1, x: explanationX, right: explanationRight)
            fields.append(place(base + ".toelichting", [area(x: explanationX, rows: rowCount, right: explanationRight)]))
            var block = rows(rowCount, accent: accent, title: title, items: items, fields: fields, spaceBefore: 0)
            if weighted {
                let group = radios(weights, from: nameX)
                block[1].items = group.items + block[1].items
                block[1].fields = [place(base + ".weging", group.rects, options: Session.Weging.allCases.map(\.rawValue))]
            }
            strips += block
        }
        return strips
    }

    /// A level's suggestions, one per ruled line: a checkbox at `x` (the inbrenger chose it)
    /// and the suggestion's field beside it, growing with a long pre-filled suggestion.
    func suggestions(_ level: String, x: Double, accent: Colour?, title: String) -> [FormStrip] {
        let box = square(x)
        let textX = box.maxX + mm(2)
        var strips: [FormStrip] = []
        for line in 0..<(model.interventionSlots[level] ?? 0) {
            let base = "ronde3.interventies.\(level).\(line + 1)"
            let count = rows(for: base + ".interventie", minimum: 1, x: textX)
            strips += rows(count, x: x, accent: accent, title: title,
                           items: [.rectangle(box, cornerRadius: 1, fill: nil, stroke: boxStroke)],
                           fields: [place(base + ".gekozen", [box]), place(base + ".interventie", [area(x: textX, rows: count)])])
        }
        return strips
    }

    // MARK: The form

    mutating func strips() throws -> [FormStrip] {
        let form = model.deck.invulblad
        let map = model.map
        let levelOf = Dictionary(map.levels.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var strips: [FormStrip] = []
        var factorsRound: Int?
        for (index, part) in form.parts.enumerated() {
            var partStrips: [FormStrip] = []
            if let title = try builder.partTitle(part, index: index) { partStrips.append(title) }
            for section in part.sections {
                let field = FormField(section)
                let accent = builder.accent(section.round)
                let title = field.title
                switch section.id {
                case map.date:
                    partStrips.append(inline(field, "datum", fieldWidth: mm(30)))
                case map.presenter:
                    partStrips.append(inline(field, "inbrenger"))
                case map.description:
                    partStrips.append(builder.header(field))
                    partStrips += box("omschrijving", rows: section.lines, accent: accent, title: title)
                case map.conditions:
                    partStrips.append(builder.header(field))
                    partStrips += try cards("ronde1", model.voorwaarden, accent: accent, title: title)
                case map.goal:
                    partStrips.append(builder.header(field))
                    partStrips += box("ronde1.bereiken", rows: section.lines, accent: accent, title: title)
                case map.factors:
                    factorsRound = section.round
                    partStrips.append(builder.header(field))
                    partStrips += try cards("ronde2", model.factoren, accent: accent, title: title)
                case map.chosen:
                    partStrips.append(builder.header(field))
                    // One field per level, after the level's name.
                    partStrips += answered(model.levels.map { ($0.name, "ronde3.gekozen.\($0.id)") }, accent: accent, title: title)
                case map.answers:
                    partStrips.append(builder.header(field))
                    // The deck card's questions, each with its answer; then questions a session
                    // brought that the card does not have.
                    partStrips += answered(model.hulpvraagQuestions.enumerated().map { ($1, "ronde3.hulpvragen.\($0 + 1).antwoord") },
                                           accent: accent, title: title)
                    for slot in model.hulpvraagQuestions.count..<model.hulpvraagSlots {
                        let base = "ronde3.hulpvragen.\(slot + 1)"
                        partStrips += box(base + ".vraag", rows: 1, accent: accent, title: title)
                        partStrips += box(base + ".antwoord", rows: 1, accent: accent, title: title)
                    }
                case map.signal:
                    partStrips.append(builder.header(field))
                    // The prompt asks "Is hier sprake van een signaal?": answered yes or no under it.
                    partStrips.append(try yesNo("ronde3.signaal.aanwezig", nil, accent: accent, title: title))
                    partStrips += box("ronde3.signaal.opvolging", rows: max(1, section.lines - 1), accent: accent, title: title)
                default:
                    partStrips.append(builder.header(field))
                    if let level = levelOf[section.id] {
                        partStrips += suggestions(level, x: builder.indentX(field), accent: accent, title: title)
                    } else if section.lines > 0 {
                        partStrips += rows(section.lines, x: builder.indentX(field), accent: accent, title: title)
                    }
                }
            }
            if !partStrips.isEmpty { partStrips[0].startsPage = true }
            strips += partStrips
        }

        // What the paper form has no place for, in one block after ronde 3, as on the filled form.
        let extraStart = strips.count
        for (key, name) in [(LabelKey.formFilledLeader, "gespreksleider"), (LabelKey.formFilledWriter, "schrijver")] {
            strips.append(inline(FormField(id: name, prompt: try label(key), lines: 1, inline: true), name))
        }
        let participants = FormField(id: "deelnemers", prompt: try label(.formFilledParticipants), lines: 2, inline: true)
        var participantRows: [FormStrip]
        if let prompt = builder.inlinePrompt(participants) {
            let line = prompt.layout.lines[0]
            let count = rows(for: "deelnemers", minimum: 2, x: prompt.valueX)
            participantRows = rows(count, accent: nil, title: participants.title)
            participantRows[0].items = prompt.layout.items(at: Point(x: 0, y: pitch - baselineAboveRule - line.baseline)) + participantRows[0].items
            participantRows[0].fields = [place("deelnemers", [area(x: prompt.valueX, rows: count)])]
        } else {
            participantRows = [builder.header(participants)] + box("deelnemers", rows: 2, accent: nil, title: participants.title)
        }
        participantRows[0].spaceBefore = mm(builder.layout.writing.sectionGap) / 2
        strips += participantRows
        builder.startExtraBlock(&strips, at: extraStart)

        let dilemma = FormField(id: "dilemma", round: factorsRound, prompt: try label(.formFilledDilemma), lines: 2)
        let dilemmaAccent = builder.accent(factorsRound)
        let questions = model.dilemmaQuestions
        strips.append(builder.header(dilemma))
        strips.append(checkbox("ronde2.dilemma.aanwezig", questions.dilemma ?? dilemma.prompt, accent: dilemmaAccent, title: dilemma.title))
        strips += box("ronde2.dilemma.beschrijving", rows: 2, accent: dilemmaAccent, title: dilemma.title)
        if let values = questions.values { strips.append(question(values, accent: dilemmaAccent, title: dilemma.title)) }
        strips += box("ronde2.dilemma.botsendeWaarden", rows: 1, accent: dilemmaAccent, title: dilemma.title)
        strips.append(try yesNo("ronde2.dilemma.moreelBeraad", questions.council ?? dilemma.prompt, accent: dilemmaAccent, title: dilemma.title))

        let evaluation = FormField(id: "evaluation", prompt: try label(.formFilledEvaluation),
                                   hint: try label(.formFilledEvaluationHint), lines: 3)
        strips.append(builder.header(evaluation))
        // The evaluation is held at the next bespreking: its date under the form's own prompt.
        if let dateSection = form.section(id: map.date) {
            var date = inline(FormField(dateSection), "evaluatie.datum", fieldWidth: mm(30))
            date.accent = nil; date.spaceBefore = 0; date.keepWithNext = true
            strips.append(date)
        }
        strips += box("evaluatie.verloop", rows: 2, accent: nil, title: evaluation.title)
        // The form's identity rides, hidden, on the last strip (last in tab order too).
        strips[strips.count - 1].fields += [place("swan.deck", [Rect(x: 0, y: 0, width: 0, height: 0)]),
                                            place("swan.formulier", [Rect(x: 0, y: 0, width: 0, height: 0)])]
        return strips
    }
}
