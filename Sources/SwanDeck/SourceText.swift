import Foundation
import SwanDiagnostics
import SwanIO

/// Reads a deck file as text and enforces the encoding rules stated in Templates/README.md:
/// UTF-8 only; a byte-order mark is ignored; CRLF is read as LF; a lone CR, invalid bytes
/// and an empty file are errors.
enum SourceText {
    static func read(_ url: URL, displayPath: String, referencedFrom reference: SourceLocation?) throws -> String {
        let data: Data
        do {
            data = try InputFile.read(url, limit: DeckLimits.fileSize)
        } catch let error as FileError {
            switch error.reason {
            case .system(ENOENT): throw Diagnostic.deck(.fileNotFound, ["file": "\(displayPath)"], at: reference)
            default: throw FileError(.read, displayPath, error.reason).diagnostic(at: reference)
            }
        }
        return try decode(Array(data), file: displayPath)
    }

    static func decode(_ input: [UInt8], file: String) throws -> String {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let absolute = offset + (input.count - bytes.count)
            let (line, column) = position(ofByte: offset, in: bytes)
            let byte = String(format: "0x%02X", bytes[bytes.startIndex + offset])
            throw Diagnostic.deck(.invalidUtf8, ["byte": "\(byte)", "offset": "\(absolute)"],
                                  at: SourceLocation(file: file, line: line, column: column))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        // Byte checks first: most files have no carriage return and some visible ASCII.
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
            if let index = text.firstIndex(of: "\r") {
                let (line, column) = position(of: index, in: text)
                throw Diagnostic.deck(.loneCarriageReturn, at: SourceLocation(file: file, line: line, column: column))
            }
        }
        if !bytes.contains(where: { $0 > 0x20 && $0 < 0x7F }), text.allSatisfy({ $0.isWhitespace }) {
            throw Diagnostic.deck(.emptyFile, at: SourceLocation(file: file, line: 1, column: 1))
        }
        return text
    }

    /// YAML forbids tabs in indentation; catch them before libyaml gives a cryptic message.
    static func checkIndentationTabs(_ text: String, file: String) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        guard contains(0x09, in: text) else { return errors }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t") {
                let column = line.distance(from: line.startIndex, to: tab) + 1
                errors.append(.deck(.tabIndentation, at: SourceLocation(file: file, line: number + 1, column: column)))
            }
        }
        return errors
    }

    /// Whether `text` holds the byte: memchr on the native string's UTF-8 (a generic walk of
    /// `utf8` was 0.8 % of `swan invulblad`'s instructions, on every deck file twice).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Byte offset (relative to the slice) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                // The decoder stops at the first byte of the bad sequence.
                return offset
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset inside valid UTF-8 before it.
    private static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        let before = bytes.prefix(offset)
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let column = String(decoding: bytes[lineStart..<(bytes.startIndex + offset)], as: UTF8.self).count + 1
        return (line, column)
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        let before = text[..<index]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<index].unicodeScalars.count + 1)
    }
}
