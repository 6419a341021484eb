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
        var message: String
    }

    /// Deeper nesting than this is refused, so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

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
            throw parser.error("the file is empty; expected a JSON object")
        }
        let node = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            parser.path = .root
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document; expected nothing more")
        }
        return node
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws -> JSONNode {
        guard depth <= JSONParser.maximumDepth else {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        let start = index
        guard index < bytes.count else {
            throw error("unexpected end of file; expected a value")
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
            throw error("unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)")
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
                throw error("unexpected \(describeCurrent()); expected a key in double quotes")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else {
                throw error("unexpected \(describeCurrent()) after key '\(key)'; expected ':'")
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
                    throw error("unexpected '}' after ','; expected another key (JSON allows no trailing comma)")
                }
                continue
            }
            if peek(UInt8(ascii: "}")) {
                index += 1
                return .object(members)
            }
            throw error("unexpected \(describeCurrent()) after the value of '\(key)'; expected ',' or '}'")
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
                    throw error("unexpected ']' after ','; expected another value (JSON allows no trailing comma)")
                }
                continue
            }
            if peek(UInt8(ascii: "]")) {
                index += 1
                return .array(elements)
            }
            throw error("unexpected \(describeCurrent()) after an array element; expected ',' or ']'")
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
                throw error("unterminated string; expected a closing '\"'")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                buffer.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error("control character \(UTF8Validation.hex(byte)) inside a string; write it escaped (for a line break: \\n)")
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
            throw error("unexpected end of file inside an escape sequence")
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
                    throw error("lone surrogate \\u\(hex4(value)); expected a low surrogate \\uDC00–\\uDFFF after it")
                }
                let lowStart = index
                index += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    index = lowStart
                    throw error("\\u\(hex4(value)) is followed by \\u\(hex4(low)); expected a low surrogate \\uDC00–\\uDFFF")
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(value) {
                index = escapeStart
                throw error("lone surrogate \\u\(hex4(value)); a low surrogate must follow a high one")
            }
            buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8))
        default:
            index = escapeStart
            throw error("invalid escape sequence '\\\(String(decoding: [byte], as: UTF8.self))'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                index = escapeStart
                throw error("invalid \\u escape; expected four hexadecimal digits")
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
                throw error("a number may not start with 0 followed by digits")
            }
        } else {
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("unexpected \(describeCurrent()) in a number; expected a digit")
            }
            skipDigits()
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("unexpected \(describeCurrent()) after a decimal point; expected a digit")
            }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("unexpected \(describeCurrent()) in an exponent; expected a digit")
            }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let expected = Array(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)")
        }
        index += expected.count
        if index < bytes.count, isWordByte(bytes[index]) {
            throw error("unexpected \(describeCurrent()) after '\(literal)'")
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
    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        switch byte {
        case 0x0A: return "line break"
        case 0x09: return "tab"
        case 0x0D: return "carriage return"
        case 0x00..<0x20: return "control character \(UTF8Validation.hex(byte))"
        default:
            // Decode the whole scalar starting here (the input is valid UTF-8).
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
        }
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(offset: index, path: path, message: message)
    }
}
