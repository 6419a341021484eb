/// The fillable invulblad (swan invulblad --fillable): the blank form's design, its prompts and
/// round bars, with a form field on every writing area (InvulbladFields) instead of ruled lines:
/// a box per answer, a checkbox and explanation per card, the weight as radio buttons, yes/no
/// questions as radio buttons. Pre-filled from a session when one is given.
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanLayout
import SwanSession

extension InvulbladDocument {
    public static func fillable(_ context: DocumentContext, session: Session? = nil,
                                diagnostics: Diagnostics = Diagnostics()) throws -> Document {
        let builder = try InvulbladBuilder(context: context, diagnostics: diagnostics)
        let model = try InvulbladFields(context, session: session)
        var layout = FillableLayout(builder: builder, model: model)
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

/// Lays the model's fields out as strips in the order of the form's sections.
private struct FillableLayout {
    let builder: InvulbladBuilder
    let model: InvulbladFields
    var used: Set<String> = []
    /// The model's fields by qualified name (the first of a name), found without a search.
    let fieldsByName: [String: FillableField]

    init(builder: InvulbladBuilder, model: InvulbladFields) {
        self.builder = builder; self.model = model
        fieldsByName = Dictionary(model.fields.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var width: Double { builder.width }
    var pitch: Double { mm(builder.layout.writing.lineSpacing.maximum) }
    var boxStroke: Stroke { builder.ruleStroke }
    var fontSize: Double { builder.styles.answer.textStyle().size }

    func field(_ name: String) -> FillableField {
        fieldsByName[name]!
    }

    func label(_ key: String, _ values: [String: String] = [:]) throws -> String { try model.label(key, values) }

    /// `name` with its widget(s) placed (local coordinates).
    mutating func place(_ name: String, _ rects: [Rect], options: [String]? = nil) -> FillableField {
        var placed = field(name)
        used.insert(name)
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
        var style = builder.styles.answer.textStyle()
        style.size = fontSize
        style.leading = fontSize * 1.2
        style.spaceBefore = 0; style.spaceAfter = 0
        style.hyphenate = false
        let padding = 2.0
        let paragraphs = multiline ? value.components(separatedBy: "\n") : [value.replacingOccurrences(of: "\n", with: " ")]
        let set = builder.pager.set(paragraphs.map { TextBlock($0, style: style) }, width: size.width - 2 * padding,
                                    subject: "fillable invulblad")
        let top = multiline ? padding : max(0, (size.height - (set.lines.first?.height ?? 0)) / 2)
        return set.items(at: Point(x: padding, y: top))
    }

    func text(_ string: String, at point: Point, width: Double, style: TextStyle) -> (items: [PageItem], width: Double, height: Double) {
        let set = builder.pager.set([TextBlock(string, style: style)], width: width, subject: "fillable invulblad")
        let lineWidth = set.lines.map(\.width).max() ?? 0
        return (set.items(at: point), lineWidth, set.height)
    }

    // MARK: Strips

    mutating func box(_ name: String, rows: Int, x: Double = 0, accent: Colour?, title: String) -> FormStrip {
        let height = Double(max(1, rows)) * pitch
        let rect = Rect(x: x, y: 0, width: width - x, height: height)
        var strip = FormStrip(items: [.rectangle(rect, cornerRadius: 1, fill: nil, stroke: boxStroke)], height: height,
                              accent: accent, spaceBefore: mm(1), continues: title)
        strip.fields = [place(name, [rect])]
        return strip
    }

    /// A prompt and a one-line field after it (an inline answer).
    mutating func inline(_ prompt: String, _ name: String, x: Double = 0, accent: Colour?, fieldWidth: Double? = nil) -> FormStrip {
        let style = builder.styles.prompt.textStyle()
        let shown = text(prompt, at: Point(x: x, y: pitch * 0.2), width: (width - x) / 2, style: style)
        let start = x + shown.width + mm(builder.layout.writing.inlineGap)
        let end = fieldWidth.map { min(width, start + $0) } ?? width
        let rect = Rect(x: start, y: pitch * 0.1, width: end - start, height: pitch * 0.8)
        var strip = FormStrip(items: shown.items + [.rectangle(rect, cornerRadius: 1, fill: nil, stroke: boxStroke)],
                              height: max(pitch, shown.height), accent: accent, spaceBefore: mm(builder.layout.writing.sectionGap) / 2)
        strip.fields = [place(name, [rect])]
        return strip
    }

    /// A square for a checkbox or radio button at x, vertically centred in a row of `pitch`.
    func square(_ x: Double) -> Rect {
        let side = min(pitch * 0.65, 12)
        return Rect(x: x, y: (pitch - side) / 2, width: side, height: side)
    }

    /// Radio buttons with their option labels from `x`; returns the items, rects and end x.
    func radios(_ shownOptions: [String], from x: Double) -> (items: [PageItem], rects: [Rect], end: Double) {
        var items: [PageItem] = [], rects: [Rect] = []
        var cursor = x
        let style = builder.styles.hint.textStyle()
        for shown in shownOptions {
            let rect = square(cursor)
            rects.append(rect)
            items.append(.rectangle(rect, cornerRadius: rect.size.width / 2, fill: nil, stroke: boxStroke))
            let label = text(shown, at: Point(x: rect.maxX + mm(1), y: pitch * 0.2), width: width, style: style)
            items += label.items
            cursor = rect.maxX + mm(1) + label.width + mm(4)
        }
        return (items, rects, cursor)
    }

    /// Each card's row with its explanation box under it (voorwaarden, factoren).
    mutating func cards(_ round: String, _ cards: [Card], accent: Colour?, title: String) throws -> [FormStrip] {
        var strips: [FormStrip] = []
        for card in cards {
            strips.append(try cardRow("\(round).\(card.id)", card, accent: accent))
            strips.append(box("\(round).\(card.id).toelichting", rows: 2, x: square(0).maxX + mm(2), accent: accent, title: title))
        }
        return strips
    }

    /// A card: its checkbox and name, the weight when it has one, its order at the right.
    mutating func cardRow(_ base: String, _ card: Card, accent: Colour?) throws -> FormStrip {
        let box = square(0)
        var items: [PageItem] = [.rectangle(box, cornerRadius: 1, fill: nil, stroke: boxStroke)]
        var fields = [place(base + ".gekozen", [box])]
        let name = text(card.name, at: Point(x: box.maxX + mm(2), y: pitch * 0.2), width: width / 2, style: builder.styles.prompt.textStyle())
        items += name.items
        let orderWidth = mm(14)
        let orderRect = Rect(x: width - orderWidth, y: pitch * 0.1, width: orderWidth, height: pitch * 0.8)
        if fieldsByName[base + ".weging"] != nil {
            let shown = try Session.Weging.allCases.map { try label("form.filled.weight." + $0.rawValue) }
            let group = radios(shown, from: max(box.maxX + mm(2) + name.width + mm(6), width * 0.45))
            items += group.items
            fields.append(place(base + ".weging", group.rects, options: Session.Weging.allCases.map(\.rawValue)))
        }
        items.append(.rectangle(orderRect, cornerRadius: 1, fill: nil, stroke: boxStroke))
        fields.append(place(base + ".volgnr", [orderRect]))
        var strip = FormStrip(items: items, height: pitch, accent: accent, spaceBefore: mm(2), keepWithNext: true)
        strip.fields = fields
        return strip
    }

    mutating func yesNo(_ name: String, prompt: String?, accent: Colour?) throws -> FormStrip {
        var items: [PageItem] = []
        var x = 0.0
        if let prompt {
            let shown = text(prompt, at: Point(x: 0, y: pitch * 0.2), width: width * 0.6, style: builder.styles.hint.textStyle())
            items += shown.items
            x = shown.width + mm(4)
        }
        let group = radios([try label("form.fillable.yes"), try label("form.fillable.no")], from: x)
        var strip = FormStrip(items: items + group.items, height: pitch, accent: accent, spaceBefore: mm(1), keepWithNext: true)
        strip.fields = [place(name, group.rects, options: [InvulbladFields.yes, InvulbladFields.no])]
        return strip
    }

    mutating func checkbox(_ name: String, prompt: String, accent: Colour?) -> FormStrip {
        let box = square(0)
        let shown = text(prompt, at: Point(x: box.maxX + mm(2), y: pitch * 0.2), width: width, style: builder.styles.hint.textStyle())
        var strip = FormStrip(items: [.rectangle(box, cornerRadius: 1, fill: nil, stroke: boxStroke)] + shown.items,
                              height: pitch, accent: accent, spaceBefore: mm(1), keepWithNext: true)
        strip.fields = [place(name, [box])]
        return strip
    }

    func small(_ string: String, accent: Colour?) -> FormStrip {
        let shown = text(string, at: .zero, width: width, style: builder.styles.hint.textStyle())
        return FormStrip(items: shown.items, height: shown.height, accent: accent, spaceBefore: mm(1), keepWithNext: true)
    }

    // MARK: The form

    mutating func strips() throws -> [FormStrip] {
        let form = model.deck.invulblad
        let map = model.map
        let levelOf = Dictionary(map.levels.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var strips: [FormStrip] = []
        for (index, part) in form.parts.enumerated() {
            if let title = try builder.partTitle(part, index: index) { strips.append(title) }
            for section in part.sections {
                let formField = FormField(section)
                let accent = builder.accent(section.round)
                let title = formField.title
                let rows = max(2, min(section.lines, 6))
                switch section.id {
                case map.date:
                    strips.append(inline(title, "datum", accent: accent, fieldWidth: mm(30)))
                case map.presenter:
                    strips.append(inline(title, "inbrenger", accent: accent))
                    strips.append(inline(try label("form.filled.leader"), "gespreksleider", accent: accent))
                    strips.append(inline(try label("form.filled.writer"), "schrijver", accent: accent))
                    strips.append(small(try label("form.filled.participants"), accent: accent))
                    strips.append(box("deelnemers", rows: 2, accent: accent, title: title))
                case map.description:
                    strips.append(builder.header(formField))
                    strips.append(box("omschrijving", rows: rows, accent: accent, title: title))
                case map.conditions:
                    strips.append(builder.header(formField))
                    strips += try cards("ronde1", model.voorwaarden, accent: accent, title: title)
                case map.goal:
                    strips.append(builder.header(formField))
                    strips.append(box("ronde1.bereiken", rows: rows, accent: accent, title: title))
                case map.factors:
                    strips.append(builder.header(formField))
                    strips += try cards("ronde2", model.factoren, accent: accent, title: title)
                    let dilemma = FormField(id: "dilemma", round: section.round, prompt: try label("form.filled.dilemma"),
                                            hint: try label("form.filled.dilemma.hint"), lines: 2)
                    strips.append(builder.header(dilemma))
                    strips.append(checkbox("ronde2.dilemma.aanwezig", prompt: try label("form.fillable.dilemma.present"), accent: accent))
                    strips.append(box("ronde2.dilemma.beschrijving", rows: 3, accent: accent, title: dilemma.title))
                    strips.append(small(try label("form.fillable.dilemma.values"), accent: accent))
                    strips.append(box("ronde2.dilemma.botsendeWaarden", rows: 2, accent: accent, title: dilemma.title))
                    strips.append(try yesNo("ronde2.dilemma.moreelBeraad", prompt: try label("form.fillable.dilemma.council"), accent: accent))
                case map.chosen:
                    strips.append(builder.header(formField))
                    for level in model.levels {
                        var caption = small(level.name, accent: accent)
                        caption.keepWithNext = true
                        strips.append(caption)
                        strips.append(box("ronde3.gekozen.\(level.id)", rows: max(1, rows / 2), accent: accent, title: title))
                    }
                case map.answers:
                    strips.append(builder.header(formField))
                    var slot = 1
                    let answers = "ronde3.hulpvragen"
                    while fieldsByName[answers + "." + String(slot) + ".vraag"] != nil {
                        let base = answers + "." + String(slot)
                        var question = inline(try label("form.fillable.question", ["number": String(slot)]), base + ".vraag", accent: accent)
                        question.keepWithNext = true
                        strips.append(question)
                        strips.append(box(base + ".antwoord", rows: 2, accent: accent, title: title))
                        slot += 1
                    }
                case map.signal:
                    strips.append(builder.header(formField))
                    strips.append(try yesNo("ronde3.signaal.aanwezig", prompt: nil, accent: accent))
                    strips.append(small(try label("form.fillable.signal.followup"), accent: accent))
                    strips.append(box("ronde3.signaal.opvolging", rows: 3, accent: accent, title: title))
                default:
                    strips.append(builder.header(formField))
                    if let level = levelOf[section.id] {
                        strips.append(box("ronde3.interventies.\(level)", rows: rows, x: builder.indentX(formField), accent: accent, title: title))
                    }
                }
            }
        }
        let evaluation = FormField(id: "evaluation", prompt: try label("form.filled.evaluation"),
                                   hint: try label("form.filled.evaluation.hint"), lines: 4)
        strips.append(builder.header(evaluation))
        strips.append(inline(try label("form.fillable.date.format"), "evaluatie.datum", accent: nil, fieldWidth: mm(30)))
        strips.append(box("evaluatie.verloop", rows: 4, accent: nil, title: evaluation.title))
        // The form's identity rides, hidden, on the last strip (last in tab order too).
        strips[strips.count - 1].fields += [place("swan.deck", [Rect(x: 0, y: 0, width: 0, height: 0)]),
                             place("swan.formulier", [Rect(x: 0, y: 0, width: 0, height: 0)])]
        return strips
    }
}
