/// Dutch name particles stay with the name: "van den Berg-Oosterhuizen" never breaks after
/// "van" or "den". A particle keeps the space after it when it is followed, through further
/// particles, by a capitalised word ("van de organisatie" keeps its ordinary breaks).
import Foundation

struct NameParticles {
    /// Lowercase particles (the deck's typography.yaml: nameParticles).
    let particles: Set<String>
    /// The longest particle's length in UTF-8 bytes, times three (lowercasing shrinks a letter
    /// to a third at most: the Kelvin sign): a longer word is no particle, and is not lowercased
    /// to find out (this runs for every paragraph set).
    private let longest: Int
    /// The longest particle's length in UTF-8 bytes: the longest ASCII word that can be one.
    private let longestASCII: Int
    init(_ particles: Set<String>) {
        self.particles = particles
        longestASCII = particles.map(\.utf8.count).max() ?? 0
        longest = 3 * longestASCII
    }

    /// Whether any particle in `runs` is followed by a name: a cheap look at the text, so that
    /// the items of most paragraphs are not read again.
    func gluesToKeep(in runs: [TextRun]) -> [Int] {
        var text = runs.count == 1 ? runs[0].text : runs.map(\.text).joined()
        // ASCII text with no capital after its first byte has no name after a particle (a name
        // is a word after another that opens with a capital): most headings and list items.
        let bytes = text.utf8
        if !bytes.contains(where: { $0 >= 0x80 }) && !bytes.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return [] }
        if let kept = text.withUTF8({ latinGluesToKeep($0) }) { return kept }
        return keptSpaces(text.split(whereSeparator: { ParagraphBuilder.isBreakingSpace($0) || ParagraphBuilder.isLineEnd($0) }))
    }

    /// `keptSpaces` of the words of Latin text (`LatinRun.isLatin`), read as UTF-8, or nil for
    /// other text. There every Character is one scalar (but "\r\n") and the only word separators
    /// are the ASCII space, tab and line ends, so the words are those the Character split gives;
    /// a word is made a String only when it is short enough to be a particle.
    private func latinGluesToKeep(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var kept: [Int] = []
        var chain: [Int] = []
        var index = 0       // of the word
        var start = 0       // its first byte
        var ascii = true    // whether its bytes are all ASCII
        func endWord(at end: Int) {
            defer { start = end + 1; ascii = true }
            guard end > start else { return }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if isParticle(word, ascii: ascii) {
                chain.append(index)
            } else {
                if !chain.isEmpty, chain.last == index - 1, startsUppercase(word) { kept += chain }
                chain = []
            }
            index += 1
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { endWord(at: i) }
                i += 1
                continue
            }
            guard byte >= 0xC2 && byte < 0xF0 else { return nil }  // a scalar past U+FFFF: not Latin
            let (value, length) = LatinRun.scalar(bytes, at: i)
            guard LatinRun.isLatin(value) else { return nil }
            ascii = false
            i += length
        }
        endWord(at: bytes.count)
        return kept
    }

    /// What `keptSpaces` asks of a word, from its bytes: lowercased, is it a particle?
    private func isParticle(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool {
        guard word.count <= longest else { return false }
        guard ascii else { return particles.contains(String(decoding: word, as: UTF8.self).lowercased()) }
        // Lowercasing ASCII keeps the length: a word longer than every particle is none.
        guard word.count <= longestASCII else { return false }
        guard word.count <= 16 else { return particles.contains(String(decoding: word, as: UTF8.self).lowercased()) }
        var lower = (0 as UInt64, 0 as UInt64)
        return withUnsafeMutableBytes(of: &lower) { buffer in
            for (offset, byte) in word.enumerated() { buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            return particles.contains(String(decoding: buffer.prefix(word.count), as: UTF8.self))
        }
    }

    /// Whether the word's first Character is uppercase (in Latin text its first scalar).
    private func startsUppercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let (value, _) = LatinRun.scalar(word, at: 0)
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        return Unicode.Scalar(value).map { Character($0).isUppercase } ?? false
    }

    /// Indices of the spaces (after word i) that must not break.
    func keptSpaces<Word: StringProtocol>(_ words: [Word]) -> [Int] {
        var kept: [Int] = []
        var chain: [Int] = []   // particles in a row, waiting for a name
        for (index, word) in words.enumerated() {
            if word.utf8.count <= longest && particles.contains(word.lowercased()) {
                chain.append(index)
            } else {
                if !chain.isEmpty, chain.last == index - 1, word.first?.isUppercase == true { kept += chain }
                chain = []
            }
        }
        return kept
    }

    /// Puts a forbidden break before each space after a particle that belongs to a name. The
    /// words are read back from the paragraph's boxes (the text between two word spaces).
    func keep(_ paragraph: inout PreparedParagraph) {
        var words: [String] = []
        var spaceAfter: [Int] = []   // item index of the glue after word i
        var current = ""
        for (index, item) in paragraph.items.enumerated() {
            switch item.kind {
            case .box:
                if let fragment = item.fragment {
                    // The slice's own bytes, not a copy of the whole shaped run per slice (which made
                    // a paragraph of a million characters quadratic).
                    for slice in paragraph.fragments[fragment].slices { current += LineSetter.text(of: slice) }
                }
            case .glue:
                guard !current.isEmpty else { continue }
                words.append(current); spaceAfter.append(index); current = ""
            case .penalty:
                if item.penalty <= BreakItem.forcedBreak, !current.isEmpty {
                    words.append(current); spaceAfter.append(-1); current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current); spaceAfter.append(-1) }
        let glues = keptSpaces(words).compactMap { spaceAfter[$0] >= 0 ? spaceAfter[$0] : nil }
        guard !glues.isEmpty else { return }
        // One pass that puts the forbidden breaks in, not an insert (a shift of every later item)
        // per kept space.
        var items: [BreakItem] = []
        items.reserveCapacity(paragraph.items.count + glues.count)
        var next = glues.makeIterator(), glue = next.next()
        for (index, item) in paragraph.items.enumerated() {
            while let at = glue, at == index { items.append(.penalty(0, BreakItem.forbiddenBreak)); glue = next.next() }
            items.append(item)
        }
        paragraph.items = items
    }
}
