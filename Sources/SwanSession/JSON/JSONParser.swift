import SwanDiagnostics

/// A strict JSON parser (RFC 8259) over UTF-8 bytes that remembers where every value starts.
/// It is written by hand rather than using JSONSerialization so that errors carry exact
/// positions, duplicate keys are noticed, booleans never turn into numbers, and strings are
/// kept exactly as written (every scalar, no normalisation).
///
/// The input must already be valid UTF-8 (see `UTF8Validation`).
struct JSONParser {
    struct SyntaxError: Error, Equatable {
        var offset: Int
        var path: JSONPath
        var message: Message
    }

    /// Deeper nesting than this is refused, so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

    /// The longest text of one session field, in UTF-8 bytes (docs/session.md): a million
    /// characters of answer fit; a pasted file does not.
    static let maximumStringBytes = 2 << 20

    private let bytes: [UInt8]
    private var index = 0
    private var path = JSONPath.root

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON document. A UTF-8 byte order mark at the start is skipped.
    static func parse(_ bytes: [UInt8]) throws -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw parser.error(.jsonEmpty)
        }
        let node = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            parser.path = .root
            throw parser.error(.jsonAfterEnd, ["found": parser.describeCurrent()])
        }
        return node
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws -> JSONNode {
        guard depth <= JSONParser.maximumDepth else {
            throw error(.jsonTooDeep, ["depth": "\(JSONParser.maximumDepth)"])
        }
        let start = index
        guard index < bytes.count else {
            throw error(.jsonEndExpectedValue)
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(value: try parseObject(depth: depth), offset: start)
        case UInt8(ascii: "["): return JSONNode(value: try parseArray(depth: depth), offset: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(value: .null, offset: start)
        default:
            throw error(.jsonExpectedValue, ["found": describeCurrent()])
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONValue {
        index += 1 // {
        var members: [JSONMember] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            return .object(members)
        }
        let outer = path
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error(.jsonExpectedKey, ["found": describeCurrent()])
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else {
                throw error(.jsonExpectedColon, ["found": describeCurrent(), "key": "\(key)"])
            }
            index += 1
            skipWhitespace()
            path = outer.appending(key)
            let value = try parseValue(depth: depth + 1)
            path = outer
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                skipWhitespace()
                if peek(UInt8(ascii: "}")) {
                    throw error(.jsonTrailingCommaObject)
                }
                continue
            }
            if peek(UInt8(ascii: "}")) {
                index += 1
                return .object(members)
            }
            throw error(.jsonExpectedCommaObject, ["found": describeCurrent(), "key": "\(key)"])
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONValue {
        index += 1 // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            return .array(elements)
        }
        let outer = path
        while true {
            skipWhitespace()
            path = outer.appending(elements.count)
            elements.append(try parseValue(depth: depth + 1))
            path = outer
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                skipWhitespace()
                if peek(UInt8(ascii: "]")) {
                    throw error(.jsonTrailingCommaArray)
                }
                continue
            }
            if peek(UInt8(ascii: "]")) {
                index += 1
                return .array(elements)
            }
            throw error(.jsonExpectedCommaArray, ["found": describeCurrent()])
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1 // opening quote
        var buffer: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else {
                index = start
                throw error(.jsonUnterminatedString)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                buffer.append(contentsOf: bytes[runStart..<index])
                if buffer.count > Self.maximumStringBytes {
                    index = start
                    throw error(.jsonTextTooLong, ["size": "\(buffer.count >> 10) KB", "limit": "\(Self.maximumStringBytes >> 20) MB"])
                }
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error(.jsonControlCharacter, ["byte": "\(UTF8Validation.hex(byte))"])
            }
            if byte == UInt8(ascii: "\\") {
                buffer.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &buffer)
                runStart = index
                continue
            }
            index += 1
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws {
        let escapeStart = index
        index += 1 // backslash
        guard index < bytes.count else {
            throw error(.jsonEndInEscape)
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var value = try parseHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(value) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    index = escapeStart
                    throw error(.jsonLoneHighSurrogate, ["code": "\(hex4(value))"])
                }
                let lowStart = index
                index += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    index = lowStart
                    throw error(.jsonBadLowSurrogate, ["code": "\(hex4(value))", "next": "\(hex4(low))"])
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(value) {
                index = escapeStart
                throw error(.jsonLoneLowSurrogate, ["code": "\(hex4(value))"])
            }
            buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8))
        default:
            index = escapeStart
            throw error(.jsonBadEscape, ["character": "\(String(decoding: [byte], as: UTF8.self))"])
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                index = escapeStart
                throw error(.jsonBadUnicodeEscape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error(.jsonLeadingZero)
            }
        } else {
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.jsonExpectedDigit, ["found": describeCurrent()])
            }
            skipDigits()
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.jsonExpectedFractionDigit, ["found": describeCurrent()])
            }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.jsonExpectedExponentDigit, ["found": describeCurrent()])
            }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let expected = Array(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error(.jsonExpectedValue, ["found": describeCurrent()])
        }
        index += expected.count
        if index < bytes.count, isWordByte(bytes[index]) {
            throw error(.jsonAfterLiteral, ["found": describeCurrent(), "literal": "\(literal)"])
        }
    }

    // MARK: - Helpers

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte >= 0x80
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The character at the current position, for messages: "'x'", "end of file", "a line break".
    private func describeCurrent() -> MessageArgument {
        guard index < bytes.count else { return .message(SessionCode.charEndOfFile) }
        let byte = bytes[index]
        switch byte {
        case 0x0A: return .message(SessionCode.charLineBreak)
        case 0x09: return .message(SessionCode.charTab)
        case 0x0D: return .message(SessionCode.charCarriageReturn)
        case 0x00..<0x20: return .message(SessionCode.charControl, ["byte": "\(UTF8Validation.hex(byte))"])
        default:
            // Decode the whole scalar starting here (the input is valid UTF-8).
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return .message(SessionCode.charLiteral, ["character": "\(String(decoding: bytes[index..<end], as: UTF8.self))"])
        }
    }

    private func error(_ code: SessionCode, _ arguments: [String: MessageArgument] = [:]) -> SyntaxError {
        SyntaxError(offset: index, path: path, message: Message(code, arguments))
    }
}
