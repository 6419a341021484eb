/// A PDF opened for reading within budgets (PDFReadLimits): the C++ reader in libswanqpdf
/// (SwanQPDFLibrary, loaded on first use by QPDFLibrary) measures
/// every object stream before qpdf expands it, decodes an attachment through a counting pipeline
/// that stops at its limit, and walks the field tree without recursion. Nothing is printed:
/// every problem is a PDFReadError.
package import Foundation
package import SwanLayout
internal import CSwanQPDF
import SwanQPDF

package final class BudgetedPDF {
    private let handle: OpaquePointer
    private let api: swan_qpdf_api
    package let limits: PDFReadLimits

    /// One associated file with /AFRelationship /Source, before it is decoded.
    package struct SourceFile: Sendable, Equatable {
        package var index: Int
        /// The file name (/UF, else /F).
        package var name: String
        /// The media type (/Subtype of the EmbeddedFile stream), e.g. `application/json`.
        package var mediaType: String?
        /// /Params /Size, when the file says it.
        package var declaredSize: Int?
    }

    /// Opens `data`; throws when qpdf cannot read it or an object stream is over budget.
    package init(_ data: Data, limits: PDFReadLimits = .standard) throws {
        guard !data.isEmpty else { throw PDFReadError.empty }
        let api = try QPDFLibrary.api()
        self.api = api
        self.limits = limits
        var cLimits = swan_pdf_limits(object_stream_limit: limits.objectStream, decoded_limit: limits.decoded,
                                      depth_limit: limits.depth, field_limit: limits.fields, name_limit: limits.name,
                                      text_limit: limits.text, file_limit: limits.attachments)
        var error = swan_pdf_error()
        let opened = data.withUnsafeBytes { bytes in api.pdf_open(bytes.baseAddress, bytes.count, &cLimits, &error) }
        guard let opened else { throw Self.error(error, name: "") }
        handle = opened
    }

    deinit { api.pdf_close(handle) }

    /// Every terminal field of the form, in the order of /AcroForm /Fields and /Kids; empty
    /// when the PDF has no form.
    package func fields() throws -> [FilledField] {
        final class Collected { var fields: [FilledField] = [] }
        let collected = Collected()
        var error = swan_pdf_error()
        let status = withExtendedLifetime(collected) {
            api.pdf_fields(handle, { context, field in
                guard let context, let field else { return }
                Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue().fields.append(BudgetedPDF.field(field.pointee))
            }, Unmanaged.passUnretained(collected).toOpaque(), &error)
        }
        if status != 0 { throw Self.error(error, name: "") }
        return collected.fields
    }

    /// The associated files with /AFRelationship /Source in the order of the catalog's /AF, each
    /// file once, none decoded yet.
    package func sourceFiles() throws -> [SourceFile] {
        var error = swan_pdf_error()
        let count = api.pdf_source_files(handle, &error)
        if count < 0 { throw Self.error(error, name: "") }
        return (0..<Int(count)).compactMap { index in
            var info = swan_pdf_source_file()
            guard api.pdf_source_file_info(handle, index, &info) == 0 else { return nil }
            return SourceFile(index: index, name: Self.string(info.name, info.name_length),
                              mediaType: info.media_type.map { String(cString: $0) },
                              declaredSize: info.declared_size >= 0 ? Int(info.declared_size) : nil)
        }
    }

    /// The file's bytes with its filters undone, at most `limit` of them; an error when it is
    /// larger (or says it is), cannot be decoded, or differs from its /Params /Size.
    package func data(of file: SourceFile, limit: Int) throws -> Data {
        var error = swan_pdf_error()
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard api.pdf_source_file_data(handle, file.index, limit, &buffer, &length, &error) == 0, let buffer else {
            throw Self.error(error, name: file.name)
        }
        defer { api.free_buffer(buffer) }
        if let declared = file.declaredSize, declared != length {
            throw PDFReadError.attachmentSizeMismatch(name: file.name, size: length, declared: declared)
        }
        return Data(bytes: buffer, count: length)
    }

    private static func field(_ field: swan_pdf_field) -> FilledField {
        let values = (0..<field.value_count).map { string(field.values[$0], field.value_lengths[$0]) }
        let value: FilledValue
        switch field.value_kind {
        case SWAN_PDF_VALUE_TEXT: value = .text(AcroFormReader.unifyLineEnds(values.first ?? ""))
        case SWAN_PDF_VALUE_NAME: value = .name(values.first ?? "")
        case SWAN_PDF_VALUE_TEXTS: value = .texts(values.map(AcroFormReader.unifyLineEnds))
        default: value = .none
        }
        return FilledField(name: string(field.name, field.name_length), type: field.type.map { String(cString: $0) },
                           flags: Int(field.flags), value: value,
                           onStates: (0..<field.on_state_count).map { string(field.on_states[$0], field.on_state_lengths[$0]) })
    }

    private static func string(_ bytes: UnsafePointer<CChar>?, _ count: Int) -> String {
        guard let bytes else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private static func error(_ error: swan_pdf_error, name: String) -> PDFReadError {
        let limit = Int(error.limit)
        switch error.status {
        case SWAN_PDF_OBJECT_STREAM_TOO_LARGE: return .objectStreamTooLarge(object: Int(error.number), limit: limit)
        case SWAN_PDF_OBJECT_STREAM_NESTED: return .objectStreamNested(object: Int(error.number))
        case SWAN_PDF_DECODED_TOO_MUCH: return .decodedTooMuch(limit: limit)
        case SWAN_PDF_FILE_TOO_LARGE: return .attachmentTooLarge(name: name, limit: limit)
        case SWAN_PDF_FILE_UNDECODABLE: return .attachmentUndecodable(name: name)
        case SWAN_PDF_FILE_MISSING: return .attachmentMissing(name: name)
        case SWAN_PDF_FIELDS_TOO_DEEP: return .fieldsTooDeep(limit: limit)
        case SWAN_PDF_TOO_MANY_FIELDS: return .tooManyFields(limit: limit)
        case SWAN_PDF_NAME_TOO_LONG: return .fieldNameTooLong(limit: limit)
        case SWAN_PDF_TEXT_TOO_LARGE: return .fieldTextTooLarge(limit: limit)
        case SWAN_PDF_TOO_MANY_FILES: return .tooManyAttachments(limit: limit)
        default:
            let detail = withUnsafeBytes(of: error.detail) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            return .unreadable(reason: detail.isEmpty ? "not a readable PDF" : detail,
                               position: error.position >= 0 ? Int(error.position) : nil)
        }
    }
}
