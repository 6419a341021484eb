/// What can go wrong reading a PDF someone gave swan (`swan import`, `swan archive`): qpdf could
/// not read it, or it asked for more than the reading budgets allow (PDFReadLimits).
package import SwanDiagnostics
import SwanIO
import SwanLayout

package enum PDFReadError: Error, Equatable, Sendable, CustomStringConvertible, DiagnosticConvertible {
    /// qpdf's own words (English), at a byte of the file when it said where.
    case unreadable(reason: String, position: Int?)
    case empty
    case objectStreamTooLarge(object: Int, limit: Int)
    case objectStreamNested(object: Int)
    case decodedTooMuch(limit: Int)
    case attachmentTooLarge(name: String, limit: Int)
    case attachmentUndecodable(name: String)
    case attachmentMissing(name: String)
    case attachmentSizeMismatch(name: String, size: Int, declared: Int)
    case tooManyAttachments(limit: Int)
    case fieldsTooDeep(limit: Int)
    case tooManyFields(limit: Int)
    case fieldNameTooLong(limit: Int)
    case fieldTextTooLarge(limit: Int)

    package var message: Message {
        switch self {
        case .unreadable(let reason, nil): Message(EngineCode.pdfReading, ["reason": EchoedValue.argument(reason, limit: 300)])
        case .unreadable(let reason, let position?):
            Message(EngineCode.pdfUnreadableAt, ["reason": EchoedValue.argument(reason, limit: 300), "position": "\(position)"])
        case .empty: Message(EngineCode.pdfEmpty)
        case .objectStreamTooLarge(let object, let limit):
            Message(EngineCode.pdfObjectStreamTooLarge, ["object": "\(object)", "limit": "\(ByteCount.words(limit))"])
        case .objectStreamNested(let object): Message(EngineCode.pdfObjectStreamNested, ["object": "\(object)"])
        case .decodedTooMuch(let limit): Message(EngineCode.pdfDecodedTooMuch, ["limit": "\(ByteCount.words(limit))"])
        case .attachmentTooLarge(let name, let limit):
            Message(EngineCode.pdfAttachmentTooLarge, ["name": EchoedValue.argument(name), "limit": "\(ByteCount.words(limit))"])
        case .attachmentUndecodable(let name): Message(EngineCode.pdfAttachmentUndecodable, ["name": EchoedValue.argument(name)])
        case .attachmentMissing(let name): Message(EngineCode.pdfAttachmentMissing, ["name": EchoedValue.argument(name)])
        case .attachmentSizeMismatch(let name, let size, let declared):
            Message(EngineCode.pdfAttachmentSizeMismatch, ["name": EchoedValue.argument(name), "size": "\(size)", "declared": "\(declared)"])
        case .tooManyAttachments(let limit): Message(EngineCode.pdfTooManyAttachments, ["limit": "\(limit)"])
        case .fieldsTooDeep(let limit): Message(EngineCode.pdfFieldsTooDeep, ["limit": "\(limit)"])
        case .tooManyFields(let limit): Message(EngineCode.pdfTooManyFields, ["limit": "\(limit)"])
        case .fieldNameTooLong(let limit): Message(EngineCode.pdfFieldNameTooLong, ["limit": "\(limit)"])
        case .fieldTextTooLarge(let limit): Message(EngineCode.pdfFieldTextTooLarge, ["limit": "\(ByteCount.words(limit))"])
        }
    }

    package var description: String { Catalogue.current.text(message) }
    package var diagnostics: [Diagnostic] { [Diagnostic(.error, message)] }
}

/// The reading budgets: what a PDF swan reads may cost at most. Our own forms need a small part
/// of each (the blank invulblad: about 300 fields, 4 levels, no object stream over 100 KB).
package struct PDFReadLimits: Sendable {
    /// Decoded bytes of one object stream.
    package var objectStream = 8 << 20
    /// Decoded bytes of every stream swan decodes in one file, together.
    package var decoded = 48 << 20
    /// Levels of the field tree.
    package var depth = 32
    /// Terminal fields.
    package var fields = 20_000
    /// Bytes of one field's full name.
    package var name = 1_000
    /// Bytes of all field names and values together.
    package var text = 32 << 20
    /// Associated files listed in /AF.
    package var attachments = 64

    package init() {}
    package static let standard = PDFReadLimits()
}
