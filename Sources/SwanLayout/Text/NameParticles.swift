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
    init(_ particles: Set<String>) {
        self.particles = particles
        longest = 3 * (particles.map(\.utf8.count).max() ?? 0)
    }

    /// Whether any particle in `runs` is followed by a name: a cheap look at the text, so that
    /// the items of most paragraphs are not read again.
    func gluesToKeep(in runs: [TextRun]) -> [Int] {
        let text = runs.count == 1 ? runs[0].text : runs.map(\.text).joined()
        // ASCII text with no capital after its first byte has no name after a particle (a name
        // is a word after another that opens with a capital): most headings and list items.
        let bytes = text.utf8
        if !bytes.contains(where: { $0 >= 0x80 }) && !bytes.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return [] }
        return keptSpaces(text.split(whereSeparator: { ParagraphBuilder.isBreakingSpace($0) || ParagraphBuilder.isLineEnd($0) }))
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
