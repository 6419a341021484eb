/// Messages quote user text (session fields, card texts, file names). Before they reach a
/// terminal, control characters in them are shown escaped, so a field cannot move the cursor,
/// recolour the screen, or reverse the text around it with a bidi override.
package enum TerminalText {
    /// C0 controls (except tab), DEL, C1 controls and the bidi embedding, override and isolate
    /// characters become `<U+001B>`; everything else is kept.
    package static func escaped(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: needsEscape) else { return line }
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
