/// Reads the filled-in fields of a PDF form (an AcroForm) back out of any reader's saved file:
/// Chrome/PDFium rewrites the whole file, pdf.js and poppler append incremental updates; qpdf
/// reads all of them. Values are decoded exactly (UTF-16BE/LE, UTF-8, PDFDocEncoding, through
/// qpdf_oh_get_binary_utf8_value) and only line ends are unified: CR LF and CR become LF.
import Foundation

/// One terminal field of a filled form, with what it inherited from its parents.
public struct FilledField: Equatable, Sendable {
    /// The fully qualified name: partial names joined with periods (`ronde1.sociale-cohesie.toelichting`).
    public var name: String
    /// The field type: `Tx`, `Btn`, `Ch` or `Sig`; nil when neither the field nor a parent has one.
    public var type: String?
    /// The field flags (/Ff), inherited.
    public var flags: Int
    public var value: FilledValue
    /// The states that tick this field: the names in its widgets' /AP /N other than /Off (a
    /// checkbox has one, `Yes` in our forms; a radio group one per button).
    public var onStates: [String]

    public init(name: String, type: String?, flags: Int, value: FilledValue, onStates: [String] = []) {
        self.name = name; self.type = type; self.flags = flags; self.value = value; self.onStates = onStates
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
    /// An empty list when the PDF has no form; throws (PDFReadError) when the bytes are not a
    /// readable PDF or ask for more than `limits`.
    public static func fields(in data: Data, limits: PDFReadLimits = .standard) throws -> [FilledField] {
        try BudgetedPDF(data, limits: limits).fields()
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
