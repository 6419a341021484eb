/// Reads the filled-in fields of a PDF form (an AcroForm) back out of any reader's saved file:
/// Chrome/PDFium rewrites the whole file, pdf.js and poppler append incremental updates; qpdf
/// reads all of them. Values are decoded exactly (UTF-16BE/LE, UTF-8, PDFDocEncoding, through
/// qpdf_oh_get_binary_utf8_value) and only line ends are unified: CR LF and CR become LF.
package import Foundation
package import SwanLayout

package enum AcroFormReader {
    /// Every terminal field of the form in `data`, in the order of /AcroForm /Fields and /Kids.
    /// An empty list when the PDF has no form; throws (PDFReadError) when the bytes are not a
    /// readable PDF or ask for more than `limits`.
    package static func fields(in data: Data, limits: PDFReadLimits = .standard) throws -> [FilledField] {
        try BudgetedPDF(data, limits: limits).fields()
    }

    /// Text exactly as typed, with every line end as LF (PDFium stores line breaks as CR LF,
    /// other readers as CR or LF). Nothing else changes: no trimming, no normalisation.
    package static func unifyLineEnds(_ text: String) -> String {
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
