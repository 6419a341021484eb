/// A form field of the page model (renderer-neutral): what a PDF writer turns into an AcroForm
/// field with its widgets. Layout code places the widgets; the writer gives each an appearance.
/// `Page.fields` lists them in tab order (the order the form is read in).
package struct FillableField: Equatable, Sendable {
    /// Partial names, outermost first: ["ronde1", "sociale-cohesie", "toelichting"] is the field
    /// `ronde1.sociale-cohesie.toelichting`. No partial name contains a period (ISO 32000-1 12.7.3.2).
    package var name: [String]
    /// The prompt the field answers: the tooltip (/TU), read aloud by screen readers.
    package var tooltip: String
    package var kind: Kind
    /// The value it opens with: a pre-filled answer, or the field's empty state.
    package var value: Value
    /// Where it is on the page: one widget, or one per option of a radio group.
    package var widgets: [Widget]
    package var readOnly: Bool
    /// Not shown and not printed (the form's own identity: deck and version).
    package var hidden: Bool
    /// The size typed text is shown at (the /DA size; never 0, which readers each treat differently).
    package var fontSize: Double = 10
    /// The value it opens with as the layout set it, in the (first) widget's coordinates (origin
    /// top left): the widget's appearance, drawn like page text, so with every face the value
    /// needs (the fallback chain), embedded and subset. Empty: the writer draws the value
    /// itself with the form font (a choice's shown text, a field left empty).
    package var appearance: [PageItem] = []

    package init(name: [String], tooltip: String, kind: Kind, value: Value, widgets: [Widget] = [],
                readOnly: Bool = false, hidden: Bool = false) {
        self.name = name; self.tooltip = tooltip; self.kind = kind; self.value = value
        self.widgets = widgets; self.readOnly = readOnly; self.hidden = hidden
    }

    /// The fully qualified name, partial names joined with periods.
    package var qualifiedName: String { name.joined(separator: ".") }

    package enum Kind: Equatable, Sendable {
        /// Text: several lines that scroll (a box), or one line (an inline answer, a date).
        case text(multiline: Bool, maxLength: Int?)
        /// A checkbox: on-state `Yes`, off-state `Off`.
        case checkbox
        /// Radio buttons: one widget per option; the export values are ASCII names.
        case radio(options: [String])
        /// A drop-down of fixed options (value, shown text); "" is the empty choice.
        case choice(options: [ChoiceOption])
    }

    package struct ChoiceOption: Equatable, Sendable {
        package var value: String
        package var shown: String
        package init(value: String, shown: String) { self.value = value; self.shown = shown }
    }

    package enum Value: Equatable, Sendable {
        case text(String)
        /// A checkbox or radio group: the chosen on-state, or nil for Off.
        case state(String?)
    }

    package struct Widget: Equatable, Sendable {
        /// In points, origin top left, like every page item.
        package var rect: Rect
        /// For a radio button: the option it stands for.
        package var option: String?
        /// What a reader shows next to a radio button or checkbox (drawn as page text by the layout).
        package init(rect: Rect, option: String? = nil) { self.rect = rect; self.option = option }
    }
}
