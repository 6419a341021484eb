/// Dutch name particles stay with the name: "van den Berg-Oosterhuizen" never breaks after
/// "van" or "den". A particle keeps the space after it when it is followed, through further
/// particles, by a capitalised word ("van de organisatie" keeps its ordinary breaks).
import Foundation

struct NameParticles {
    /// Lowercase particles (the deck's typography.yaml: nameParticles).
    let particles: Set<String>
    init(_ particles: Set<String>) { self.particles = particles }

    /// Whether any particle in `runs` is followed by a name: a cheap look at the text, so that
    /// the items of most paragraphs are not read again.
    func gluesToKeep(in runs: [TextRun]) -> [Int] {
        if runs.allSatisfy({ LatinRun.isLatin($0.text) }) { return latinGluesToKeep(runs) }
        let words = runs.map(\.text).joined().split(whereSeparator: { ParagraphBuilder.isBreakingSpace($0) || ParagraphBuilder.isLineEnd($0) })
        return keptSpaces(words.map(String.init))
    }

    /// `gluesToKeep` for Latin text (see `LatinRun`), read as UTF-8: the words split at the ASCII
    /// space, tab and line ends (its only separators), a word of ASCII letters compared with the
    /// particles only when it is no longer than the longest, no String per word.
    private func latinGluesToKeep(_ runs: [TextRun]) -> [Int] {
        let longest = particles.reduce(0) { max($0, $1.utf8.count) }
        var kept: [Int] = []
        var chain: [Int] = []
        var index = 0
        var word: [UInt8] = []
        func isParticle() -> Bool {
            guard word.allSatisfy({ $0 < 0x80 }) else { return particles.contains(String(decoding: word, as: UTF8.self).lowercased()) }
            // Lowercasing ASCII keeps the length.
            guard word.count <= longest else { return false }
            return particles.contains(String(decoding: word.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        func endWord() {
            guard !word.isEmpty else { return }
            if isParticle() {
                chain.append(index)
            } else {
                if !chain.isEmpty, chain.last == index - 1, String(decoding: word, as: UTF8.self).first?.isUppercase == true { kept += chain }
                chain = []
            }
            index += 1
            word.removeAll(keepingCapacity: true)
        }
        for run in runs {
            for byte in run.text.utf8 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { endWord() } else { word.append(byte) }
            }
        }
        endWord()
        return kept
    }

    /// Indices of the spaces (after word i) that must not break.
    func keptSpaces(_ words: [String]) -> [Int] {
        var kept: [Int] = []
        var chain: [Int] = []   // particles in a row, waiting for a name
        for (index, word) in words.enumerated() {
            if particles.contains(word.lowercased()) {
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
                    for slice in paragraph.fragments[fragment].slices {
                        current += String(decoding: Array(slice.shaped.text.utf8)[slice.byteRange], as: UTF8.self)
                    }
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
        for word in keptSpaces(words).reversed() where spaceAfter[word] >= 0 {
            paragraph.items.insert(.penalty(0, BreakItem.forbiddenBreak), at: spaceAfter[word])
        }
    }
}
