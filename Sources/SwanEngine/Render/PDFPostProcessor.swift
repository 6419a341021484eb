/// What cairo cannot write: TrimBox and BleedBox per page, and the viewer preferences that make
/// print dialogs pick duplex and 100 % scale. Added with qpdf's library on the finished file,
/// which also gives the file a deterministic /ID.
import Foundation
internal import CQPDF

enum PDFPostProcessor {
    static func finish(_ input: URL, into output: URL, pages: [Page], info: DocumentInfo) throws {
        var handle: qpdf_data? = qpdf_init()
        guard let qpdf = handle else { throw EngineError.pdfPostProcessing(path: output.path, reason: "qpdf_init failed") }
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(qpdf)
        try check(qpdf, qpdf_read(qpdf, input.path, nil), output)

        let count = Int(qpdf_get_num_pages(qpdf))
        for index in 0..<min(count, pages.count) {
            let page = pages[index]
            let object = qpdf_get_page_n(qpdf, index)
            if let trim = page.trimBox { qpdf_oh_replace_key(qpdf, object, "/TrimBox", box(qpdf, trim, pageHeight: page.size.height)) }
            if let bleed = page.bleedBox { qpdf_oh_replace_key(qpdf, object, "/BleedBox", box(qpdf, bleed, pageHeight: page.size.height)) }
        }
        var preferences: [String] = []
        if let duplex = info.duplex { preferences.append("/Duplex /\(duplex.rawValue)") }
        if info.printAtActualSize { preferences.append("/PrintScaling /None") }
        if !preferences.isEmpty {
            let dictionary = qpdf_oh_parse(qpdf, "<< \(preferences.joined(separator: " ")) >>")
            qpdf_oh_replace_key(qpdf, qpdf_get_root(qpdf), "/ViewerPreferences", dictionary)
        }
        try check(qpdf, qpdf_init_write(qpdf, output.path), output)
        qpdf_set_deterministic_ID(qpdf, QPDF_TRUE)
        try check(qpdf, qpdf_write(qpdf), output)
    }

    /// A PDF rectangle [llx lly urx ury]: PDF's y axis grows upwards from the page's bottom.
    private static func box(_ qpdf: qpdf_data, _ rect: Rect, pageHeight: Double) -> qpdf_oh {
        let array = qpdf_oh_new_array(qpdf)
        for value in [rect.minX, pageHeight - rect.maxY, rect.maxX, pageHeight - rect.minY] {
            qpdf_oh_append_item(qpdf, array, qpdf_oh_new_real_from_double(qpdf, value, 4))
        }
        return array
    }

    private static func check(_ qpdf: qpdf_data, _ code: QPDF_ERROR_CODE, _ output: URL) throws {
        guard code & QPDF_ERRORS != 0 else { return }
        var reason = "qpdf error"
        if qpdf_has_error(qpdf) != 0, let error = qpdf_get_error(qpdf), let text = qpdf_get_error_full_text(qpdf, error) {
            reason = String(cString: text)
        }
        throw EngineError.pdfPostProcessing(path: output.path, reason: reason)
    }
}
