/// Reads the files a PDF carries as associated files (PDF/A-3 /AF): the archive puts the session
/// file it was rendered from there, with /AFRelationship /Source, so that `swan import` can give
/// it back byte for byte.
import Foundation
internal import CQPDF

/// One embedded file, decoded (its filters undone), as it was before it was embedded.
public struct EmbeddedSourceFile: Equatable, Sendable {
    /// The file name (/UF, else /F).
    public var name: String
    /// The media type (/Subtype of the EmbeddedFile stream), e.g. `application/json`.
    public var mediaType: String?
    public var data: Data
}

public enum PDFAttachmentReader {
    /// The document's associated files whose relationship is /Source, in the order of the
    /// catalog's /AF. An empty list when there are none; throws when the PDF cannot be read, or
    /// an embedded file is damaged (cannot be decoded, or its length differs from /Params /Size).
    public static func sourceFiles(in data: Data) throws -> [EmbeddedSourceFile] {
        try QPDFReading.read(data) { qpdf in
            let list = qpdf_oh_get_key(qpdf, qpdf_get_root(qpdf), "/AF")
            guard qpdf_oh_is_array(qpdf, list) != 0 else { return [] }
            var files: [EmbeddedSourceFile] = []
            for index in 0..<qpdf_oh_get_array_n_items(qpdf, list) {
                let spec = qpdf_oh_get_array_item(qpdf, list, index)
                guard qpdf_oh_is_dictionary(qpdf, spec) != 0,
                      QPDFReading.name(qpdf, qpdf_oh_get_key(qpdf, spec, "/AFRelationship")) == "Source" else { continue }
                let embedded = qpdf_oh_get_key_if_dict(qpdf, spec, "/EF")
                var stream = qpdf_oh_get_key_if_dict(qpdf, embedded, "/UF")
                if qpdf_oh_is_stream(qpdf, stream) == 0 { stream = qpdf_oh_get_key_if_dict(qpdf, embedded, "/F") }
                let name = QPDFReading.text(qpdf, qpdf_oh_get_key(qpdf, spec, "/UF"))
                    ?? QPDFReading.text(qpdf, qpdf_oh_get_key(qpdf, spec, "/F")) ?? ""
                guard qpdf_oh_is_stream(qpdf, stream) != 0 else {
                    throw EngineError.pdfReading(reason: "the associated file '\(name)' has no embedded data")
                }
                let bytes = try decoded(qpdf, stream, name: name)
                let size = qpdf_oh_get_key_if_dict(qpdf, qpdf_oh_get_key_if_dict(qpdf, qpdf_oh_get_dict(qpdf, stream), "/Params"), "/Size")
                if qpdf_oh_is_integer(qpdf, size) != 0, qpdf_oh_get_int_value(qpdf, size) != Int64(bytes.count) {
                    throw EngineError.pdfReading(reason: "the associated file '\(name)' is \(bytes.count) bytes, its /Size says \(qpdf_oh_get_int_value(qpdf, size))")
                }
                let type = QPDFReading.name(qpdf, qpdf_oh_get_key(qpdf, qpdf_oh_get_dict(qpdf, stream), "/Subtype"))
                files.append(EmbeddedSourceFile(name: name, mediaType: type, data: bytes))
            }
            return files
        }
    }

    /// The stream's data with its general-purpose filters (Flate and the like) undone; an
    /// error when one of them cannot be.
    private static func decoded(_ qpdf: qpdf_data, _ stream: qpdf_oh, name: String) throws -> Data {
        var filtered: QPDF_BOOL = QPDF_FALSE
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        let code = qpdf_oh_get_stream_data(qpdf, stream, qpdf_dl_generalized, &filtered, &buffer, &length)
        defer { free(buffer) }
        guard code & QPDF_ERRORS == 0, filtered != QPDF_FALSE else {
            throw EngineError.pdfReading(reason: "the associated file '\(name)' cannot be decoded")
        }
        guard let buffer else { return Data() }
        return Data(bytes: buffer, count: length)
    }
}
