/// One catalogue file kept as its bytes with an index of its codes, so that starting a process
/// costs one pass over the file: no string is made for a message until it is worded (a filled
/// invulblad words one "wrote" line and the help texts ArgumentParser asks for). The index is an
/// open-addressing table in one array of integers (no dictionary type to instantiate at start):
/// each code's slot holds the byte range of the line that defines it last. A lookup words that
/// one line with `Catalogue.parseLine`, the rule the whole-file parse uses, so the answer is the
/// parse's.
final class CatalogueIndex: Sendable {
    private let bytes: [UInt8]
    /// Two integers per slot: the line's first byte + 1 (0: an empty slot) and its end.
    private let slots: [Int]
    private let mask: Int

    init(_ text: String) {
        let bytes = Array(text.utf8)
        let lineCount = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        var capacity = 16
        while capacity < 2 * lineCount { capacity *= 2 }
        var slots = [Int](repeating: 0, count: 2 * capacity)
        let mask = capacity - 1
        Self.eachLine(of: bytes) { line in
            guard let code = Self.codeBytes(of: line, in: bytes) else { return }
            var slot = Self.hash(code) & mask
            // The slot of the same code (a later definition wins) or the first empty one.
            while slots[2 * slot] != 0, !Self.sameCode(slots[2 * slot] - 1..<slots[2 * slot + 1], code, in: bytes) {
                slot = (slot + 1) & mask
            }
            slots[2 * slot] = line.lowerBound + 1
            slots[2 * slot + 1] = line.upperBound
        }
        self.bytes = bytes
        self.slots = slots
        self.mask = mask
    }

    /// The text of `code`, trimmed; nil when the file does not define it.
    func template(_ code: String) -> String? {
        var code = code
        return code.withUTF8 { wanted -> String? in
            let wanted = ArraySlice(wanted)
            var slot = Self.hash(wanted) & mask
            while slots[2 * slot] != 0 {
                let line = slots[2 * slot] - 1..<slots[2 * slot + 1]
                if Self.sameCode(line, wanted, in: bytes) { return Catalogue.parseLine(bytes[line])?.value }
                slot = (slot + 1) & mask
            }
            return nil
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

    /// FNV-1a over the bytes, as a non-negative Int.
    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
