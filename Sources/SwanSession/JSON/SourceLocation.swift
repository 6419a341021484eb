/// A 1-based line and column in a source file. Columns count Unicode scalars, not bytes,
/// so that "Ayşe" moves the column by four, as an editor shows it.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }

    /// The location of a byte offset in UTF-8 bytes. Lines end at "\n" ("\r\n" works too:
    /// the "\r" only counts as the last column of its line). Continuation bytes
    /// (0b10xxxxxx) do not start a new column; offsets past the end point just after it.
    static func of(offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(max(offset, 0), bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
