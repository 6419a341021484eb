/// The paragraph builder's fast path: a run of Latin text that the style's own face covers is
/// read as UTF-8 bytes, a word's stretch at a time, instead of a String, a face look-up and a
/// script look-up per Character. Within the ranges below every Character is one scalar, no
/// character has a right-to-left direction or a face of its own, and every script is Latin or
/// none (it takes its neighbours'), so the pieces come out as the Character walk makes them.
internal import CHarfBuzz

enum LatinRun {
    /// True when every character of `text` is printable ASCII, a tab or line end, or in Latin-1,
    /// Latin Extended-A and -B, the common punctuation (U+2010–U+2027) or the euro sign, and
    /// `face` has a glyph for each one beyond ASCII.
    static func covers(_ text: String, _ face: Font) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x20..<0x7F).contains(value) || value == 0x09 || value == 0x0A || value == 0x0D { continue }
            guard isLatin(value), face.covers(scalar) else { return false }
        }
        return true
    }

    /// Latin-1, Latin Extended-A and -B, U+2010–U+2027 or the euro sign: no separator, no
    /// mark, no right-to-left character among them.
    static func isLatin(_ value: UInt32) -> Bool {
        (0xA0...0x24F).contains(value) || (0x2010...0x2027).contains(value) || value == 0x20AC
    }

    /// A word continues in a Latin run only when its last piece has no script or a Latin one.
    static func joins(_ script: UInt32?) -> Bool { script == nil || script == latin }

    /// The scalar at byte `index` of valid UTF-8 text holding only the characters `covers`
    /// allows (one to three bytes), and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2) }
        return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
    }

    static let latin = swan_hb_tag(0x4C, 0x61, 0x74, 0x6E)

    /// `Shaper.script(of:)` for a character `covers` allows: Latin for letters, nil for the rest.
    static func script(of value: UInt32) -> UInt32? {
        if value < 0x80 {
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) ? latin : nil
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return Shaper.script(of: Character(scalar))
    }
}
