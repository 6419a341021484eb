/// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above
/// U+10FFFF. Returns every invalid sequence as the byte offset where it starts and a
/// description of the offending bytes.
enum UTF8Validation {
    struct Problem: Equatable {
        var offset: Int
        var message: String
    }

    static func problems(in bytes: [UInt8], limit: Int = 20) -> [Problem] {
        var problems: [Problem] = []
        var index = 0
        let count = bytes.count
        while index < count, problems.count < limit {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default:
                problems.append(Problem(offset: index, message: "invalid UTF-8: byte \(hex(lead)) cannot start a character"))
                index += 1
                continue
            }
            // Count the continuation bytes that fit; stop at the first one that does not.
            var consumed = 1
            while consumed < length, index + consumed < count {
                let byte = bytes[index + consumed]
                let (lo, hi) = consumed == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < lo || byte > hi { break }
                consumed += 1
            }
            if consumed == length {
                index += length
                continue
            }
            let cutOff = index + consumed == count
            let shown = bytes[index..<min(index + consumed + (cutOff ? 0 : 1), count)]
            let detail = cutOff ? "is cut off at the end of the file" : "is not a valid character"
            problems.append(Problem(offset: index, message: "invalid UTF-8: the byte sequence \(shown.map(hex).joined(separator: " ")) \(detail); save the file as UTF-8"))
            index += consumed
        }
        return problems
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
