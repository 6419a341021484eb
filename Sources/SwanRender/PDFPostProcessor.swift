/// What cairo cannot write: TrimBox and BleedBox per page, and the viewer preferences that make
/// print dialogs pick duplex and 100 % scale. Added with qpdf's library to cairo's finished bytes
/// in memory, which also gives the file a deterministic /ID. Only the cairo path needs this: the
/// native writer writes boxes and preferences itself.
import Foundation
import SwanLayout
internal import CQPDF

enum PDFPostProcessor {
    static func finish(_ input: Data, pages: [Page], info: DocumentInfo) throws -> Data {
        var handle: qpdf_data? = qpdf_init()
        guard let qpdf = handle else { throw EngineError.coded(.qpdfUnavailable, [:]) }
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(qpdf)
        // qpdf reads the buffer lazily, until qpdf_write is done: keep `input` alive till then.
        return try input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data in
            let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            try check(qpdf, qpdf_read_memory(qpdf, "cairo.pdf", base, UInt64(bytes.count), nil))
            return try edit(qpdf, pages: pages, info: info)
        }
    }

    private static func edit(_ qpdf: qpdf_data, pages: [Page], info: DocumentInfo) throws -> Data {
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
        if let range = info.printPageRange { preferences.append("/PrintPageRange [\(range.lowerBound) \(range.upperBound)]") }
        if !preferences.isEmpty {
            let dictionary = qpdf_oh_parse(qpdf, "<< \(preferences.joined(separator: " ")) >>")
            qpdf_oh_replace_key(qpdf, qpdf_get_root(qpdf), "/ViewerPreferences", dictionary)
        }
        try check(qpdf, qpdf_init_write_memory(qpdf))
        qpdf_set_deterministic_ID(qpdf, QPDF_TRUE)
        try check(qpdf, qpdf_write(qpdf))
        guard let buffer = qpdf_get_buffer(qpdf) else { throw EngineError.coded(.qpdfWroteNothing, [:]) }
        return Data(bytes: buffer, count: qpdf_get_buffer_length(qpdf))
    }

    /// A PDF rectangle [llx lly urx ury]: PDF's y axis grows upwards from the page's bottom.
    private static func box(_ qpdf: qpdf_data, _ rect: Rect, pageHeight: Double) -> qpdf_oh {
        let array = qpdf_oh_new_array(qpdf)
        for value in [rect.minX, pageHeight - rect.maxY, rect.maxX, pageHeight - rect.minY] {
            qpdf_oh_append_item(qpdf, array, qpdf_oh_new_real_from_double(qpdf, value, 4))
        }
        return array
    }

    private static func check(_ qpdf: qpdf_data, _ code: QPDF_ERROR_CODE) throws {
        guard code & QPDF_ERRORS != 0 else { return }
        var reason = "qpdf error"
        if qpdf_has_error(qpdf) != 0, let error = qpdf_get_error(qpdf), let text = qpdf_get_error_full_text(qpdf, error) {
            reason = String(cString: text)
        }
        throw EngineError.pdfPostProcessing(reason: reason)
    }
}
