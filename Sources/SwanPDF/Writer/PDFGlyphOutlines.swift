/// Glyph outlines in font units, for text drawn as shapes (decorative numerals): read once per
/// run from HarfBuzz and kept, a few glyphs at most.
import Foundation
import SwanDiagnostics
import SwanLayout
internal import CHarfBuzzSubset

struct PDFGlyphOutline: Sendable {
    enum Op: Sendable { case move, line, curve, close }
    var ops: [Op] = []
    var values: [Float] = []
}

final class PDFGlyphOutlines: Sendable {
    private struct Key: Hashable { let font: Font; let glyph: UInt32 }
    private let cache = LockedBox([Key: PDFGlyphOutline]())
    /// Outlines kept at most (decorative text uses a handful of glyphs).
    static let limit = 512

    func outline(_ font: Font, _ glyph: UInt32) -> PDFGlyphOutline {
        let key = Key(font: font, glyph: glyph)
        if let hit = cache.withLockedValue({ $0[key] }) { return hit }
        var raw = swan_glyph_outline(font.hbFont, glyph)
        defer { swan_outline_free(&raw) }
        var outline = PDFGlyphOutline()
        for i in 0..<Int(raw.count) {
            switch UInt8(bitPattern: raw.ops[i]) {
            case UInt8(ascii: "m"): outline.ops.append(.move)
            case UInt8(ascii: "l"): outline.ops.append(.line)
            case UInt8(ascii: "c"): outline.ops.append(.curve)
            default: outline.ops.append(.close)
            }
        }
        if raw.value_count > 0 { outline.values = Array(UnsafeBufferPointer(start: raw.values, count: Int(raw.value_count))) }
        cache.withLockedValue { cache in
            if cache.count >= Self.limit { cache.removeAll() }
            cache[key] = outline
        }
        return outline
    }
}
