/// What cairo cannot write: TrimBox and BleedBox per page, and the viewer preferences that make
/// print dialogs pick duplex and 100 % scale. Added with qpdf's library to cairo's finished bytes
/// in memory, which also gives the file a deterministic /ID: the qpdf calls are in libswanqpdf
/// (SwanQPDFLibrary/cairo_finish.c, loaded on first use by QPDFLibrary). Only the cairo path
/// needs this: the native writer writes boxes and preferences itself.
import Foundation
import SwanLayout
internal import CSwanQPDF
import SwanQPDF

enum PDFPostProcessor {
    static func finish(_ input: Data, pages: [Page], info: DocumentInfo) throws -> Data {
        let api = try QPDFLibrary.api()
        let boxes = pages.map { page in
            var boxes = swan_qpdf_page_boxes()
            if let trim = page.trimBox { boxes.has_trim_box = 1; boxes.trim_box = rectangle(trim, pageHeight: page.size.height) }
            if let bleed = page.bleedBox { boxes.has_bleed_box = 1; boxes.bleed_box = rectangle(bleed, pageHeight: page.size.height) }
            return boxes
        }
        var preferences: [String] = []
        if let duplex = info.duplex { preferences.append("/Duplex /\(duplex.rawValue)") }
        if info.printAtActualSize { preferences.append("/PrintScaling /None") }
        if let range = info.printPageRange { preferences.append("/PrintPageRange [\(range.lowerBound) \(range.upperBound)]") }
        let dictionary = preferences.isEmpty ? nil : "<< \(preferences.joined(separator: " ")) >>"
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let detailSize = 512
        var detail = [CChar](repeating: 0, count: detailSize)
        let status = input.withUnsafeBytes { bytes in
            withOptionalCString(dictionary) { dictionary in
                api.finish_cairo(bytes.baseAddress, bytes.count, boxes, boxes.count, dictionary, &output, &length, &detail, detailSize)
            }
        }
        defer { api.free_buffer(output) }
        switch status {
        case SWAN_QPDF_FINISHED:
            guard let output else { throw EngineError.coded(.qpdfWroteNothing, [:]) }
            return Data(bytes: output, count: length)
        case SWAN_QPDF_NOT_INITIALISED: throw EngineError.coded(.qpdfUnavailable, [:])
        case SWAN_QPDF_WROTE_NOTHING: throw EngineError.coded(.qpdfWroteNothing, [:])
        default:
            let reason = String(decoding: detail.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw EngineError.pdfPostProcessing(reason: reason.isEmpty ? "qpdf error" : reason)
        }
    }

    /// A PDF rectangle [llx lly urx ury]: PDF's y axis grows upwards from the page's bottom.
    private static func rectangle(_ rect: Rect, pageHeight: Double) -> (Double, Double, Double, Double) {
        (rect.minX, pageHeight - rect.maxY, rect.maxX, pageHeight - rect.minY)
    }

    private static func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let string else { return body(nil) }
        return string.withCString { body($0) }
    }
}
