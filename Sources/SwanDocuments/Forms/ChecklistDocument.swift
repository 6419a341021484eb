/// The check card as a printable A4 page: the four moments, each item with a drawn checkbox,
/// and the tasks of the three roles side by side.
import SwanDeck
package import SwanLayout

package enum ChecklistDocument {
    package static func make(_ context: DocumentContext, diagnostics: Diagnostics) throws -> Document {
        let layout = try FormsLayout.load(context)
        let pager = FormPager(context: context, layout: layout, diagnostics: diagnostics)
        let spec = layout.checklist
        let checklist = context.deck.checklist
        let width = pager.contentWidth
        var strips: [FormStrip] = []

        func strip(_ blocks: [TextBlock], width: Double, subject: LayoutSubject, keepWithNext: Bool = false,
                   role: FormStripRole = .paragraph) -> FormStrip {
            let set = pager.set(blocks, width: width, subject: subject)
            let style = blocks.first?.style
            return FormStrip(items: set.items(at: .zero), height: set.height + (blocks.last?.style.spaceAfter ?? 0),
                             spaceBefore: style?.spaceBefore ?? 0, keepWithNext: keepWithNext, role: role)
        }

        strips.append(strip([TextBlock(checklist.title, style: spec.title.textStyle())], width: width, subject: LayoutSubject(.subjectChecklistTitle, at: checklist.source),
                            role: .heading(level: 1)))
        let itemStyle = spec.item.textStyle()
        let side = mm(spec.box.size)
        let boxStroke = Stroke(colour: spec.box.colour, width: spec.box.width)
        for (index, moment) in checklist.moments.enumerated() {
            let subject = LayoutSubject(.subjectChecklistMoment, ["number": "\(index + 1)"], at: checklist.momentsSource)
            if let heading = moment.heading {
                strips.append(strip([TextBlock(heading, style: spec.moment.textStyle())], width: width,
                                    subject: subject, keepWithNext: true, role: .heading(level: 2)))
            }
            for item in moment.items {
                let set = pager.set([TextBlock(item, style: itemStyle)], width: width, subject: subject)
                var items = set.items(at: .zero)
                if let first = set.lines.first {
                    // The box sits in the hanging indent, centred on the first line's lower-case letters.
                    let middle = first.baseline - itemStyle.size * 0.36
                    let x = max(0, itemStyle.leftIndent - side - mm(3))
                    items.insert(.rectangle(Rect(x: x, y: middle - side / 2, width: side, height: side),
                                            cornerRadius: 0, fill: nil, stroke: boxStroke), at: 0)
                }
                strips.append(FormStrip(items: items, height: set.height))
            }
        }

        // The roles: one column per role, under a heading only when a coordinator switched one
        // on (checklist.roles in labels.yaml; the source has none). The space stays.
        let rolesHeading = try context.optionalLabel(.checklistRoles)
        if let heading = rolesHeading {
            strips.append(strip([TextBlock(heading, style: spec.rolesTitle.textStyle())],
                                width: width, subject: LayoutSubject(.subjectChecklistRoles, at: context.deck.labels.locations[LabelKey.checklistRoles.name]), keepWithNext: true, role: .heading(level: 2)))
        } else {
            strips.append(FormStrip(height: 0, spaceBefore: spec.rolesTitle.spaceBefore ?? 0, keepWithNext: true))
        }
        let count = max(1, checklist.roles.count)
        let gap = mm(spec.columnGap)
        let columnWidth = (width - gap * Double(count - 1)) / Double(count)
        var columns: [PageItem] = []
        var height = 0.0
        // Each role: its name a heading (under the roles heading when there is one), its tasks a list.
        var structure = StructureTree()
        let roles: [TextRole] = [.heading(rolesHeading == nil ? 2 : 3)]
        for (index, role) in checklist.roles.enumerated() {
            let blocks = [TextBlock(role.name, style: spec.roleName.textStyle())]
                + role.tasks.map { TextBlock($0, style: spec.task.textStyle(), marker: "•") }
            let set = pager.set(blocks, width: columnWidth, subject: LayoutSubject(.subjectChecklistRole, ["id": "\(role.id)"], at: role.source))
            columns += set.markedItems(at: Point(x: Double(index) * (columnWidth + gap), y: 0),
                                       roles: roles + role.tasks.map { _ in .listItem }, in: &structure, under: nil)
            height = max(height, set.height)
        }
        var columnsStrip = FormStrip(items: columns, height: height)
        columnsStrip.structure = structure
        strips.append(columnsStrip)

        let pages = try pager.pages(strips, footerText: checklist.title) { section, _ in
            FormStrip(height: 0, continues: section)
        }
        try diagnostics.throwIfFailed()
        return context.accessible(Document(info: context.info(title: checklist.title), pages: pages.pages), pages.structure)
    }
}
