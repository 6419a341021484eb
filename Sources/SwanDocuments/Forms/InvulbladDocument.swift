/// The invulblad: blank, to print before a meeting (forms/invulblad.yaml, two parts on A4), and
/// filled from a session file in the same design, with every answer in its place. A long
/// answer is never cut: its box grows line by line, and continues on the next page under a
/// heading that names the section.
import Foundation
import SwanDeck
import SwanDiagnostics
package import SwanLayout
package import SwanSession

package enum InvulbladDocument {
    /// The blank form: every part on its own page, with one writing-line pitch for the whole
    /// form: the largest within the layout's limits at which every part fits its page.
    package static func blank(_ context: DocumentContext, diagnostics: Diagnostics) throws -> Document {
        let builder = try InvulbladBuilder(context: context, diagnostics: diagnostics)
        let form = context.deck.invulblad
        let pitch = try builder.pitch()
        var strips: [FormStrip] = []
        for (index, part) in form.parts.enumerated() {
            var partStrips: [FormStrip] = []
            if let title = try builder.partTitle(part, index: index) { partStrips.append(title) }
            for section in part.sections { partStrips += builder.blankStrips(FormField(section), pitch: pitch) }
            if !partStrips.isEmpty { partStrips[0].startsPage = true }
            strips += partStrips
        }
        let pages = try builder.pager.pages(strips, footerText: form.title, continuation: builder.continuation)
        try diagnostics.throwIfFailed()
        return context.accessible(Document(info: context.info(title: form.title), pages: pages.pages), pages.structure)
    }

    /// The form filled from `session`: the blank form's prompts in the blank form's order, each
    /// part starting a page as on the blank form, every answer on the form's writing lines with
    /// spare lines after it (so it can still be written on), and what the form has no prompt
    /// for (the roles, the moreel dilemma, the evaluatiemoment) in a separate block at the end.
    /// The PDF metadata holds the form's name and the session date only, never personal data.
    package static func filled(_ session: Session, _ context: DocumentContext,
                              diagnostics: Diagnostics) throws -> Document {
        let builder = try InvulbladBuilder(context: context, diagnostics: diagnostics)
        let form = context.deck.invulblad
        let map = builder.layout.filled
        let mapProblems = builder.layout.filledMapProblems(context.deck)
        if !mapProblems.isEmpty { throw DiagnosticError(mapProblems) }

        // The blank form's line pitch: the answers are written on the blank's lines.
        let pitch = try builder.pitch()
        let answers = try FilledAnswers(session: session, context: context, map: map, pitch: pitch)
        var strips: [FormStrip] = []
        for (index, part) in form.parts.enumerated() {
            var partStrips: [FormStrip] = []
            if let title = try builder.partTitle(part, index: index) { partStrips.append(title) }
            for section in part.sections {
                partStrips += try builder.filledStrips(FormField(section), blocks: answers.blocks[section.id] ?? [], pitch: pitch)
            }
            if !partStrips.isEmpty { partStrips[0].startsPage = true }
            strips += partStrips
        }
        // What the blank form has no place for, in a block after ronde 3: only the parts the
        // session has (a session without them is the blank filled in).
        let dilemmaRound = form.sections.first { $0.id == map.factors }?.round
        let extras = try answers.participantFields(context) + [try answers.dilemmaField(context, round: dilemmaRound),
                                                               try answers.evaluationField(context)].compactMap { $0 }
        let extraStart = strips.count
        for extra in extras { strips += try builder.filledStrips(extra.field, blocks: extra.blocks, pitch: pitch) }
        builder.startExtraBlock(&strips, at: extraStart)
        let date = try answers.date(session.datum)
        let footer = try context.label(.formFilledFooter, ["form": form.title, "date": date])
        let pages = try builder.pager.pages(strips, footerText: footer, continuation: builder.continuation)
        try diagnostics.throwIfFailed()
        let title = try context.label(.formFilledTitle, ["form": form.title, "date": date])
        // No author, subject or keywords that could name a person: the title and date only.
        var info = context.info(title: title)
        info.subject = nil
        return context.accessible(Document(info: info, pages: pages.pages), pages.structure)
    }
}

/// A section of the form as the layout sees it: from forms/invulblad.yaml, or one of the extra
/// sections of a filled form (participants, moreel dilemma, evaluation) made from labels.
struct FormField {
    var id: String
    var round: Int?
    var label: String?
    var prompt: String
    var hint: String?
    var lines: Int
    var indent: Int
    var inline: Bool

    init(_ section: FormSection) {
        self.init(id: section.id, round: section.round, label: section.label, prompt: section.prompt,
                  hint: section.hint, lines: section.lines, indent: section.indent, inline: section.inline)
    }

    init(id: String, round: Int? = nil, label: String? = nil, prompt: String, hint: String? = nil,
         lines: Int, indent: Int = 0, inline: Bool = false) {
        self.id = id; self.round = round; self.label = label; self.prompt = prompt; self.hint = hint
        self.lines = lines; self.indent = indent; self.inline = inline
    }

    /// How a continuation page names the section.
    var title: String { [label, prompt].compactMap { $0 }.joined(separator: " ") }
}

/// Makes the strips of the invulblad.
struct InvulbladBuilder {
    let context: DocumentContext
    let layout: FormsLayout
    let pager: FormPager
    /// Where inline answers start (see `widestInlinePrompt`): measured once per context, not
    /// per field or document.
    let inlineTab: Double

    init(context: DocumentContext, diagnostics: Diagnostics) throws {
        self.context = context
        layout = try FormsLayout.load(context)
        pager = FormPager(context: context, layout: layout, diagnostics: diagnostics)
        let formsLayout = layout, contentWidth = pager.contentWidth
        inlineTab = context.memo("invulblad.inlineTab") { Self.widestInlinePrompt(context, layout: formsLayout, width: contentWidth) }
    }

    var width: Double { pager.contentWidth }
    var styles: FormsLayout.Styles { layout.styles }
    var ruleStroke: Stroke { layout.writing.rule.stroke() }

    func accent(_ round: Int?) -> Colour? {
        guard let round, let colour = context.deck.round(round).flatMap({ Colour(hex: $0.colour) }) else { return nil }
        return colour
    }

    func indentX(_ field: FormField) -> Double { Double(field.indent) * mm(layout.writing.indent) }

    func subject(_ field: FormField) -> LayoutSubject { LayoutSubject(.subjectField, ["id": "\(field.id)"]) }

    /// The title of part `index`: its own, or for an untitled part the optional label
    /// form.part.untitled (off by default: the source's second page has no title); nil for none.
    func partTitle(_ part: FormPart, index: Int) throws -> FormStrip? {
        guard let title = try part.title
                ?? context.optionalLabel(.formPartUntitled, ["form": context.deck.invulblad.title, "number": String(index + 1)])
        else { return nil }
        let style = styles.partTitle.textStyle()
        let set = pager.setFixed([TextBlock(title, style: style)], width: width, subject: LayoutSubject(.subjectPartTitle, ["number": "\(index + 1)"], at: context.deck.invulblad.source))
        return FormStrip(items: set.items(at: .zero), height: set.height + style.spaceAfter,
                         keepWithNext: true, startsPage: true, role: .heading(level: 1))
    }

    /// The form's one writing-line pitch: the largest within the layout's limits at which every
    /// part of the blank form fits its page. The filled form writes on the same lines.
    /// Measured once per context (it depends on the deck alone); the texts it sets are set
    /// again by every form, so their missing-glyph warnings still reach each document.
    func pitch() throws -> Double {
        try context.memo("invulblad.pitch") { try measuredPitch() }
    }

    private func measuredPitch() throws -> Double {
        let spacing = layout.writing.lineSpacing
        var pitch = mm(spacing.maximum)
        for (index, part) in context.deck.invulblad.parts.enumerated() {
            let fields = part.sections.map(FormField.init)
            let fixed = (try partTitle(part, index: index)?.height ?? 0) + fields.reduce(0) { $0 + fixedHeight(of: $1) }
            let rows = fields.reduce(0) { $0 + max($1.lines, $1.inline ? 1 : 0) }
            if rows > 0 { pitch = min(pitch, (pager.contentHeight - fixed - 1) / Double(rows)) }
        }
        return max(mm(spacing.minimum), pitch)
    }

    /// The extra block of the filled and the fillable form (the roles, the moreel dilemma, the
    /// evaluatiemoment) starts as every section does: a section's gap above its first strip (an
    /// inline field has half of it between two), no rule and no head of its own: the paper form
    /// has no such block, so the seeds give it none.
    func startExtraBlock(_ strips: inout [FormStrip], at index: Int) {
        guard strips.indices.contains(index) else { return }
        strips[index].spaceBefore = max(strips[index].spaceBefore, mm(layout.writing.sectionGap))
    }

    /// The label and prompt in bold, the hint in italics below.
    func header(_ field: FormField) -> FormStrip {
        let x = indentX(field)
        var blocks = [TextBlock(field.title, style: styles.prompt.textStyle())]
        if let hint = field.hint { blocks.append(TextBlock(hint, style: styles.hint.textStyle())) }
        let set = pager.setFixed(blocks, width: width - x, subject: subject(field))
        return FormStrip(items: set.items(at: Point(x: x, y: 0)), height: set.height + mm(layout.writing.promptGap),
                         accent: accent(field.round), spaceBefore: mm(layout.writing.sectionGap), keepWithNext: true,
                         role: .heading(level: 2))
    }

    /// The prompt of an inline field, and the x where its answer starts: one tab for every
    /// inline field of the form (the widest prompt and a gap); nil when the prompt takes more
    /// than half the width (the field is then set as a block).
    func inlinePrompt(_ field: FormField) -> (layout: TextLayout, valueX: Double)? {
        guard field.inline else { return nil }
        let x = indentX(field)
        let set = pager.setFixed([TextBlock(field.title, style: styles.prompt.textStyle())], width: width - x, subject: subject(field))
        guard set.lines.count == 1, let line = set.lines.first, line.width < (width - x) / 2 else { return nil }
        return (set, max(x + line.width, inlineTab) + mm(layout.writing.inlineGap))
    }

    /// Where inline answers start: after the widest inline prompt that fits half the width.
    static func widestInlinePrompt(_ context: DocumentContext, layout: FormsLayout, width: Double) -> Double {
        let style = layout.styles.prompt.textStyle()
        let prompts = context.deck.invulblad.sections.filter(\.inline).map { FormField($0).title } + extraInlinePrompts(context)
        return prompts.map { context.typesetter.width(of: $0, style: style) }.filter { $0 < width / 2 }.max() ?? 0
    }

    /// The inline prompts of the filled form's extra block (the roles), so they share the tab.
    static func extraInlinePrompts(_ context: DocumentContext) -> [String] {
        [LabelKey.formFilledLeader, .formFilledWriter, .formFilledParticipants].compactMap { try? context.label($0) }
    }

    /// The height of everything but the writing lines (to spread the lines over the page).
    func fixedHeight(of field: FormField) -> Double {
        if inlinePrompt(field) != nil { return mm(layout.writing.sectionGap) / 2 }
        let head = header(field)
        return head.spaceBefore + head.height
    }

    // MARK: Blank

    func blankStrips(_ field: FormField, pitch: Double) -> [FormStrip] {
        let x = indentX(field)
        let colour = accent(field.round)
        if let prompt = inlinePrompt(field) {
            let line = prompt.layout.lines[0]
            let baseline = pitch - mm(1.2)
            var items = prompt.layout.items(at: Point(x: x, y: baseline - line.baseline))
            items.append(.line(from: Point(x: prompt.valueX, y: pitch), to: Point(x: width, y: pitch), stroke: ruleStroke))
            return [FormStrip(items: items, height: pitch, accent: colour, spaceBefore: mm(layout.writing.sectionGap) / 2)]
        }
        var strips = [header(field)]
        if field.lines == 0 { return strips }
        for _ in 0..<field.lines {
            strips.append(FormStrip(items: [.line(from: Point(x: x, y: pitch), to: Point(x: width, y: pitch), stroke: ruleStroke)],
                                    height: pitch, accent: colour, continues: field.title))
        }
        return strips
    }

    // MARK: Filled

    /// The answer on the blank form's writing lines (its pitch, its rules, at least its number of
    /// lines), with `spareLines` empty ones after a longer answer; a section with no answer keeps
    /// the blank form's lines. The rows keep together so that a page break leaves at least two
    /// lines on either side, and a short section is never split; the empty lines are spare: they
    /// never start a page, so a section may end with fewer.
    func filledStrips(_ field: FormField, blocks: [TextBlock], pitch: Double) throws -> [FormStrip] {
        let x = indentX(field)
        let colour = accent(field.round)
        let prompt = inlinePrompt(field)
        var strips: [FormStrip] = []
        let columnX: Double
        if let prompt {
            columnX = prompt.valueX
        } else {
            strips.append(header(field))
            columnX = x
        }
        let set = pager.set(blocks, width: width - columnX, subject: subject(field))
        // As on the blank form: the rule at the foot of the row, the writing just above it.
        let baselineAboveRule = mm(1.2)
        // A block with a marker is a list item (its lines one LBody, the marker its Lbl).
        var rows: [(items: [PageItem], height: Double, role: FormStripRole, markers: Int)] = set.lines.map { line in
            let listed = prompt == nil && blocks[line.blockIndex].marker != nil
            let height = max(pitch, line.height)
            let dy = height - baselineAboveRule - line.baseline
            return (line.runs.map { PageItem.text($0.offsetBy(dx: columnX, dy: dy)) }, height,
                    listed ? .answerItem(field.id, item: line.blockIndex) : .answer(field.id), listed ? line.markerRunCount : 0)
        }
        let written = rows.count
        let wanted = prompt != nil ? 1 : blocks.isEmpty ? field.lines : max(field.lines, written + layout.writing.spareLines)
        // The answer's own rows; the empty ones after it (or of a section left empty) are spare.
        while rows.count < wanted { rows.append(([], pitch, .answer(field.id), 0)) }
        var rowStrips: [FormStrip] = []
        for (index, row) in rows.enumerated() {
            var items = row.items
            items.append(.line(from: Point(x: columnX, y: row.height), to: Point(x: width, y: row.height), stroke: ruleStroke))
            var strip = FormStrip(items: items, height: row.height, accent: colour, role: row.role)
            strip.markerCount = row.markers
            strip.spare = prompt == nil && index >= written
            // A paragraph's first line never stands alone at a page's foot (a question with its
            // answer on the next page): it keeps with its second line.
            if index + 1 < written, index == 0 || set.lines[index - 1].blockIndex != set.lines[index].blockIndex,
               set.lines[index + 1].blockIndex == set.lines[index].blockIndex {
                strip.keepWithNext = true
            }
            if index == 0, let prompt {
                let line = prompt.layout.lines[0]
                // The prompt first, so that it is read before the answer.
                strip.items = prompt.layout.items(at: Point(x: x, y: row.height - baselineAboveRule - line.baseline)) + strip.items
                strip.spaceBefore = mm(layout.writing.sectionGap) / 2
            } else {
                strip.continues = field.title
            }
            rowStrips.append(strip)
        }
        let count = rowStrips.count
        for index in rowStrips.indices {
            let short = count <= layout.writing.keepTogether
            // Two lines at least on either side of a break: the first two and the last two stay together.
            if short ? index < count - 1 : (index == 0 || index == count - 2) { rowStrips[index].keepWithNext = true }
        }
        return strips + rowStrips
    }

    /// The heading of a page that continues a section.
    func continuation(_ section: String, _ accent: Colour?) throws -> FormStrip {
        // The section's title without its closing colon: "OMSCHRIJVING PRAKTIJKSITUATIE (vervolg)".
        let name = section.hasSuffix(":") ? String(section.dropLast()) : section
        let text = try context.label(.formContinued, ["section": name])
        let set = pager.setFixed([TextBlock(text, style: styles.continued.textStyle())], width: width, subject: LayoutSubject(.subjectContinuation, ["section": "\(name)"], at: context.deck.invulblad.source))
        return FormStrip(items: set.items(at: .zero), height: set.height + mm(layout.writing.promptGap), accent: accent)
    }
}
