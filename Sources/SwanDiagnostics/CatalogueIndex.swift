/// One catalogue file kept as its bytes with an index of its codes, so that starting a process
/// costs one pass over the file: no string is made for a message until it is worded (a filled
/// invulblad words one "wrote" line and the help texts ArgumentParser asks for). Each code maps,
/// by a 64-bit hash of its bytes, to the line that defines it last; a lookup words that one line
/// with `Catalogue.parseLine`, the rule the whole-file parse uses, and compares its code, so the
/// answer is the parse's.
final class CatalogueIndex: Sendable {
    private let bytes: [UInt8]
    /// Code hash -> the byte range of the line that defines the code (the last one).
    private let lines: [UInt64: Range<Int>]
    /// Set when two codes share a hash (never seen; handled): then every lookup uses the parse.
    private let parsed: [String: String]?

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var lines: [UInt64: Range<Int>] = [:]
        lines.reserveCapacity(1024)
        var collided = false
        Self.eachLine(of: bytes) { line in
            guard let code = Self.codeBytes(of: line, in: bytes) else { return }
            let key = Self.hash(code)
            if let earlier = lines[key], !Self.sameCode(earlier, code, in: bytes) { collided = true }
            lines[key] = line
        }
        self.bytes = bytes
        self.lines = lines
        parsed = collided ? Catalogue.parse(text).entries : nil
    }

    /// The text of `code`, trimmed; nil when the file does not define it.
    func template(_ code: String) -> String? {
        if let parsed { return parsed[code] }
        var code = code
        return code.withUTF8 { wanted -> String? in
            guard let line = lines[Self.hash(wanted)],
                  let entry = Catalogue.parseLine(bytes[line]), entry.code.utf8.elementsEqual(wanted) else { return nil }
            return entry.value
        }
    }

    private static func eachLine(of bytes: [UInt8], _ body: (Range<Int>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start { body(start..<end) }
                start = end + 1
            }
        }
    }

    /// The code a line defines, as bytes: what `Catalogue.parseLine` finds (text before the first
    /// '=', spaces and tabs trimmed; comment and empty lines none). A line whose code or indent
    /// begins or ends in a byte beyond ASCII (a Unicode space could be there) is read by
    /// `parseLine` itself.
    private static func codeBytes(of line: Range<Int>, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = line.lowerBound
        while start < line.upperBound, isSpace(bytes[start]) { start += 1 }
        guard start < line.upperBound, bytes[start] != UInt8(ascii: "#") else { return nil }
        guard let equals = bytes[start..<line.upperBound].firstIndex(of: UInt8(ascii: "=")) else { return nil }
        var end = equals
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if bytes[start] >= 0x80 || (end > start && bytes[end - 1] >= 0x80) {
            guard let entry = Catalogue.parseLine(bytes[line]) else { return nil }
            return ArraySlice(entry.code.utf8)
        }
        return bytes[start..<end]
    }

    private static func sameCode(_ line: Range<Int>, _ code: ArraySlice<UInt8>, in bytes: [UInt8]) -> Bool {
        codeBytes(of: line, in: bytes).map { $0.elementsEqual(code) } ?? false
    }

    /// FNV-1a, 64 bits.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
