import SwanDiagnostics

/// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above
/// U+10FFFF. Returns every invalid sequence as the byte offset where it starts and a
/// description of the offending bytes.
enum UTF8Validation {
    struct Problem: Equatable {
        var offset: Int
        var message: Message
    }

    static func problem(at offset: Int, _ code: SessionCode, _ arguments: [String: MessageArgument]) -> Problem {
        Problem(offset: offset, message: Message(code, arguments))
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
            guard let (length, lower, upper) = leadInfo(lead) else {
                // A byte that can never start a character (0x80–0xC1, 0xF5–0xFF): report it
                // together with the continuation bytes that follow it, as one bad sequence.
                var end = index + 1
                while end < count, end - index < 4, isContinuation(bytes[end]) { end += 1 }
                problems.append(end == index + 1
                    ? problem(at: index, .utf8BadLead, ["byte": "\(hex(lead))"])
                    : problem(at: index, .utf8BadSequence, ["bytes": "\(hexList(bytes[index..<end]))"]))
                index = end
                continue
            }
            // Count the continuation bytes that are in range.
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
            let next = index + consumed
            if next == count {
                problems.append(problem(at: index, .utf8Truncated, ["byte": "\(hex(lead))", "length": "\(length)", "count": "\(consumed)"]))
                index = count
            } else if isContinuation(bytes[next]) {
                // In the continuation range but not allowed here: overlong, surrogate or too large.
                var end = next + 1
                while end < count, end - index < length, isContinuation(bytes[end]) { end += 1 }
                problems.append(problem(at: index, .utf8Overlong, ["bytes": "\(hexList(bytes[index..<end]))"]))
                index = end
            } else {
                problems.append(problem(at: index, .utf8BadContinuation, ["byte": "\(hex(lead))", "length": "\(length)", "next": "\(hex(bytes[next]))"]))
                index = next
            }
        }
        return problems
    }

    /// The length of the sequence a lead byte starts and the allowed range of its second byte.
    private static func leadInfo(_ lead: UInt8) -> (Int, UInt8, UInt8)? {
        switch lead {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    static func hexList(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map(hex).joined(separator: " ")
    }
}
