import SwanDiagnostics

/// A 1-based line and column in a source file. Columns count Unicode scalars, not bytes,
/// so that "Ayşe" moves the column by four, as an editor shows it.
package struct TextPosition: Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package var description: String { "line \(line), column \(column)" }

    /// The place of a value at this position, for a diagnostic.
    func location(in file: String, path: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, jsonPath: path)
    }

    /// The location of a byte offset in UTF-8 bytes. Lines end at "\n" ("\r\n" works too:
    /// the "\r" only counts as the last column of its line). A character takes one column
    /// whatever its byte count; a stray byte of invalid UTF-8 also takes one column.
    static func of(offset: Int, in bytes: [UInt8]) -> TextPosition {
        of(sortedOffsets: [offset], in: bytes)[0]
    }

    /// The locations of many offsets in one pass over the bytes. `offsets` must be sorted.
    static func of(sortedOffsets offsets: [Int], in bytes: [UInt8]) -> [TextPosition] {
        var result: [TextPosition] = []
        result.reserveCapacity(offsets.count)
        var line = 1
        var column = 1
        var pendingContinuations = 0
        var index = 0
        for offset in offsets {
            let end = min(max(offset, 0), bytes.count)
            while index < end {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                    pendingContinuations = 0
                } else if byte & 0xC0 == 0x80 && pendingContinuations > 0 {
                    pendingContinuations -= 1
                } else {
                    column += 1
                    pendingContinuations = continuations(after: byte)
                }
                index += 1
            }
            result.append(TextPosition(line: line, column: column))
        }
        return result
    }

    /// How many continuation bytes a lead byte announces (0 for ASCII and invalid bytes).
    private static func continuations(after byte: UInt8) -> Int {
        switch byte {
        case 0xC2...0xDF: return 1
        case 0xE0...0xEF: return 2
        case 0xF0...0xF4: return 3
        default: return 0
        }
    }
}
