/// Opening a PDF's bytes with libqpdf for reading, shared by the readers of forms and of
/// attachments: errors silenced into EngineError.pdfReading, the handle always cleaned up.
import Foundation
internal import CQPDF

enum QPDFReading {
    /// Runs `body` on the PDF in `data`; throws when the bytes are not a readable PDF or qpdf
    /// reported an error while `body` ran.
    static func read<T>(_ data: Data, _ body: (qpdf_data) throws -> T) throws -> T {
        var handle: qpdf_data? = qpdf_init()
        guard let qpdf = handle else { throw EngineError.pdfReading(reason: "qpdf_init failed") }
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(qpdf)
        // qpdf's own warnings (repairs it made) would print under a made-up file name; what
        // matters is checked here, and a PDF qpdf cannot read is an error.
        qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> T in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), !bytes.isEmpty else {
                throw EngineError.pdfReading(reason: "the file is empty")
            }
            let code = qpdf_read_memory(qpdf, "input.pdf", base, UInt64(bytes.count), nil)
            if code & QPDF_ERRORS != 0 { throw EngineError.pdfReading(reason: errorText(qpdf)) }
            let result = try body(qpdf)
            if qpdf_has_error(qpdf) != 0 { throw EngineError.pdfReading(reason: errorText(qpdf)) }
            return result
        }
    }

    static func errorText(_ qpdf: qpdf_data) -> String {
        if qpdf_has_error(qpdf) != 0, let error = qpdf_get_error(qpdf), let text = qpdf_get_error_full_text(qpdf, error) {
            return String(cString: text)
        }
        return "not a readable PDF"
    }

    /// A name object without its slash; nil for anything else.
    static func name(_ qpdf: qpdf_data, _ handle: qpdf_oh) -> String? {
        guard qpdf_oh_is_name(qpdf, handle) != 0, let raw = qpdf_oh_get_name(qpdf, handle) else { return nil }
        return String(String(cString: raw).dropFirst())
    }

    /// A string object as Unicode; length-aware, so a U+0000 inside does not cut it short.
    static func text(_ qpdf: qpdf_data, _ handle: qpdf_oh) -> String? {
        guard qpdf_oh_is_string(qpdf, handle) != 0 else { return nil }
        var length = 0
        guard let bytes = qpdf_oh_get_binary_utf8_value(qpdf, handle, &length) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
