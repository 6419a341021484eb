/// A thin one-pass PDF serializer, after typst's pdf-writer: object numbers are allocated up
/// front, each object is written once into one byte buffer, and the cross-reference table is
/// computed from the recorded offsets at the end. No object graph is kept.
import Foundation
import SwanLayout

/// An indirect object number.
struct PDFRef: Hashable, Sendable {
    let number: Int
}

struct PDFSerializer {
    private(set) var bytes: [UInt8] = []
    private var offsets: [Int] = [0]  // offsets[n] is object n's; 0 is the free-list head
    /// Objects waiting for an object stream (`packedObject`), and where packed objects went:
    /// object number -> (the object stream's number, the index in it).
    private var packed: [(number: Int, bytes: [UInt8])] = []
    private var compressed: [Int: (stream: Int, index: Int)] = [:]

    /// `version`: the header's PDF version (PDF/X-4 files say 1.6, the newest it allows).
    init(capacity: Int = 64 * 1024, version: String = "1.7") {
        bytes.reserveCapacity(capacity)
        // Header, and a binary comment so that transfer tools treat the file as binary.
        raw("%PDF-\(version)\n%\u{00E2}\u{00E3}\u{00CF}\u{00D3}\n".unicodeScalars.map { UInt8($0.value) })
    }

    /// A new object number, to be written later with `object(_:)`.
    mutating func allocate() -> PDFRef {
        offsets.append(-1)
        return PDFRef(number: offsets.count - 1)
    }

    /// Writes `ref`'s object: `body` appends the object's value.
    mutating func object(_ ref: PDFRef, _ body: (inout PDFSerializer) -> Void) {
        offsets[ref.number] = bytes.count
        int(ref.number); raw(" 0 obj\n")
        body(&self)
        raw("\nendobj\n")
    }

    /// Writes `ref` as a stream with `dictionary` entries (without /Length, which is added).
    mutating func stream(_ ref: PDFRef, dictionary: (inout PDFSerializer) -> Void, data: [UInt8]) {
        object(ref) { w in
            w.raw("<<"); dictionary(&w); w.raw("/Length "); w.int(data.count); w.raw(">>\nstream\n")
            w.raw(data)
            // The EOL before endstream is not counted in /Length (ISO 32000-1 7.3.8.1).
            w.raw("\nendstream")
        }
    }

    /// Writes `ref`'s object (no stream) into the next object stream instead of the file: a
    /// structure tree is hundreds of small dictionaries, which compress to a tenth together.
    /// The file then ends with a cross-reference stream (PDF 1.5; not for PDF/A-1 readers).
    mutating func packedObject(_ ref: PDFRef, _ body: (inout PDFSerializer) -> Void) {
        var w = PDFSerializer.fragment()
        body(&w)
        packed.append((ref.number, w.bytes))
        offsets[ref.number] = 0
    }

    /// Writes the objects given to `packedObject` since the last call as one object stream.
    mutating func writeObjectStream() {
        guard !packed.isEmpty else { return }
        let stream = allocate()
        var header: [UInt8] = [], body: [UInt8] = []
        for (index, object) in packed.enumerated() {
            PDFNumber.appendInteger(object.number, to: &header); header.append(0x20)
            PDFNumber.appendInteger(body.count, to: &header); header.append(0x20)
            body += object.bytes; body.append(0x0A)
            compressed[object.number] = (stream.number, index)
        }
        let count = packed.count
        packed = []
        self.stream(stream, dictionary: { w in
            w.raw("/Type/ObjStm/N "); w.int(count); w.raw("/First "); w.int(header.count); w.raw("/Filter/FlateDecode")
        }, data: PDFDeflate.compress(header + body, level: PDFDeflate.documentLevel))
    }

    /// Ends the file: xref table, trailer with /Root, /Info and /ID (a cross-reference stream
    /// carrying the same when objects were packed into object streams).
    mutating func finish(root: PDFRef, info: PDFRef, id: [UInt8]) -> [UInt8] {
        precondition(packed.isEmpty, "every packed PDF object is written in an object stream")
        if !compressed.isEmpty { return finishWithStream(root: root, info: info, id: id) }
        let xref = bytes.count
        raw("xref\n0 "); int(offsets.count); raw("\n0000000000 65535 f \n")
        for offset in offsets.dropFirst() {
            precondition(offset >= 0, "every allocated PDF object is written")
            let digits = String(offset)
            raw(String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n")
        }
        raw("trailer\n<</Size "); int(offsets.count)
        raw("/Root "); ref(root); raw("/Info "); ref(info)
        raw("/ID[<"); hex(id); raw("><"); hex(id); raw(">]>>\nstartxref\n"); int(xref); raw("\n%%EOF\n")
        return bytes
    }

    /// The cross-reference stream (ISO 32000-1 7.5.8): per object its type (0 free, 1 at an
    /// offset, 2 in an object stream), then the offset or stream number (4 bytes), then the
    /// generation or index (2 bytes).
    private mutating func finishWithStream(root: PDFRef, info: PDFRef, id: [UInt8]) -> [UInt8] {
        let xrefRef = allocate()
        let xref = bytes.count
        offsets[xrefRef.number] = xref
        var table: [UInt8] = []
        table.reserveCapacity(offsets.count * 7)
        func append(_ type: UInt8, _ field: Int, _ small: Int) {
            table.append(type)
            for shift in [24, 16, 8, 0] { table.append(UInt8((field >> shift) & 0xFF)) }
            table.append(UInt8((small >> 8) & 0xFF)); table.append(UInt8(small & 0xFF))
        }
        append(0, 0, 0xFFFF)
        for number in offsets.indices.dropFirst() {
            if let place = compressed[number] { append(2, place.stream, place.index); continue }
            precondition(offsets[number] >= 0, "every allocated PDF object is written")
            append(1, offsets[number], 0)
        }
        int(xrefRef.number); raw(" 0 obj\n<</Type/XRef/Size "); int(offsets.count); raw("/W[1 4 2]")
        raw("/Root "); ref(root); raw("/Info "); ref(info)
        raw("/ID[<"); hex(id); raw("><"); hex(id); raw(">]/Length "); int(table.count); raw(">>\nstream\n")
        raw(table)
        raw("\nendstream\nendobj\nstartxref\n"); int(xref); raw("\n%%EOF\n")
        return bytes
    }

    // MARK: values

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }
    mutating func raw<C: Collection>(_ data: C) where C.Element == UInt8 { bytes.append(contentsOf: data) }
    mutating func int(_ value: Int) { PDFNumber.appendInteger(value, to: &bytes) }
    mutating func number(_ value: Double, decimals: Int = 3) { PDFNumber.append(value, decimals: decimals, to: &bytes) }
    mutating func ref(_ ref: PDFRef) { int(ref.number); raw(" 0 R") }
    /// A name from ASCII letters and digits (all names swan writes are such).
    mutating func name(_ name: String) { bytes.append(0x2F); raw(name) }

    mutating func hex(_ data: [UInt8]) {
        for byte in data { bytes.append(Self.hexDigits[Int(byte >> 4)]); bytes.append(Self.hexDigits[Int(byte & 15)]) }
    }

    /// A text string (ISO 32000-1 7.9.2.2): printable ASCII as a literal string, anything else as
    /// UTF-16BE with a byte order mark, in hex.
    mutating func textString(_ text: String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            bytes.append(0x28)
            for byte in text.utf8 {
                if byte == 0x28 || byte == 0x29 || byte == 0x5C { bytes.append(0x5C) }
                bytes.append(byte)
            }
            bytes.append(0x29)
        } else {
            raw("<FEFF"); hex(Self.utf16BE(text)); raw(">")
        }
    }

    static func utf16BE(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 { out.append(UInt8(unit >> 8)); out.append(UInt8(unit & 0xFF)) }
        return out
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// A serializer for a piece of an object (no header), read back with `fragmentText`.
    static func fragment() -> PDFSerializer {
        var w = PDFSerializer(capacity: 256)
        w.bytes.removeAll(keepingCapacity: true)
        return w
    }
    var fragmentText: String { String(decoding: bytes, as: UTF8.self) }
}
