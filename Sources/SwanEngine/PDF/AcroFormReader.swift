/// Reads the filled-in fields of a PDF form (an AcroForm) back out of any reader's saved file:
/// Chrome/PDFium rewrites the whole file, pdf.js and poppler append incremental updates; qpdf
/// reads all of them. Values are decoded exactly (UTF-16BE/LE, UTF-8, PDFDocEncoding, through
/// qpdf_oh_get_binary_utf8_value) and only line ends are unified: CR LF and CR become LF.
import Foundation
internal import CQPDF

/// One terminal field of a filled form, with what it inherited from its parents.
public struct FilledField: Equatable, Sendable {
    /// The fully qualified name: partial names joined with periods (`ronde1.sociale-cohesie.toelichting`).
    public var name: String
    /// The field type: `Tx`, `Btn`, `Ch` or `Sig`; nil when neither the field nor a parent has one.
    public var type: String?
    /// The field flags (/Ff), inherited.
    public var flags: Int
    public var value: FilledValue

    public init(name: String, type: String?, flags: Int, value: FilledValue) {
        self.name = name; self.type = type; self.flags = flags; self.value = value
    }
}

/// The /V of a field.
public enum FilledValue: Equatable, Sendable {
    case none
    /// A text string (text fields, choice fields), line ends unified to LF.
    case text(String)
    /// A name without its slash: the state of a checkbox or radio group (`Yes`, `Off`, `groot`).
    case name(String)
    /// Several strings (a multiple-selection list).
    case texts([String])
}

public enum AcroFormReader {
    /// Every terminal field of the form in `data`, in the order of /AcroForm /Fields and /Kids.
    /// An empty list when the PDF has no form; throws when the bytes are not a readable PDF.
    public static func fields(in data: Data) throws -> [FilledField] {
        try QPDFReading.read(data) { qpdf in
            var walker = FieldWalker(qpdf: qpdf)
            let root = qpdf_get_root(qpdf)
            let form = qpdf_oh_get_key_if_dict(qpdf, root, "/AcroForm")
            let list = qpdf_oh_get_key_if_dict(qpdf, form, "/Fields")
            guard qpdf_oh_is_array(qpdf, list) != 0 else { return [] }
            for index in 0..<qpdf_oh_get_array_n_items(qpdf, list) {
                walker.visit(qpdf_oh_get_array_item(qpdf, list, index), inherited: .top)
            }
            return walker.fields
        }
    }

    /// Text exactly as typed, with every line end as LF (PDFium stores line breaks as CR LF,
    /// other readers as CR or LF). Nothing else changes: no trimming, no normalisation.
    public static func unifyLineEnds(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" { scalars.append("\n"); previousCR = true; continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// Walks the field tree depth first, carrying the inheritable entries down.
private struct FieldWalker {
    struct Inherited {
        var name: [String]
        var type: String?
        var flags: Int
        var value: qpdf_oh?
        static let top = Inherited(name: [], type: nil, flags: 0, value: nil)
    }

    let qpdf: qpdf_data
    var fields: [FilledField] = []
    /// Object ids already visited: a malformed file may make /Kids a cycle.
    var visited: Set<Int32> = []

    init(qpdf: qpdf_data) { self.qpdf = qpdf }

    mutating func visit(_ node: qpdf_oh, inherited: Inherited) {
        guard qpdf_oh_is_dictionary(qpdf, node) != 0 else { return }
        let id = qpdf_oh_get_object_id(qpdf, node)
        if id != 0 {
            guard !visited.contains(id) else { return }
            visited.insert(id)
        }
        var here = inherited
        if qpdf_oh_has_key(qpdf, node, "/T") != 0 { here.name.append(text(qpdf_oh_get_key(qpdf, node, "/T")) ?? "") }
        if let type = name(qpdf_oh_get_key(qpdf, node, "/FT")) { here.type = type }
        let flags = qpdf_oh_get_key(qpdf, node, "/Ff")
        if qpdf_oh_is_integer(qpdf, flags) != 0 { here.flags = Int(qpdf_oh_get_int_value_as_int(qpdf, flags)) }
        if qpdf_oh_has_key(qpdf, node, "/V") != 0 { here.value = qpdf_oh_get_key(qpdf, node, "/V") }

        // Kids with a /T are fields; kids without are this field's widgets.
        let kids = qpdf_oh_get_key(qpdf, node, "/Kids")
        var childFields: [qpdf_oh] = []
        if qpdf_oh_is_array(qpdf, kids) != 0 {
            for index in 0..<qpdf_oh_get_array_n_items(qpdf, kids) {
                let kid = qpdf_oh_get_array_item(qpdf, kids, index)
                if qpdf_oh_has_key(qpdf, kid, "/T") != 0 { childFields.append(kid) }
            }
        }
        if childFields.isEmpty {
            fields.append(FilledField(name: here.name.joined(separator: "."), type: here.type, flags: here.flags,
                                      value: value(here.value)))
        } else {
            for kid in childFields { visit(kid, inherited: here) }
        }
    }

    func value(_ handle: qpdf_oh?) -> FilledValue {
        guard let handle else { return .none }
        if let name = name(handle) { return .name(name) }
        if let text = text(handle) { return .text(AcroFormReader.unifyLineEnds(text)) }
        if qpdf_oh_is_array(qpdf, handle) != 0 {
            let items = (0..<qpdf_oh_get_array_n_items(qpdf, handle)).compactMap { text(qpdf_oh_get_array_item(qpdf, handle, $0)) }
            return .texts(items.map(AcroFormReader.unifyLineEnds))
        }
        return .none
    }

    func name(_ handle: qpdf_oh) -> String? { QPDFReading.name(qpdf, handle) }
    func text(_ handle: qpdf_oh) -> String? { QPDFReading.text(qpdf, handle) }
}
