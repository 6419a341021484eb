/// Writes JSON values pretty printed: two-space indentation, keys sorted by their UTF-8 bytes,
/// a newline at the end. Strings are written as they are; only `"`, `\` and control
/// characters are escaped, so every other character (any script, emoji) stays readable.
enum JSONWriter {
    static func write(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, indent: 0, into: &output)
        output.append(0x0A)
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: Array("null".utf8))
        case .bool(let flag):
            output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let text):
            output.append(contentsOf: Array(text.utf8))
        case .string(let text):
            writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: Array("[]".utf8))
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                write(element.value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: Array("{}".utf8))
                return
            }
            output.append(UInt8(ascii: "{"))
            let sorted = members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                writeString(member.key, into: &output)
                output.append(contentsOf: Array(": ".utf8))
                write(member.value.value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, into output: inout [UInt8]) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: Array("\\\"".utf8))
            case UInt8(ascii: "\\"): output.append(contentsOf: Array("\\\\".utf8))
            case 0x0A: output.append(contentsOf: Array("\\n".utf8))
            case 0x0D: output.append(contentsOf: Array("\\r".utf8))
            case 0x09: output.append(contentsOf: Array("\\t".utf8))
            case 0x08: output.append(contentsOf: Array("\\b".utf8))
            case 0x0C: output.append(contentsOf: Array("\\f".utf8))
            case 0x00..<0x20:
                let digits = String(byte, radix: 16, uppercase: true)
                output.append(contentsOf: Array(("\\u00" + (digits.count == 1 ? "0" : "") + digits).utf8))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
