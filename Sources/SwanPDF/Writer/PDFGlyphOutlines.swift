/// Glyph outlines in font units, for text drawn as shapes (decorative numerals): read once per
/// run from HarfBuzz and kept, a few glyphs at most.
import Foundation
import SwanLayout
internal import CHarfBuzzSubset

struct PDFGlyphOutline: Sendable {
    enum Op: Sendable { case move, line, curve, close }
    var ops: [Op] = []
    var values: [Float] = []
}

/// Unchecked: the cache is only touched under `lock`.
final class PDFGlyphOutlines: @unchecked Sendable {
    private struct Key: Hashable { let font: Font; let glyph: UInt32 }
    private var cache: [Key: PDFGlyphOutline] = [:]
    private let lock = NSLock()
    /// Outlines kept at most (decorative text uses a handful of glyphs).
    static let limit = 512

    func outline(_ font: Font, _ glyph: UInt32) -> PDFGlyphOutline {
        let key = Key(font: font, glyph: glyph)
        lock.lock()
        if let hit = cache[key] { lock.unlock(); return hit }
        lock.unlock()
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
        lock.lock()
        if cache.count >= Self.limit { cache.removeAll() }
        cache[key] = outline
        lock.unlock()
        return outline
    }
}
