/// A filled form's fields as values, read back by SwanPDFReading's AcroFormReader and turned into
/// a session by the documents (InvulbladImport): the documents need no PDF reader.

/// One terminal field of a filled form, with what it inherited from its parents.
package struct FilledField: Equatable, Sendable {
    /// The fully qualified name: partial names joined with periods (`ronde1.sociale-cohesie.toelichting`).
    package var name: String
    /// The field type: `Tx`, `Btn`, `Ch` or `Sig`; nil when neither the field nor a parent has one.
    package var type: String?
    /// The field flags (/Ff), inherited.
    package var flags: Int
    package var value: FilledValue
    /// The states that tick this field: the names in its widgets' /AP /N other than /Off (a
    /// checkbox has one, `Yes` in our forms; a radio group one per button).
    package var onStates: [String]

    package init(name: String, type: String?, flags: Int, value: FilledValue, onStates: [String] = []) {
        self.name = name; self.type = type; self.flags = flags; self.value = value; self.onStates = onStates
    }
}

/// The /V of a field.
package enum FilledValue: Equatable, Sendable {
    case none
    /// A text string (text fields, choice fields), line ends unified to LF.
    case text(String)
    /// A name without its slash: the state of a checkbox or radio group (`Yes`, `Off`, `groot`).
    case name(String)
    /// Several strings (a multiple-selection list).
    case texts([String])
}
